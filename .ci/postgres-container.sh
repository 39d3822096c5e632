#!/usr/bin/env bash
# Makes the containerized PostgreSQL path of the test suite runnable on a Debian machine without a Docker engine:
# installs podman, serves its Docker-compatible API on a unix socket and builds a local PostgreSQL image that
# honours the official "postgres" image's contract (no registry is needed).
#
# Idempotent: installed packages, the configuration, a running API service and an existing image are reused (the
# image is rebuilt when postgres-image/docker-entrypoint.sh changed since it was built).
# Runs as root, without standard input (CI). Prints, as its last lines, the environment the tests need:
#   DOCKER_HOST=unix:///run/podman/podman.sock
#   TESTCONTAINERS_RYUK_DISABLED=true
#   TESTCONTAINERS_HOST_OVERRIDE=localhost
#   PGMIGRATE_IT_LOCAL_IMAGE=localhost/pgmigrate/postgres:15
# Diagnostics go to standard error. Use it so that a failure stops the caller (`eval "$(… | sed …)"` would hide it):
#   container_env="$(bash .ci/postgres-container.sh)"
#   while IFS= read -r setting; do export "$setting"; done <<< "$container_env"
#
# Environment: PGMIGRATE_IT_LOCAL_IMAGE (image name to build, default localhost/pgmigrate/postgres:15),
#              PGMIGRATE_IT_REBUILD_IMAGE=true (rebuild even if the image exists).
set -Eeuo pipefail

IMAGE="${PGMIGRATE_IT_LOCAL_IMAGE:-localhost/pgmigrate/postgres:15}"
PG_MAJOR=15
SUITE=bookworm
SOCKET_DIR=/run/podman
SOCKET="$SOCKET_DIR/podman.sock"
CONTAINERS_CONF=/etc/containers/containers.conf
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENTRYPOINT_SOURCE="$HERE/postgres-image/docker-entrypoint.sh"
ENTRYPOINT_LABEL=io.github.pgmigrate.entrypoint-sha256

log() { printf '[postgres-container] %s\n' "$*" >&2; }
fail() { log "ERROR: $*"; exit 1; }

[ "$(id -u)" = 0 ] || fail "must run as root (it installs packages and starts the podman API service)"
[ -f "$ENTRYPOINT_SOURCE" ] || fail "missing $ENTRYPOINT_SOURCE"

install_packages() {
    local missing=() package
    for package in podman runc debootstrap; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$package")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        log "packages podman, runc, debootstrap already installed"
        return
    fi
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null >&2
    apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null >&2
}

