#!/usr/bin/env bash
# Lint wall time beside Squawk (squawk-cli from the npm registry, the version bench/lint-parity/package.json pins,
# installed by .ci/squawk.sh), whole processes, median of RUNS: a generated directory of FILES migrations (5 statements
# each) and one file of STATEMENTS statements. Both tools print every finding (Maven without -q, so warnings are
# logged as users see them; Squawk with its gcc reporter), to /dev/null while timed.
# Peers in the same run: Squawk on the same files, the lint goal skipped (-Dpgmigrate.skip=true), bare `mvn validate`.
# The plugin is installed into target/local-repo by the Invoker run below, never into ~/.m2.
# Usage: bench/lint/squawk.sh [files] [statements] [runs]   (PGMIGRATE_JFR=file.jfr records the first lint run)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
files="${1:-2000}"
statements="${2:-10000}"
runs="${3:-5}"
cd "$root"
./mvnw -B -q -o verify -DskipTests -Dinvoker.test=validate-passes >/dev/null
repo="$root/target/local-repo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash .ci/squawk.sh
# The platform binary itself: the npm .bin entry is a Node.js wrapper that would add Node's start to Squawk's time.
squawk="$(ls "$root"/bench/lint-parity/node_modules/@squawk-cli/*/bin/squawk 2>/dev/null | head -1)"
[ -x "$squawk" ] || squawk="$root/bench/lint-parity/node_modules/.bin/squawk"
# The Invoker's repository records its artifacts as coming from "local.central" (~/.m2 as a remote): say so again.
sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$root/src/it/settings.xml" > "$work/settings.xml"
mvn() { "$root/mvnw" -B -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $("$squawk" --version)"

python3 - "$work" "$files" "$statements" <<'PY'
import os, sys
work, files, statements = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
forms = [
    "ALTER TABLE app.t{0} ADD COLUMN c{0} text;",
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS i{0} ON app.t{0} (c{0});",
    "ALTER TABLE app.t{0} ADD CONSTRAINT fk{0} FOREIGN KEY (a) REFERENCES app.parent (id) NOT VALID;",
    "CREATE TABLE app.n{0} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,\n"
    "    at timestamptz NOT NULL DEFAULT now(), doc jsonb, CONSTRAINT n{0}_name CHECK (char_length(name) < 200));",
    "ALTER TABLE app.t{0} ALTER COLUMN c{0} TYPE bigint USING c{0}::bigint;",
    "UPDATE app.t{0} SET a = 1, b = 'x' WHERE id = {0};",
    "INSERT INTO app.t{0} (a, b, c) VALUES (1, 'two', now());",
    "CREATE OR REPLACE FUNCTION app.f{0}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.at := now();\n  RETURN NEW;\nEND;\n$$;",
    "ALTER TABLE app.t{0} VALIDATE CONSTRAINT fk{0};",
    "DROP INDEX CONCURRENTLY IF EXISTS app.old{0};",
]
def project(name):
    os.makedirs(f"{work}/{name}/migrations")
    with open(f"{work}/{name}/pom.xml", "w") as pom:
        pom.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
                  f'<groupId>bench</groupId><artifactId>{name}</artifactId><version>1</version>'
                  '<packaging>pom</packaging></project>\n')
project("dir")
n = 0
for f in range(files):
    body = []
    for _ in range(5):
        body.append(forms[n % len(forms)].format(n)); n += 1
    with open(f"{work}/dir/migrations/{20250101000000 + f:014d}_m{f}.sql", "w") as out:
        out.write("\n".join(body) + "\n")
project("file")
with open(f"{work}/file/migrations/20250101000000_big.sql", "w") as out:
    out.write("\n".join(forms[i % len(forms)].format(i) for i in range(statements)) + "\n")
PY
goal=io.github.pgmigrate:pgmigrate-maven-plugin:0.1.0-SNAPSHOT
for case in dir file; do
  pom="$work/$case/pom.xml"
  mvn -f "$pom" "$goal:hash" >/dev/null
  if [ -n "${PGMIGRATE_JFR:-}" ]; then
    MAVEN_OPTS="-XX:StartFlightRecording=filename=${PGMIGRATE_JFR%.jfr}-$case.jfr,settings=profile" \
      mvn -f "$pom" "$goal:lint" -Dpgmigrate.lint.failOn=never >/dev/null 2>&1 || true
  fi
  found=$(mvn -f "$pom" "$goal:lint" -Dpgmigrate.lint.failOn=never 2>&1 \
    | grep -c -E '^\[(WARNING|ERROR)\] .*\.sql:[0-9]+:[0-9]+: (warning|error) ' || true)
  ours=$(for ((r = 0; r < runs; r++)); do time_ms mvn -f "$pom" "$goal:lint" -Dpgmigrate.lint.failOn=never; done | median)
  skipped=$(for ((r = 0; r < runs; r++)); do time_ms mvn -f "$pom" "$goal:lint" -Dpgmigrate.skip=true; done | median)
  bare=$(for ((r = 0; r < runs; r++)); do time_ms mvn -f "$pom" validate; done | median)
  theirs=$(for ((r = 0; r < runs; r++)); do time_ms "$squawk" --reporter gcc "$work/$case"/migrations/*.sql; done | median)
  squawked=$("$squawk" --reporter gcc "$work/$case"/migrations/*.sql 2>&1 | grep -c -E '\.sql:[0-9]+:[0-9]+: (warning|error): ' || true)
  echo "$case: pgmigrate:lint ${ours} ms (${found} findings logged) | Squawk ${theirs} ms (${squawked} findings) | ratio" \
    "$(awk "BEGIN {printf \"%.2f\", $ours / $theirs}") | lint skipped ${skipped} ms | bare mvn validate ${bare} ms"
done
