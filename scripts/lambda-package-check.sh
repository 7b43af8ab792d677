#!/usr/bin/env bash
# Builds the notes example's Lambda packages, then runs each as Lambda would against a loopback Runtime API and a
# throwaway PostgreSQL (scripts/postgres.sh): the managed zip under AWS's runtime interface client 2.10.1 (as AWS's Java
# base images run it), the custom zip through its bootstrap (bundled JRE, AOT cache, response streaming on). For
# each: a note is created through a Function URL event (streamed on the custom runtime), found through a REST API
# event, and an SQS event is refused. Prints what the runtimes posted; exits 0 when both checks pass.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
jmcp_find_jdk
cd "$JMCP_ROOT"
./jmcp build --target aws-lambda examples/notes >&2
work=$(mktemp -d)
pg=$(scripts/postgres.sh start)
pgdir=$(echo "$pg" | sed -n 's/^PGDATA_DIR=//p')
trap 'scripts/postgres.sh stop "$pgdir"; rm -rf "$work"' EXIT
port=$(echo "$pg" | sed -n 's/^PGPORT=//p')
unzip -q examples/notes/target/jmcp/aws-lambda/notes-custom.zip -d "$work/custom"
unzip -q examples/notes/target/jmcp/aws-lambda/notes-managed.zip -d "$work/managed"
jmcp_mvn -q -pl lambda test-compile -Djmcp.skipWasm >&2
jmcp_mvn -q -pl lambda dependency:build-classpath -Dmdep.outputFile="$work/test.classpath" -Dmdep.includeScope=test >&2
# The RIC and what it needs, nothing of jmcp's: the package must bring that itself.
ric=$(tr ':' '\n' <"$work/test.classpath" | grep -E '/com/amazonaws/|/software/amazon/|/joda-time/' | grep -v aws-lambda-java-core | paste -sd:)
probe=lambda/target/test-classes:lambda/target/classes:core/target/classes:server/target/classes
export JMCP_DATABASE_URL="jdbc:postgresql://127.0.0.1:$port/postgres" JMCP_DATABASE_USER=postgres
echo "== managed zip under the RIC"
java -cp "$probe" dev.jmcp.lambda.PackagedRuntimeCheck managed "$work/managed" "$ric"
echo "== custom zip through bootstrap"
java -cp "$probe" dev.jmcp.lambda.PackagedRuntimeCheck custom "$work/custom"
