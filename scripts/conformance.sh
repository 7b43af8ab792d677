#!/usr/bin/env bash
# Runs the official MCP conformance suite (a version pinned in tools/conformance-<version>) against a running server.
# Usage: scripts/conformance.sh <version> <url> [extra conformance args...]; log + results go to target/conformance/.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ $# -lt 2 ] || [ ! -f "$JMCP_ROOT/tools/conformance-$1/package-lock.json" ]; then
    echo "usage: $0 <version> <url> [extra args, e.g. --scenario ping | --suite all | --requirements 2025-11-25]" >&2
    echo "versions:" >&2
    for d in "$JMCP_ROOT"/tools/conformance-*/package-lock.json; do d=${d%/*}; echo "  ${d##*/conformance-}" >&2; done
    exit 2
fi
version=$1 url=$2
shift 2

jmcp_node_tool "conformance-$version"
out=${JMCP_CONFORMANCE_OUT:-$JMCP_ROOT/target/conformance/$version-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"
log=$out/output.log

# Runs in the caller's directory (relative paths in extra args work); never reads stdin, never installs anything.
# The suite colours its output even when piped: strip the ANSI codes so the log is plain text.
set +e
npx --no --prefix "$JMCP_TOOL_DIR" conformance server --url "$url" "$@" -o "$out" </dev/null 2>&1 |
    sed -u 's/\x1b\[[0-9;]*m//g' | tee "$log"
rc=${PIPESTATUS[0]}
set -e

summary=$(grep -aE '^(Total|Passed): ' "$log" | tail -n 1 || true)
echo "conformance $version: ${summary:-no summary line printed} (exit $rc; log: $log)"
exit "$rc"
