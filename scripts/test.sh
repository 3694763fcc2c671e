#!/usr/bin/env bash
# Run the whole suite: SQLite, a throwaway PostgreSQL, and real Chromium for browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (Debian packages)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing and cannot be installed here: install the 'chromium' package." >&2
    exit 1
  fi
fi

pgdir=$(mktemp -d /tmp/wp-pg.XXXXXX)
trap 'scripts/postgres.sh stop "$pgdir"' EXIT
eval "$(scripts/postgres.sh start "$pgdir")"

.venv/bin/python -m pytest "$@"
