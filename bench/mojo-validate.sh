#!/usr/bin/env bash
# Whole-process benchmark: `mvn pgmigrate:validate` and `mvn pgmigrate:hash` on a generated 10,000-file directory,
# against the same build with the goal skipped (-Dpgmigrate.skip=true): the difference is the time spent in the Mojo.
# Needs the plugin in the local repository: ./mvnw -q install -DskipTests -Dinvoker.skip
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-10000}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/migrations"
for ((i = 0; i < files; i++)); do
  printf -- '-- migration %d\nCREATE TABLE t%d (id bigint PRIMARY KEY, name text NOT NULL DEFAULT '"'"'x;y'"'"');\nCREATE FUNCTION f%d() RETURNS int LANGUAGE sql AS $$ SELECT %d; $$;\nCOMMENT ON TABLE t%d IS '"'"'it'"''"'s %d'"'"';\n' \
    "$i" "$i" "$i" "$i" "$i" "$i" > "$work/migrations/$(printf '%014d' $((20250101000000 + i)))_m$i.sql"
done
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging>
</project>
POM
mvn() { "$root/mvnw" -o -q -f "$work/pom.xml" "$@"; }
goal=io.github.pgmigrate:pgmigrate-maven-plugin:0.1.0-SNAPSHOT
mvn "$goal:hash" >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
for goal_name in validate hash; do
  skipped=$(for ((r = 0; r < runs; r++)); do time_ms mvn "$goal:$goal_name" -Dpgmigrate.skip=true; done | median)
  real=$(for ((r = 0; r < runs; r++)); do time_ms mvn "$goal:$goal_name"; done | median)
  echo "$goal_name: $files files, median of $runs: ${real} ms with the goal, ${skipped} ms skipped => $((real - skipped)) ms in the Mojo"
done
