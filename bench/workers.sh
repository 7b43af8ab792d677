#!/usr/bin/env bash
# The Cloudflare Workers target measured in bare workerd: bundle size (raw and gzip, goal <= 300 KB gzip for the
# conformance example), isolate cold start against a hello-world Worker in the same run (goal <= +15 ms), and warm
# request latency (tools/call test_simple_text vs the hello-world's fixed answer).
# Usage: bench/workers.sh [runs] [requests]     (default 15 cold starts per Worker, 1000 warm requests)
# Writes bench/results/workers-<date>/result.json. Not part of scripts/test.sh: it wants a quiet machine.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$JMCP_ROOT"
jmcp_find_jdk

out=$JMCP_ROOT/bench/results/workers-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
echo "=== bundle size: ./jmcp build --target cloudflare-workers examples/conformance"
./jmcp build --target cloudflare-workers examples/conformance 2>/dev/null | tee "$out/build.txt"

jmcp_node_tool wrangler
dir=$JMCP_ROOT/examples/conformance/target/jmcp/cloudflare-workers
rm -rf "$dir/dist"
(cd "$dir/worker" && WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false CI=true WRANGLER_LOG_PATH="$dir/wrangler-logs" \
    "$JMCP_TOOL_DIR/node_modules/.bin/wrangler" deploy --dry-run --outdir "$dir/dist" -c wrangler.jsonc </dev/null 2>&1 |
    grep -a 'Total Upload' | sed 's/^/wrangler deploy --dry-run: /' | tee -a "$out/build.txt")

echo "=== workerd $("$JMCP_TOOL_DIR/node_modules/@cloudflare/workerd-linux-64/bin/workerd" --version)," \
    "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/workers/bench.mjs "$JMCP_TOOL_DIR/node_modules/@cloudflare/workerd-linux-64/bin/workerd" "$dir/dist" \
    bench/workers/hello.mjs "$out" "${1:-15}" "${2:-1000}"
echo "results: $out/result.json"