# Sets `key = value` in [section] of a TOML file, adding the section or key when absent.
set_toml_key() {
    local file="$1" section="$2" key="$3" value="$4" tmp
    tmp="$(mktemp)"
    awk -v section="[$section]" -v key="$key" -v line="$key = $value" '
        function flush() { if (in_section && !done) { print line; done = 1 } }
        /^[[:space:]]*\[/ {
            flush()
            header = $0; gsub(/[[:space:]]/, "", header)
            in_section = (header == section); if (in_section) seen = 1
            print; next
        }
        skipping_array { if ($0 ~ /\]/) skipping_array = 0; next }
        in_section && $0 ~ "^[[:space:]]*#?[[:space:]]*" key "[[:space:]]*=" {
            if (!done) { print line; done = 1 }
            # an active multi-line array value: drop its remaining lines too
            if ($0 !~ /^[[:space:]]*#/ && $0 ~ /=[[:space:]]*\[/ && $0 !~ /\]/) skipping_array = 1
            next
        }
        { print }
        END {
            flush()
            if (!seen) { print ""; print section; print line }
        }' "$file" > "$tmp"
    cat "$tmp" > "$file"
    rm -f "$tmp"
}

configure_containers() {
    # crun fails on this kernel's cgroup setup and raising RLIMIT_NOFILE is not permitted here.
    mkdir -p "$(dirname "$CONTAINERS_CONF")"
    touch "$CONTAINERS_CONF"
    set_toml_key "$CONTAINERS_CONF" containers default_ulimits '[]'
    set_toml_key "$CONTAINERS_CONF" engine runtime '"runc"'
    log "configured $CONTAINERS_CONF (default_ulimits = [], runtime = \"runc\")"
}

api_answers() {
    podman --url "unix://$SOCKET" version >/dev/null 2>&1
}

# A service started by an older version of this script from a clone that was deleted since cannot start containers.
stop_service_without_working_directory() {
    local pid
    for pid in $(pgrep -f "podman system service" || true); do
        if readlink "/proc/$pid/cwd" 2>/dev/null | grep -q ' (deleted)$'; then
            log "stopping podman service $pid: its working directory was deleted"
            kill "$pid" 2>/dev/null || true
            sleep 1
        fi
    done
}

start_api_service() {
    stop_service_without_working_directory
    if [ -S "$SOCKET" ] && api_answers; then
        log "podman API already serving on $SOCKET"
        return
    fi
    mkdir -p "$SOCKET_DIR"
    rm -f "$SOCKET"
    log "starting podman system service on unix://$SOCKET (log: $SOCKET_DIR/service.log)"
    # From /: conmon inherits the service's working directory, and a deleted clone would break every later start
    # ("Failed to get working directory", then "write child: broken pipe").
    pushd / >/dev/null
    setsid nohup podman system service --time=0 "unix://$SOCKET" </dev/null >"$SOCKET_DIR/service.log" 2>&1 &
    popd >/dev/null
    local attempt
    for attempt in $(seq 1 60); do
        if [ -S "$SOCKET" ] && api_answers; then
            return
        fi
        sleep 0.5
    done
    cat "$SOCKET_DIR/service.log" >&2 || true
    fail "the podman API did not come up on $SOCKET"
}

# The mirror apt uses for the main suite, from the deb822 sources file (or the one-line sources.list).
debian_mirror() {
    local mirror=""
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        mirror="$(awk -v suite="$SUITE" '
            function check() { if (uris != "" && (" " suites " ") ~ (" " suite " ") && found == "") found = uris }
            /^[[:space:]]*$/ { check(); uris = ""; suites = ""; next }
            /^URIs:/   { uris = $2 }
            /^Suites:/ { suites = $0; sub(/^Suites:[[:space:]]*/, "", suites) }
            END { check(); print found }' /etc/apt/sources.list.d/debian.sources)"
    fi
    if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
        mirror="$(awk -v suite="$SUITE" '$1 == "deb" && $3 == suite { print $2; exit }' /etc/apt/sources.list)"
    fi
    [ -n "$mirror" ] || fail "cannot find the Debian mirror for $SUITE in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"
    printf '%s\n' "$mirror"
}

# Removes a build directory, first unmounting anything a failed debootstrap left mounted inside it.
remove_rootfs() {
    local rootfs="$1" mount_point
    awk -v root="$rootfs/" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r | while read -r mount_point; do
        umount -l "$mount_point" || true
    done
    rm -rf --one-file-system "$rootfs"
}

build_image() {
    local entrypoint_sha built_sha
    entrypoint_sha="$(sha256sum "$ENTRYPOINT_SOURCE" | cut -d' ' -f1)"
    if [ "${PGMIGRATE_IT_REBUILD_IMAGE:-false}" != true ] && podman image exists "$IMAGE"; then
        built_sha="$(podman image inspect --format "{{index .Labels \"$ENTRYPOINT_LABEL\"}}" "$IMAGE" 2>/dev/null || true)"
        if [ "$built_sha" = "$entrypoint_sha" ]; then
            log "image $IMAGE already present"
            return
        fi
        log "image $IMAGE was built with another entrypoint; rebuilding"
    fi
    local mirror rootfs previous
    previous="$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
    mirror="$(debian_mirror)"
    rootfs="$(mktemp -d /var/tmp/pgmigrate-postgres-rootfs.XXXXXX)"
    trap 'remove_rootfs "$rootfs"' EXIT
    log "debootstrap $SUITE with postgresql-$PG_MAJOR from $mirror into $rootfs"
    debootstrap --variant=minbase --include="postgresql-$PG_MAJOR" "$SUITE" "$rootfs" "$mirror" >&2
    # The package's own "main" cluster is not used: the entrypoint initialises $PGDATA as the official image does.
    rm -rf "$rootfs/var/lib/postgresql/$PG_MAJOR" "$rootfs/etc/postgresql/$PG_MAJOR" \
        "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    install -m 0755 "$ENTRYPOINT_SOURCE" "$rootfs/usr/local/bin/docker-entrypoint.sh"
    mkdir -p "$rootfs/docker-entrypoint-initdb.d" "$rootfs/var/lib/postgresql/data"
    log "importing $rootfs as $IMAGE"
    tar -C "$rootfs" --numeric-owner -c . | podman import \
        --change "ENV PATH=/usr/lib/postgresql/$PG_MAJOR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        --change "ENV PGDATA=/var/lib/postgresql/data" \
        --change "ENV LANG=C.UTF-8" \
        --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
        --change 'CMD ["postgres"]' \
        --change 'EXPOSE 5432' \
        --change 'STOPSIGNAL SIGINT' \
        --change "LABEL $ENTRYPOINT_LABEL=$entrypoint_sha" \
        - "$IMAGE" >&2
    remove_rootfs "$rootfs"
    trap - EXIT
    if [ -n "$previous" ]; then
        # the replaced image is untagged now; containers still using it keep it alive
        podman rmi "$previous" >/dev/null 2>&1 || true
    fi
}

install_packages
configure_containers
start_api_service
build_image
log "ready after ${SECONDS}s"

echo "DOCKER_HOST=unix://$SOCKET"
echo "TESTCONTAINERS_RYUK_DISABLED=true"
# Test traffic stays on loopback: the published port is reached through localhost, not the bridge address.
echo "TESTCONTAINERS_HOST_OVERRIDE=localhost"
echo "PGMIGRATE_IT_LOCAL_IMAGE=$IMAGE"
