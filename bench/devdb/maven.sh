#!/usr/bin/env bash
# Whole-Maven-process figures, each beside its peer in the same run (median of RUNS, cold JVM each time):
#  1. the README quick start (migrations-sample: apply + status on the embedded PostgreSQL) with the embedded cache
#     cold, warm, and turned off (initdb every run, the behaviour before the cache);
#  2. a no-op `apply` of FILES applied files against a bare `mvn validate`, the same apply skipped, and Flyway's
#     no-op: the Flyway Maven plugin's `migrate` of the same FILES (V<n>__m<n>.sql), applied once into a database of
#     its own on the same server. Beside them the floor of any plugin goal (bench/devdb/floor-plugin): one that does
#     nothing, and one that only logs in with pgjdbc and reads the revisions table. These runs are interleaved (one
#     of each per round), so that a machine growing busier shifts them all alike.
# The plugin is installed into target/local-repo by the Invoker run below, never into ~/.m2.
# Usage: bench/devdb/maven.sh [files] [runs] [sections: "quick noop"]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
files="${1:-2000}"
runs="${2:-5}"
sections="${3:-quick noop}"
cd "$root"
./mvnw -B -q -o verify -DskipTests -Dinvoker.test=validate-passes >/dev/null
repo="$root/target/local-repo"
work="$(mktemp -d)"
pgdata="$work/pgdata"
# initdb and pg_ctl refuse to run as root; as zonky does, root runs them in a user namespace.
pg() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }
cleanup() { [ -d "$pgdata" ] && pg "$bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
goal=io.github.pgmigrate:pgmigrate-maven-plugin:0.1.0-SNAPSHOT
# The Invoker's repository records its artifacts as coming from "local.central" (~/.m2 as a remote): say so again.
sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$root/src/it/settings.xml" > "$work/settings.xml"
maven() { "$root/mvnw" -B -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" "$@"; }
mvn() { maven -o "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# A failed run must stop the benchmark, not be timed (errexit does not reach into $(…)).
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null || exit 1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ " $sections " == *" quick "* ]]; then
cp -r "$root/migrations-sample" "$work/sample"
quick() { mvn -f "$work/sample/pom.xml" $goal:apply $goal:status "$@"; }
cold=$(for ((r = 0; r < runs; r++)); do time_ms quick -Dpgmigrate.embeddedCache="$work/cache-$r"; done | median)
quick -Dpgmigrate.embeddedCache="$work/cache" >/dev/null
warm=$(for ((r = 0; r < runs; r++)); do time_ms quick -Dpgmigrate.embeddedCache="$work/cache"; done | median)
off=$(for ((r = 0; r < runs; r++)); do time_ms quick -Dpgmigrate.embeddedCache=none; done | median)
skipped=$(for ((r = 0; r < runs; r++)); do time_ms quick -Dpgmigrate.skip=true; done | median)
echo "quick start (apply + status, embedded 17), median of $runs: cold cache ${cold} ms | warm cache ${warm} ms |" \
  "cache off (initdb every run) ${off} ms | both goals skipped ${skipped} ms"
fi
[[ " $sections " == *" noop "* ]] || exit 0

bin=""
for d in /tmp/embedded-pg/PG-*/bin; do
  if "$d/postgres" --version | grep -q ' 17\.'; then bin="$d"; break; fi
done
pg "$bin/initdb" -A trust -U postgres -E UTF-8 -D "$pgdata" >/dev/null
port=$((20000 + RANDOM % 20000))
pg "$bin/pg_ctl" -D "$pgdata" -w -l "$work/pg.log" -o "-p $port -c fsync=off -c listen_addresses=localhost" start >/dev/null
psql -h localhost -p "$port" -U postgres -d postgres -q -c 'CREATE DATABASE flyway'
mkdir -p "$work/noop/migrations" "$work/noop/flyway"
for ((i = 0; i < files; i++)); do
  printf -v sql -- '-- migration %d\nCREATE TABLE t%d (id bigint PRIMARY KEY, name text NOT NULL DEFAULT '"'"'x'"'"');\nCOMMENT ON TABLE t%d IS '"'"'table %d'"'"';\n' \
    "$i" "$i" "$i" "$i"
  printf '%s' "$sql" > "$work/noop/migrations/$(printf '%014d' $((20250101000000 + i)))_m$i.sql"
  printf '%s' "$sql" > "$work/noop/flyway/V$((i + 1))__m$i.sql"
done
property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "${2:-$root/pom.xml}"; }
flyway_version=$(property flyway.version "$root/bench/pom.xml")
pgjdbc_version=$(property pgjdbc.version)
flyway=org.flywaydb:flyway-maven-plugin:$flyway_version
cat > "$work/noop/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>noop</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.github.pgmigrate</groupId><artifactId>pgmigrate-maven-plugin</artifactId><version>0.1.0-SNAPSHOT</version>
    <configuration><url>jdbc:postgresql://localhost:$port/postgres</url><user>postgres</user></configuration>
  </plugin><plugin>
    <groupId>org.flywaydb</groupId><artifactId>flyway-maven-plugin</artifactId><version>$flyway_version</version>
    <dependencies>
      <dependency>
        <groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>$flyway_version</version>
      </dependency>
      <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>$pgjdbc_version</version></dependency>
    </dependencies>
    <configuration>
      <url>jdbc:postgresql://localhost:$port/flyway</url><user>postgres</user>
      <locations><location>filesystem:$work/noop/flyway</location></locations>
    </configuration>
  </plugin></plugins></build>
