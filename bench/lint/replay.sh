#!/usr/bin/env bash
# Lint replay benchmark: a pull request of LINTED files over PRIOR applied ones, linted statically and with replay
# (cache off, warm) and the start-up cost, on embedded PostgreSQL 15; needs ./mvnw -q compile.
# Usage: bench/lint/replay.sh [prior] [linted] [runs]
set -euo pipefail
exec "$(dirname "$0")/../run-with-embedded-15.sh" bench/lint/ReplayBenchmark.java "${1:-200}" "${2:-10}" "${3:-3}"
