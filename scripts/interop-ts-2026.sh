#!/usr/bin/env bash
# Drives a running notes example over MCP 2026-07-28 with the official TypeScript SDK v2 client and checks the answers.
# Usage: scripts/interop-ts-2026.sh <url>; prints a JSON summary and a final "all checks passed" line, exits 1 on a miss.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ $# -eq 1 ] || { echo "usage: $0 <url of a notes example>" >&2; exit 2; }

jmcp_node_tool mcp-clients-2026
# The script must sit beside the installed node_modules for its imports to resolve; copy it when it changed.
src=$JMCP_ROOT/tools/mcp-clients-2026/notes-2026.mjs
cmp -s "$src" "$JMCP_TOOL_DIR/notes-2026.mjs" || { cp "$src" "$JMCP_TOOL_DIR/notes-2026.mjs.$$" && mv -f "$JMCP_TOOL_DIR/notes-2026.mjs.$$" "$JMCP_TOOL_DIR/notes-2026.mjs"; }
exec node "$JMCP_TOOL_DIR/notes-2026.mjs" "$1" </dev/null
