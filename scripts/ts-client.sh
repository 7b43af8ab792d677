#!/usr/bin/env bash
# Runs tools/mcp-clients/ts-client.mjs (official MCP TypeScript SDK client) on the pinned Node, installing it if needed.
# Usage: scripts/ts-client.sh <url> [plan.json]; prints one JSON object of results, exits non-zero on any failure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -ge 1 ] || { echo "usage: $0 <url> [plan.json]" >&2; exit 2; }
plan=${2:-}
[ -z "$plan" ] || plan=$(realpath "$plan")

jmcp_node_tool mcp-clients
# The script must sit beside the installed node_modules for its imports to resolve; copy it when it changed.
src=$JMCP_ROOT/tools/mcp-clients/ts-client.mjs
cmp -s "$src" "$JMCP_TOOL_DIR/ts-client.mjs" || { cp "$src" "$JMCP_TOOL_DIR/ts-client.mjs.$$" && mv -f "$JMCP_TOOL_DIR/ts-client.mjs.$$" "$JMCP_TOOL_DIR/ts-client.mjs"; }
exec node "$JMCP_TOOL_DIR/ts-client.mjs" "$1" ${plan:+"$plan"} </dev/null
