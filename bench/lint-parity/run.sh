#!/usr/bin/env bash
# pgmigrate's lint findings beside Squawk's on the same files: per rule pair, findings both / only Squawk / only
# pgmigrate, and every disagreement listed (docs/lint/parity.md explains each one).
# Usage: bench/lint-parity/run.sh [--write-expected] [path…]
#   default paths: the repository's own SQL (src/test/resources, src/it), migrations-sample and bench/lint-parity/corpus
#   --write-expected: rewrite bench/lint-parity/expected-disagreements.txt from the small corpus SquawkParityTest uses
# Squawk (squawk-cli, pinned in package.json) is installed into bench/lint-parity/node_modules when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -x bench/lint-parity/node_modules/.bin/squawk ] || bash .ci/squawk.sh
./mvnw -B -q -o test-compile -Dinvoker.skip
cp="target/classes:target/test-classes:$(./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
if [ "${1:-}" = "--write-expected" ]; then
  shift
  exec java -cp "$cp" io.github.pgmigrate.lint.SquawkParity "$root" --write-expected \
    bench/lint-parity/expected-disagreements.txt bench/lint-parity/corpus "$@"
fi
if [ $# -eq 0 ]; then
  set -- src/test/resources src/it migrations-sample bench/lint-parity/corpus
fi
exec java -cp "$cp" io.github.pgmigrate.lint.SquawkParity "$root" "$@"
