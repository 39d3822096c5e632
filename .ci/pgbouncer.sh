#!/usr/bin/env bash
# Installs PgBouncer from Debian for the pooler scenarios (src/it/pooler-*), idempotently, as root, without standard
# input. The tests start their own PgBouncer (TestPgBouncer: a config in target/pgbouncer, a free loopback port,
# transaction pool mode); the package's own service is kept from starting. Output goes to standard error.
set -euo pipefail
if command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; then
  echo "pgbouncer is installed: $( (command -v pgbouncer || echo /usr/sbin/pgbouncer) | head -1)" >&2
  exit 0
fi
# Debian starts a package's service on install unless policy-rc.d says no; the tests need only the binary.
added_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  added_policy=yes
fi
trap '[ -n "$added_policy" ] && rm -f /usr/sbin/policy-rc.d' EXIT
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q pgbouncer >&2
# PgBouncer refuses to run as root; TestPgBouncer then switches to this user (postgresql-common creates it).
id postgres >/dev/null
echo "installed $(/usr/sbin/pgbouncer --version | head -1)" >&2
