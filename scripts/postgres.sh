#!/usr/bin/env bash
# A throwaway PostgreSQL for tests: Debian's postgresql (installed with apt-get when missing), a fresh data folder in
# a temporary directory, listening on 127.0.0.1 on a free port with trust authentication, no fsync.
#
#   scripts/postgres.sh start      prints two lines, PGPORT=<port> and PGDATA_DIR=<folder>, once the server accepts
#   scripts/postgres.sh stop DIR   stops that server (immediate) and deletes its folder
#
# PostgreSQL refuses to run as root, so as root initdb and the server run as the `postgres` user the package creates
# (the folder is handed to it); as another user they run as that user.
set -euo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    bin=$(find_bin)
    if [ -z "$bin" ]; then
        if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
            echo "jmcp: PostgreSQL is missing; install it (Debian/Ubuntu: sudo apt-get install -y postgresql)" >&2
            exit 1
        fi
        echo "jmcp: installing postgresql with apt-get ..." >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q --no-install-recommends postgresql >&2 ||
            { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends postgresql >&2; }
        bin=$(find_bin)
    fi
    dir=$(mktemp -d /tmp/jmcp-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: bind port 0 and read what the kernel chose. A race with another process is possible but rare;
    # pg_ctl then fails and says so.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=40" start >&2 ||
        { cat "$dir/server.log" >&2; exit 1; }
    echo "PGPORT=$port"
    echo "PGDATA_DIR=$dir"
    ;;
stop)
    dir=${2:?usage: postgres.sh stop DIR}
    case "$dir" in /tmp/jmcp-pg.*) ;; *) echo "jmcp: $dir is not a folder postgres.sh made" >&2; exit 2 ;; esac
    bin=$(find_bin)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: scripts/postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
