#!/usr/bin/env bash
# Installs Squawk (npm package squawk-cli, the version pinned in bench/lint-parity/package.json; a platform binary
# comes as an optional dependency) into bench/lint-parity/node_modules, idempotently, for SquawkParityTest and
# bench/lint-parity/run.sh. Needs npm. Output goes to standard error.
set -euo pipefail
cd "$(dirname "$0")/../bench/lint-parity"
if [ -x node_modules/.bin/squawk ] && node_modules/.bin/squawk --version >/dev/null 2>&1; then
  echo "squawk is installed: $(node_modules/.bin/squawk --version)" >&2
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q npm >&2
fi
npm install --no-audit --no-fund --no-save >&2
echo "installed $(node_modules/.bin/squawk --version)" >&2
