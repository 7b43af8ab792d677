#!/usr/bin/env bash
# Builds the notes example's Lambda packages, then runs the custom-runtime zip as Lambda would (bootstrap, its bundled
# JRE and AOT cache, response streaming on) against a loopback Runtime API and a throwaway PostgreSQL
# (scripts/postgres.sh): a note is created through a streamed Function URL event, found through a REST API event, and
# an SQS event is refused with Runtime.InvalidEvent. Prints what the runtime posted; exits 0 when all three came back.
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
unzip -q examples/notes/target/jmcp/aws-lambda/notes-custom.zip -d "$work/task"
jmcp_mvn -q -pl lambda test-compile -Djmcp.skipWasm >&2
JMCP_DATABASE_URL="jdbc:postgresql://127.0.0.1:$port/postgres" JMCP_DATABASE_USER=postgres \
    java -cp lambda/target/test-classes:lambda/target/classes:core/target/classes:server/target/classes \
    dev.jmcp.lambda.PackagedRuntimeCheck "$work/task"
