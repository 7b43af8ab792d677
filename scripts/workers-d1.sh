#!/usr/bin/env bash
# Proves the notes example's storage on Cloudflare Workers: a note written through one MCP request is read back by
# others from D1, also by a new workerd process (a new isolate) over the same local D1 files, and is in the D1
# database itself (read back with `wrangler d1 execute`); a D1 error (the table renamed away) gives a tool error and
# a JSON-RPC error, the Worker's log names D1's message, and the isolate keeps serving; the official TypeScript SDK v2
# client passes its notes checks on an empty D1.
# Runs workerd through wrangler dev --local: no network, no account.
#
#   scripts/workers-d1.sh WORKER_DIR    a folder from `./jmcp build --target cloudflare-workers examples/notes`
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

dir=$(cd "${1:?usage: scripts/workers-d1.sh WORKER_DIR}" && pwd)
[ -f "$dir/wrangler.jsonc" ] || { echo "workers-d1: $dir has no wrangler.jsonc; build it with ./jmcp build --target cloudflare-workers examples/notes" >&2; exit 1; }
if [ -n "${JMCP_WRANGLER:-}" ]; then
    wrangler=$JMCP_WRANGLER
    jmcp_node
else
    jmcp_node_tool wrangler
    wrangler=$JMCP_TOOL_DIR/node_modules/.bin/wrangler
fi
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

work="$JMCP_ROOT/target/test-data/workers-d1"
rm -rf "$work" && mkdir -p "$work"
state="$work/state" logs="$work/logs"
export WRANGLER_LOG_PATH="$logs"
pid="" url="" log=""

stop() {
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
}
trap stop EXIT

start() { # start NAME: wrangler dev on a free port over the same D1 state folder
    local port i
    port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
    log="$work/$1.log"
    "$wrangler" dev --config "$dir/wrangler.jsonc" --local --ip 127.0.0.1 --port "$port" --persist-to "$state" >"$log" 2>&1 &
    pid=$!
    for i in $(seq 1 300); do
        grep -q "Ready on" "$log" && { url="http://127.0.0.1:$port/mcp"; echo "workerd ($1) at $url, log $log"; return 0; }
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    echo "workers-d1: wrangler dev did not start; its log:" >&2; cat "$log" >&2
    return 1
}

d1() { # d1 SQL: runs SQL on the Worker's local D1 database with wrangler's own D1 client
    "$wrangler" d1 execute DB --config "$dir/wrangler.jsonc" --local --persist-to "$state" --json --command "$1"
}

start first
node "$JMCP_ROOT/scripts/workers-d1.mjs" write "$url" | tee "$work/write.out"
id=$(sed -n 's/^id=//p' "$work/write.out")
stop

start second
node "$JMCP_ROOT/scripts/workers-d1.mjs" read "$url" "$id" 11
d1 "SELECT title, body FROM notes WHERE id = $id" >"$work/select.json"
if grep -q '"title": "Groceries"' "$work/select.json" && grep -q '"body": "milk, eggs and bread"' "$work/select.json"; then
    echo "ok: wrangler d1 execute reads note $id from the D1 database"
else
    echo "FAILED: wrangler d1 execute does not find note $id:" >&2; cat "$work/select.json" >&2; exit 1
fi

d1 "ALTER TABLE notes RENAME TO notes_renamed" >/dev/null
node "$JMCP_ROOT/scripts/workers-d1.mjs" broken "$url" "$id"
for _ in $(seq 1 50); do   # wrangler passes the Worker's console on with a delay
    grep -q "D1 statement failed: D1_ERROR: no such table: notes" "$log" && break
    sleep 0.2
done
if grep -q "D1 statement failed: D1_ERROR: no such table: notes" "$log"; then
    echo "ok: the Worker's log names D1's error: $(grep -o 'D1 statement failed: [^[]*' "$log" | head -n 1)"
else
    echo "FAILED: the Worker's log does not name D1's error; $log:" >&2; cat "$log" >&2; exit 1
fi
stop

# The official TypeScript SDK v2 client (MCP 2026-07-28, stateless by design) against the notes example on an empty D1:
# create, read, search, update, and delete_note's elicitation round trip, whose retried request reads D1 again
state="$work/state-ts"
start ts-client
"$JMCP_ROOT/scripts/interop-ts-2026.sh" "$url" | tail -n 1

# What would be deployed: wrangler validates the config (a D1 binding without database_id, which wrangler deploy
# creates on the first deploy) and bundles offline
(cd "$dir" && CI=true "$wrangler" deploy --dry-run --outdir "$work/dist" --config wrangler.jsonc </dev/null >"$work/dry-run.log" 2>&1) || {
    echo "FAILED: wrangler deploy --dry-run:" >&2; cat "$work/dry-run.log" >&2; exit 1; }
if grep -q "env.DB" "$work/dry-run.log" && [ -f "$work/dist/worker.js" ]; then
    echo "ok: wrangler deploy --dry-run bundles it with the D1 binding ($(grep -o 'Total Upload: .*' "$work/dry-run.log"))"
else
    echo "FAILED: wrangler deploy --dry-run shows no D1 binding:" >&2; cat "$work/dry-run.log" >&2; exit 1
fi
echo "workers-d1: all checks ok"
