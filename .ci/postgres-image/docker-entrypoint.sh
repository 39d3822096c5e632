#!/bin/bash
# Entrypoint of pgmigrate's locally built PostgreSQL image (.ci/postgres-container.sh).
# It honours the contract of the official "postgres" image that Testcontainers' PostgreSQLContainer relies on:
#   - POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust),
#     POSTGRES_DB (default: POSTGRES_USER), POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD, PGDATA;
#   - first argument "postgres" (or a first argument starting with "-", which means "postgres <args>"),
#     further arguments such as "-c fsync=off" are passed to the server;
#   - on first start the cluster is initialised and a temporary server is started and stopped, so the log line
#     "database system is ready to accept connections" appears twice, as with the official image;
#   - *.sh / *.sql / *.sql.gz files in /docker-entrypoint-initdb.d run once, against POSTGRES_DB.
set -Eeo pipefail

: "${PGDATA:=/var/lib/postgresql/data}"
export PGDATA

if [ "${1:0:1}" = '-' ]; then
    set -- postgres "$@"
fi

if [ "$1" != 'postgres' ]; then
    exec "$@"
fi

if [ "$(id -u)" = '0' ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chmod 00700 "$PGDATA"
    chmod 03775 /var/run/postgresql
    chown -R postgres:postgres "$PGDATA" /var/run/postgresql
    exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$BASH_SOURCE" "$@"
fi

POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
AUTH_METHOD="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"

initialise_cluster() {
    if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$AUTH_METHOD" != 'trust' ]; then
        echo 'error: database is uninitialized and superuser password is not specified.' >&2
        echo '       Set POSTGRES_PASSWORD, or POSTGRES_HOST_AUTH_METHOD=trust to allow connections without a password.' >&2
        exit 1
    fi
    local pwfile=""
    if [ -n "${POSTGRES_PASSWORD:-}" ]; then
        pwfile="$(mktemp)"
        printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
    fi
    # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words, as in the official image
    initdb --username="$POSTGRES_USER" ${pwfile:+--pwfile="$pwfile"} --encoding=UTF8 --locale=C.UTF-8 \
        ${POSTGRES_INITDB_ARGS:-}
    [ -z "$pwfile" ] || rm -f "$pwfile"
    {
        echo
        echo "host all all all $AUTH_METHOD"
    } >> "$PGDATA/pg_hba.conf"
    echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
}

psql_as_superuser() {
    PGPASSWORD="${POSTGRES_PASSWORD:-}" psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc \
        --username "$POSTGRES_USER" --host /var/run/postgresql "$@"
}

start_temporary_server() {
    # Not reachable over TCP while initialising, as in the official image.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
}

stop_temporary_server() {
    pg_ctl -D "$PGDATA" -m fast -w stop
}

create_database() {
    if [ "$POSTGRES_DB" = 'postgres' ]; then
        return
    fi
    local exists
    exists="$(psql_as_superuser --dbname postgres --set db="$POSTGRES_DB" --tuples-only --no-align \
        <<<"SELECT 1 FROM pg_database WHERE datname = :'db'")"
    if [ -z "$exists" ]; then
        psql_as_superuser --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db"'
    fi
}

run_init_scripts() {
    local f
    for f in /docker-entrypoint-initdb.d/*; do
        [ -e "$f" ] || continue
        case "$f" in
            *.sh)     echo "running $f"; . "$f" ;;
            *.sql)    echo "running $f"; psql_as_superuser --dbname "$POSTGRES_DB" -f "$f" ;;
            *.sql.gz) echo "running $f"; gunzip -c "$f" | psql_as_superuser --dbname "$POSTGRES_DB" ;;
            *)        echo "ignoring $f" ;;
        esac
    done
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    initialise_cluster
    start_temporary_server
    create_database
    run_init_scripts
    stop_temporary_server
    echo
    echo 'PostgreSQL init process complete; ready for start up.'
    echo
else
    echo
    echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
    echo
fi

exec "$@"
