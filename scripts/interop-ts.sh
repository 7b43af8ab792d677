#!/usr/bin/env bash
# Drives a running notes example (empty database) with the official TypeScript SDK client and checks the answers.
# Usage: scripts/interop-ts.sh <url>
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ $# -eq 1 ] || { echo "usage: $0 <url of a notes example with an empty database>" >&2; exit 2; }
"$JMCP_ROOT/scripts/ts-client.sh" "$1" "$JMCP_ROOT/tools/mcp-clients/notes-plan.json" |
    node "$JMCP_ROOT/tools/mcp-clients/check-notes.mjs"
