#!/usr/bin/env bash
# jmcp against the official MCP Java and TypeScript SDK servers, side by side on this machine, in one run:
# load over loopback HTTP (wrk), a JFR profile of jmcp under load, cold start, and the JSON codec (JMH).
# Writes bench/results/<date>.json and bench/results/report.html, and prints the ratios.
#
# Usage: bench/run.sh [--quick] [--only load,profile,cold,jmh] [--no-pin] [--image-jre DIR]
#   --quick   short runs (under 3 minutes instead of about 17); the figures are rougher
#   --only    run only some phases
#   --no-pin  do not pin servers and wrk to separate CPUs (needed on a 1-CPU machine)
#   --image-jre  also time jmcp on a jlinked runtime as the container image ships it (e.g. ~/.cache/jmcp/jre/<key>)
# Needs: a JDK >= 21 (25 for the AOT cache variants), Maven, npm (once, for the pinned Node), wrk and taskset
# (apt-get install wrk util-linux). Not part of scripts/test.sh: it takes minutes and wants a quiet machine.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$JMCP_ROOT"
jmcp_find_jdk

for tool in wrk taskset; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is not installed: apt-get install wrk util-linux" >&2; exit 1; }
done

echo "bench: building core, server and bench ..." >&2
jmcp_mvn -pl bench -am package -DskipTests -Djmcp.skipWasm >&2

jmcp_node_tool bench-peers
# The script must sit beside the installed node_modules for its imports to resolve; copy it when it changed.
src=$JMCP_ROOT/tools/bench-peers/ts-server.mjs
cmp -s "$src" "$JMCP_TOOL_DIR/ts-server.mjs" || cp "$src" "$JMCP_TOOL_DIR/ts-server.mjs"

jar=$(ls "$JMCP_ROOT"/bench/target/jmcp-bench-*.jar)
exec java -cp "$jar:$(cat "$JMCP_ROOT/bench/target/classpath.txt")" dev.jmcp.bench.Bench \
    --root "$JMCP_ROOT" --classpath "$JMCP_ROOT/bench/target/classpath.txt" --bench-jar "$jar" \
    --node "$(command -v node)" --ts-server "$JMCP_TOOL_DIR/ts-server.mjs" "$@"
