#!/usr/bin/env bash
# Cold start of the custom Lambda runtime (process start -> first /next, and -> first answer), with and without the
# AOT cache, and of the managed zip under AWS's runtime interface client (plain JVM and C1 only), next to a bare
# `java Hello` on the same machine. Usage: scripts/lambda-coldstart.sh [RUNS] (default 10).
# Builds the notes example's Lambda packages first.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
jmcp_find_jdk
runs=${1:-10}
cd "$JMCP_ROOT"
./jmcp build --target aws-lambda examples/notes >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q examples/notes/target/jmcp/aws-lambda/notes-custom.zip -d "$work/task"
unzip -q examples/notes/target/jmcp/aws-lambda/notes-managed.zip -d "$work/managed"
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
jmcp_mvn -q -pl lambda test-compile -Djmcp.skipWasm >&2
cp="lambda/target/test-classes:lambda/target/classes:core/target/classes:server/target/classes"
jmcp_mvn -q -pl lambda dependency:build-classpath -Dmdep.outputFile="$work/test.classpath" -Dmdep.includeScope=test >&2
ric=$(tr ':' '\n' <"$work/test.classpath" | grep -E '/com/amazonaws/|/software/amazon/|/joda-time/' | grep -v aws-lambda-java-core | paste -sd:)
export JMCP_PROBE_MANAGED="$work/managed|$ric"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$cp" dev.jmcp.lambda.ColdStartProbe "$work/task" "$work/hello" "$runs"
