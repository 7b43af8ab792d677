#!/usr/bin/env bash
# Runs every jmcp test: the Maven build with unit and integration tests (and the TeaVM gate), then the official
# MCP conformance suites and the TypeScript SDK client against real servers on loopback. CI runs exactly this.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$JMCP_ROOT"
jmcp_find_jdk

passed=0 failed=0 failures=()
step() { # step NAME COMMAND...: runs one check, counts it, never stops the run
    local name=$1; shift
    echo; echo "=== $name"
    if "$@"; then passed=$((passed + 1)); echo "--- ok: $name"
    else failed=$((failed + 1)); failures+=("$name"); echo "--- FAILED: $name"; fi
}

servers=()
cleanup() { for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# start_server VAR FOLDER [dev flags...]: runs ./jmcp dev on a free port; sets VAR to its URL.
start_server() {
    local var=$1 folder=$2; shift 2
    local name; name=$(basename "$folder")
    local log="$JMCP_ROOT/target/test-logs/$name.log" data="$JMCP_ROOT/target/test-data/$name"
    rm -rf "$data" && mkdir -p "$data" "$(dirname "$log")"
    JMCP_DATA_DIR="$data" "$JMCP_ROOT/jmcp" dev --port 0 "$@" "$folder" >"$log" 2>&1 &
    servers+=($!)
    local url="" i
    for i in $(seq 1 300); do
        url=$(sed -n 's/^jmcp dev: serving .* at \(http[^ ]*\)$/\1/p' "$log" | head -n 1)
        [ -n "$url" ] && break
        kill -0 "${servers[-1]}" 2>/dev/null || break
        sleep 0.2
    done
    if [ -z "$url" ]; then echo "jmcp dev $folder did not start; its log:" >&2; cat "$log" >&2; return 1; fi
    printf -v "$var" '%s' "$url"
    echo "started $folder at $url (log: $log)"
}

maven_tests() { # the Maven build, then the surefire totals it would not print under -q
    jmcp_mvn install || return 1
    cat "$JMCP_ROOT"/*/target/surefire-reports/*.txt "$JMCP_ROOT"/examples/*/target/surefire-reports/*.txt 2>/dev/null |
        awk -F'[:,] *' '/^Tests run:/ { t += $2; f += $4; e += $6; s += $8 }
            END { printf "maven: %d tests run, %d failures, %d errors, %d skipped\n", t, f, e, s }'
}
step "maven build and tests" maven_tests

if start_server CONFORMANCE_URL examples/conformance; then
    step "conformance 0.1.16 --suite all" scripts/conformance.sh 0.1.16 "$CONFORMANCE_URL" --suite all
    step "conformance 0.2.0-alpha.12 --requirements 2025-11-25" \
        scripts/conformance.sh 0.2.0-alpha.12 "$CONFORMANCE_URL" --requirements 2025-11-25
    step "conformance 0.2.0-alpha.12 --requirements 2026-07-28" \
        scripts/conformance.sh 0.2.0-alpha.12 "$CONFORMANCE_URL" --requirements 2026-07-28
else
    failed=$((failed + 1)); failures+=("start the conformance example")
fi

if start_server NOTES_URL examples/notes; then
    step "TypeScript SDK client (2025-11-25) against the notes example" scripts/interop-ts.sh "$NOTES_URL"
    step "TypeScript SDK v2 client (2026-07-28) against the notes example" scripts/interop-ts-2026.sh "$NOTES_URL"
else
    failed=$((failed + 1)); failures+=("start the notes example")
fi

echo
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "jmcp: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
