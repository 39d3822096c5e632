#!/usr/bin/env bash
# Whole-process benchmark: `mvn pgmigrate:validate` and `mvn pgmigrate:hash` on a generated 10,000-file directory,
# against the same build with the goal skipped (-Dpgmigrate.skip=true): the difference is the time spent in the Mojo.
# The plugin is installed into target/local-repo by the Invoker run below, never into ~/.m2.
# Usage: bench/mojo-validate.sh [files] [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-10000}"
runs="${2:-5}"
(cd "$root" && ./mvnw -B -q -o verify -DskipTests -Dinvoker.test=validate-passes >/dev/null)
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
# The Invoker's repository records its artifacts as coming from "local.central" (~/.m2 as a remote): say so again.
sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$root/src/it/settings.xml" > "$work/settings.xml"
mvn() { "$root/mvnw" -B -o -q -s "$work/settings.xml" -Dmaven.repo.local="$root/target/local-repo" -f "$work/pom.xml" "$@"; }
goal=io.github.pgmigrate:pgmigrate-maven-plugin:0.1.0-SNAPSHOT
mvn "$goal:hash" >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# Interleaved, one of each per round, so that a slow minute of the machine hits every variant alike.
results="$work/times"
for ((r = 0; r < runs; r++)); do
  echo "bare $(time_ms mvn validate)" >> "$results"
  for goal_name in validate hash; do
    echo "$goal_name-skipped $(time_ms mvn "$goal:$goal_name" -Dpgmigrate.skip=true)" >> "$results"
    echo "$goal_name $(time_ms mvn "$goal:$goal_name")" >> "$results"
  done
done
of() { grep "^$1 " "$results" | cut -d' ' -f2 | median; }
bare=$(of bare)
echo "bare mvn validate (no goal of ours): ${bare} ms"
for goal_name in validate hash; do
  skipped=$(of "$goal_name-skipped")
  real=$(of "$goal_name")
  echo "$goal_name: $files files, median of $runs: ${real} ms with the goal, ${skipped} ms skipped => $((real - skipped))" \
    "ms over skipped, $((real - bare)) ms over bare Maven"
done
