#!/usr/bin/env bash
# Lint benchmark: in-process throughput (LintBenchmark.java) and the whole `mvn pgmigrate:lint` run on a
# 10,000-statement migration. Usage: bench/lint/run.sh [statements]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-10000}"
./mvnw -q -B install -DskipTests -Dinvoker.skip=true
CP="target/classes:$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile=/dev/stdout)"
echo "== in-process (JIT warmed)"
java -cp "$CP" bench/lint/LintBenchmark.java "$N"

echo "== whole process: mvn pgmigrate:lint on one $N-statement file"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/migrations"
java -cp "$CP" bench/lint/LintBenchmark.java "$N" "$WORK/migrations/20240101000000_bench.sql"
VERSION="$(sed -n 's:.*<version>\(.*SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)"
cat > "$WORK/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>lint-bench</artifactId><version>1</version><packaging>pom</packaging>
</project>
POM
for i in 1 2 3; do
  ( cd "$WORK" && "$OLDPWD/mvnw" -B -o "io.github.pgmigrate:pgmigrate-maven-plugin:$VERSION:lint" \
      -Dpgmigrate.lint.failOn=never 2>&1 | grep -E "Linted|Total time" )
done