</project>
POM
mvn -f "$work/noop/pom.xml" $goal:hash >/dev/null
mvn -f "$work/noop/pom.xml" $goal:apply >/dev/null
# Online once: the Flyway plugin is not among what the Invoker run put into the repository.
maven -f "$work/noop/pom.xml" $flyway:migrate >/dev/null
tables() { psql -h localhost -p "$port" -U postgres -d "$1" -tA -c "SELECT count(*) FROM pg_tables WHERE tablename ~ '^t[0-9]+$'"; }
[ "$(tables postgres)" = "$files" ] && [ "$(tables flyway)" = "$files" ] || { echo "not every file was applied" >&2; exit 1; }
floor=io.github.pgmigrate.bench:floor-maven-plugin:1
maven -f "$root/bench/devdb/floor-plugin/pom.xml" -Dpgjdbc.version="$pgjdbc_version" \
  -Dmaven.api.version="$(property maven.api.version)" -Dplugin.tools.version="$(property plugin.tools.version)" install >/dev/null
mvn -f "$work/noop/pom.xml" $floor:connect -Dfloor.url="jdbc:postgresql://localhost:$port/postgres" >/dev/null
names=(bare nothing connect skip noop peer)
declare -A command=(
  [bare]="validate"
  [nothing]="$floor:nothing"
  [connect]="$floor:connect -Dfloor.url=jdbc:postgresql://localhost:$port/postgres"
  [skip]="$goal:apply -Dpgmigrate.skip=true"
  [noop]="$goal:apply"
  [peer]="$flyway:migrate")
declare -A times
for ((r = 0; r < runs; r++)); do
  for name in "${names[@]}"; do
    # shellcheck disable=SC2086 # a command is Maven's arguments, split on purpose
    times[$name]+="$(time_ms mvn -f "$work/noop/pom.xml" ${command[$name]}) "
  done
done
declare -A ms
for name in "${names[@]}"; do ms[$name]=$(tr ' ' '\n' <<<"${times[$name]}" | grep . | median); done
echo "no-op of $files applied files, median of $runs interleaved rounds:"
row() { printf '  %-40s %6d ms  %6d ms over bare Maven\n' "$1" "$2" $(($2 - ms[bare])); }
printf '  %-40s %6d ms\n' "bare mvn validate" "${ms[bare]}"
row "floor: a goal that does nothing" "${ms[nothing]}"
row "floor: a goal that logs in, reads history" "${ms[connect]}"
row "pgmigrate:apply skipped" "${ms[skip]}"
row "pgmigrate:apply" "${ms[noop]}"
row "flyway:migrate (Flyway $flyway_version)" "${ms[peer]}"
