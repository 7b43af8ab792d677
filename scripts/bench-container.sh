#!/usr/bin/env bash
# Measures a jmcp Cloud Run image under podman: image size, time from `podman run` to the first successful
# tools/call with and without the AOT cache (alternating runs, so both see the same machine state), and idle RSS.
# Usage: scripts/bench-container.sh [FOLDER] [RUNS]   (default examples/notes, 10 runs per variant)
# Needs podman (scripts/podman.sh). Prints a Markdown table; also writes it to target/bench/container.md.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$JMCP_ROOT"
folder=${1:-examples/notes} runs=${2:-10}
name=$(sed -n 's/.*"name": *"\([^"]*\)".*/\1/p' "$folder/jmcp.json")
image="localhost/jmcp/$name:latest"
out=target/bench && mkdir -p "$out"
# A read-only call every example answers quickly; override with BENCH_CALL for another application.
call=${BENCH_CALL:-'{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":""}}}'}

build_out=$(./jmcp build --target google-cloud-run "$folder" 2>"$out/build.log")
echo "$build_out" >&2
size_line=$(echo "$build_out" | sed -n 's/^size: //p')
jmcp_podman load -q -i "$folder/target/jmcp/google-cloud-run/image.tar" >/dev/null
podman_size=$(jmcp_podman image inspect --format '{{.Size}}' "$image")
# shellcheck disable=SC2046
ulimits=$(jmcp_podman_ulimits)
port=$((20000 + RANDOM % 10000))
container="jmcp-bench-$$"
trap 'jmcp_podman rm -f -i "$container" >/dev/null 2>&1; jmcp_podman rmi -f -i "$image" >/dev/null 2>&1 || true' EXIT

# one_run MODE: prints milliseconds from `podman run` to the first 200 answer of tools/call, idle RSS in KiB, and
# milliseconds until `podman run -d` itself returned (the container is created and its process started).
one_run() {
    local mode=$1 start started end rss pid i
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    jmcp_podman run -d --rm --name "$container" --network host $ulimits --memory 512m --cpus 1 \
        -e PORT=$port -e JMCP_HOST=127.0.0.1 -e JDK_JAVA_OPTIONS=-XX:AOTMode=$mode "$image" >/dev/null
    started=$(date +%s%N)
    for i in $(seq 1 3000); do
        if curl -sf -o /dev/null --max-time 2 -X POST "http://127.0.0.1:$port/mcp" -H 'Content-Type: application/json' \
                -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25' -d "$call"; then
            break
        fi
        sleep 0.005
    done
    end=$(date +%s%N)
    sleep 2   # idle
    pid=$(jmcp_podman inspect --format '{{.State.Pid}}' "$container")
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    jmcp_podman stop -t 10 "$container" >/dev/null
    echo "$(( (end - start) / 1000000 )) $rss $(( (started - start) / 1000000 ))"
}

declare -a on_ms off_ms on_rss off_rss podman_ms
one_run auto >/dev/null; one_run off >/dev/null   # warm podman's storage and the page cache once
for r in $(seq 1 "$runs"); do
    read -r ms rss pm < <(one_run auto); on_ms+=("$ms"); on_rss+=("$rss"); podman_ms+=("$pm")
    read -r ms rss pm < <(one_run off); off_ms+=("$ms"); off_rss+=("$rss"); podman_ms+=("$pm")
    echo "run $r: AOT ${on_ms[-1]} ms, no AOT ${off_ms[-1]} ms" >&2
done

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1; s+=$1} END {printf "%d %d %d\n", s/NR, a[int((NR+1)/2)], a[1]}'; }
read -r on_mean on_median on_min < <(stats "${on_ms[@]}")
read -r off_mean off_median off_min < <(stats "${off_ms[@]}")
read -r on_rss_mean _ _ < <(stats "${on_rss[@]}")
read -r off_rss_mean _ _ < <(stats "${off_rss[@]}")
read -r _ podman_median _ < <(stats "${podman_ms[@]}")
ratio=$(awk -v a="$on_median" -v b="$off_median" 'BEGIN {printf "%.2f", a / b}')

{
    echo "| $name image ($(date -u +%Y-%m-%d), $(nproc) cores, podman $(podman --version | awk '{print $3}'), --memory 512m --cpus 1) | |"
    echo "|---|---|"
    echo "| image size | $size_line; podman reports $(awk -v b="$podman_size" 'BEGIN {printf "%.1f", b / 1000000}') MB |"
    echo "| \`podman run\` → first tools/call answered, AOT cache | median $on_median ms, mean $on_mean ms, min $on_min ms ($runs runs) |"
    echo "| same, AOT cache off (\`-XX:AOTMode=off\`) | median $off_median ms, mean $off_mean ms, min $off_min ms ($runs runs) |"
    echo "| ratio (median, AOT / no AOT) | $ratio |"
    echo "| of which \`podman run -d\` itself (create and start the container) | median $podman_median ms (all runs) |"
    echo "| idle RSS after one call | AOT $((on_rss_mean / 1024)) MiB, no AOT $((off_rss_mean / 1024)) MiB (VmRSS of the JVM, mean) |"
} | tee "$out/container.md"
