#!/usr/bin/env bash
# A throwaway PostgreSQL from the Debian server packages for the tests, on a free loopback port.
# Usage: url=$(scripts/postgres.sh start DIR) || exit 1  ...  scripts/postgres.sh stop DIR
# `start` prints the database URL; if the server cannot start it says why (with the end of the
# server's log) on stderr and exits non-zero. PGTEST_PORT chooses the port instead.
# initdb and pg_ctl refuse to run as root, so as root they run as the postgres user.
set -euo pipefail
action=$1 dir=$2

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }
bin=$(find_bin)

as_owner() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

fail() {
  echo "PostgreSQL for the tests: $1" >&2
  [ -f "$dir/log" ] && tail -n 20 "$dir/log" | sed 's/^/  log: /' >&2
  exit 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case $action in
  start)
    if [ -z "$bin" ]; then
      if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing PostgreSQL for the tests (Debian packages)..." >&2
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(find_bin)
      fi
      [ -n "$bin" ] || fail "the server packages are missing: install the 'postgresql' package"
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
    as_owner "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync >'$dir/log' 2>&1" \
      || fail "initdb failed in $dir"
    started=""
    for _try in 1 2 3; do  # a free port can be taken between choosing and binding it: try again
      port=${PGTEST_PORT:-$(free_port)}
      if as_owner "'$bin/pg_ctl' -D '$dir/data' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" -l '$dir/log' -w -t 60 start >/dev/null 2>&1"; then
        started=yes
        break
      fi
      [ -z "${PGTEST_PORT:-}" ] || break
    done
    [ -n "$started" ] || fail "the server did not start (last port tried: $port)"
    as_owner "'$bin/createdb' -h '$dir' -p $port -U postgres whole_picture_test" \
      || fail "createdb failed on port $port"
    echo "postgresql://postgres@127.0.0.1:$port/whole_picture_test"
    ;;
  stop)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w -t 30 stop >/dev/null 2>&1" \
        || as_owner "'$bin/pg_ctl' -D '$dir/data' -m immediate -w stop >/dev/null 2>&1" \
        || echo "PostgreSQL for the tests: could not stop the server in $dir" >&2
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac
