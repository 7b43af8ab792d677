#!/usr/bin/env bash
# Lambda cold start through the local Lambda (lambda-local): each run starts a fresh local Lambda, sends one MCP
# initialize through its Function URL front (so an instance cold-starts), takes Init Duration from the REPORT line and
# the first-response time from the client, then times warm tools/list calls. Variants: the managed runtime (AWS's
# runtime interface client) with a full JIT and with C1 only (Lambda's default), and the custom runtime without and
# with its AOT cache. A bare `java Hello` start is timed in the same run; ratios are against it.
#
# Usage: bench/lambda-cold.sh [--runs N] [--warm N] [FOLDER]     (default: 10 runs, 50 warm calls, examples/conformance)
# Needs a JDK 25 on Linux x86-64 (the custom runtime bundles a jlinked JRE of it). Not part of scripts/test.sh.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$JMCP_ROOT"
jmcp_find_jdk

runs=10 warm=50 folder=examples/conformance
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --warm) warm=$2; shift 2 ;;
        -*) echo "usage: $0 [--runs N] [--warm N] [FOLDER]" >&2; exit 2 ;;
        *) folder=$1; shift ;;
    esac
done

jmcp_build_cli
echo "bench: building the Lambda packages of $folder ..." >&2
name=$(sed -n 's/.*"name": *"\([^"]*\)".*/\1/p' "$folder/jmcp.json")
rm -f "$folder/target/jmcp/aws-lambda/$name"-*.zip
"$JMCP_ROOT/jmcp" build --target aws-lambda "$folder" >&2 ||
    echo "bench: the build failed (above); variants whose zip is missing are skipped" >&2
cp="$(cat "$JMCP_ROOT/cli/target/jmcp.classpath"):$JMCP_ROOT/cli/target/classes"
out=$JMCP_ROOT/target/bench-lambda
mkdir -p "$out"
results=$out/results-$(date -u +%Y%m%dT%H%M%SZ).txt

bench() { # bench LABEL WAY [NAME=VALUE...]
    local label=$1; shift
    echo "== $label" | tee -a "$results"
    JMCP_DATA_DIR=$(mktemp -d) java -cp "$cp" dev.jmcp.cli.LambdaBench "$folder" "$@" | tee -a "$results"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1)" | tee "$results"
echo "== bare java hello-world" | tee -a "$results"
java -cp "$cp" dev.jmcp.cli.LambdaBench "$out/hello" hello "$runs" 0 | tee -a "$results"
[ -f "$folder/target/jmcp/aws-lambda/$name-managed.zip" ] || { echo "bench: no managed zip was built" >&2; exit 1; }
bench "managed runtime (RIC), full JIT: JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=4" managed "$runs" "$warm" "JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=4"
bench "managed runtime (RIC), C1 only (Lambda's default)" managed "$runs" "$warm"
if [ -f "$folder/target/jmcp/aws-lambda/$name-custom.zip" ]; then
    bench "custom runtime, C1 only, no AOT cache (JMCP_AOT=off)" custom "$runs" "$warm" JMCP_AOT=off
    bench "custom runtime, C1 only, AOT cache (the default)" custom "$runs" "$warm"
else
    echo "== custom runtime: no custom zip was built (see the build's output above)" | tee -a "$results"
fi

hello=$(sed -n 's/^summary hello: .* median \([0-9.]*\) ms.*/\1/p' "$results")
echo
echo "Ratios to the bare java hello-world ($hello ms), first response and Init Duration, medians:"
awk -v hello="$hello" '/^== /{label=substr($0,4)} /^summary (managed|custom)/{
    match($0, /first response median [0-9.]+/); f=substr($0, RSTART+22, RLENGTH-22)
    match($0, /Init Duration median [0-9.]+/); i=substr($0, RSTART+21, RLENGTH-21)
    match($0, /warm tools\/list median [0-9.]+/); w=substr($0, RSTART+23, RLENGTH-23)
    printf "  %-75s first %7.1f ms (%.1fx)  init %7.1f ms (%.1fx)  warm %.2f ms\n", label, f, f/hello, i, i/hello, w }' "$results" | tee -a "$results"
echo "results: $results"
