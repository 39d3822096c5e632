#!/usr/bin/env bash
# Schema engine benchmark: inspect and schema-diff of a generated 1,000-table schema against pg_dump --schema-only of
# the same database in the same run, on embedded PostgreSQL 15. Needs the compiled plugin (./mvnw -q compile) and
# postgresql-client; usage: bench/schema/run.sh [tables] [runs]
set -euo pipefail
exec "$(dirname "$0")/../run-with-embedded-15.sh" bench/schema/SchemaBenchmark.java "${1:-1000}" "${2:-5}"
