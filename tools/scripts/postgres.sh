#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests, from the machine's postgresql package.
#
#   eval "$(tools/scripts/postgres.sh start)"   # starts it, prints: export GOVOPENNESS_TEST_POSTGRES=...
#   tools/scripts/postgres.sh restart           # crashes it (immediate stop) and starts it on the same data
#   tools/scripts/postgres.sh stop              # stops it and deletes its folder
#
# The cluster lives in a temp folder (GOVOPENNESS_PG_DIR, default /tmp/govopenness-pg) and listens on
# 127.0.0.1 only (GOVOPENNESS_PG_PORT, default 55432). Installs the package when it is missing. initdb
# refuses to run as root, so as root the server runs as the package's "postgres" user.
set -euo pipefail

dir="${GOVOPENNESS_PG_DIR:-/tmp/govopenness-pg}"
port="${GOVOPENNESS_PG_PORT:-55432}"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

ensure_installed() {
  if [[ -z "$(find_bin)" ]]; then
    log "installing the postgresql package"
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
  fi
  bin="$(find_bin)"
  [[ -n "$bin" ]] || { log "no PostgreSQL binaries under /usr/lib/postgresql"; exit 1; }
}

# Runs a command as the server's owner: root may not run initdb or postgres.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

connection_string() {
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=govopenness;Pooling=true;Maximum Pool Size=50"
}

start() {
  ensure_installed
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    log "already running in $dir"
  else
    rm -rf "$dir"
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; chown postgres "$dir"; }
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a test server whose data is thrown away needs no durability against power loss.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2 \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE govopenness" >&2
    log "PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$port, data in $dir"
  fi
  echo "export GOVOPENNESS_TEST_POSTGRES='$(connection_string)'"
}

# Crash and start again on the same data (the fault suite's "PostgreSQL restart"): an immediate
# shutdown is what a killed server leaves, so the restart runs crash recovery.
restart() {
  ensure_installed
  [[ -f "$dir/data/postmaster.pid" ]] || { log "not running in $dir"; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
  log "restarted on 127.0.0.1:$port"
}

stop() {
  bin="$(find_bin)"
  if [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  *) echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
