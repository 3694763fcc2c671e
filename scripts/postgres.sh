#!/usr/bin/env bash
# Start a throwaway PostgreSQL from the Debian server packages for the tests.
# Usage: eval "$(scripts/postgres.sh start DIR)"  ...  scripts/postgres.sh stop DIR
# initdb and pg_ctl refuse to run as root, so as root they run as the postgres user.
set -euo pipefail
action=$1 dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
port=${PGTEST_PORT:-54329}

as_owner() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case $action in
  start)
    if [ -z "$bin" ]; then
      if [ "$(id -u)" = "0" ]; then
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
      else
        echo "PostgreSQL server packages are missing" >&2; exit 1
      fi
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown postgres "$dir"
    as_owner "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync >/dev/null"
    as_owner "'$bin/pg_ctl' -D '$dir/data' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" -l '$dir/log' -w start >/dev/null"
    as_owner "'$bin/createdb' -h '$dir' -p $port -U postgres whole_picture_test"
    echo "export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$port/whole_picture_test"
    ;;
  stop)
    as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true
    rm -rf "$dir"
    ;;
esac
