#!/usr/bin/env bash
# Run the whole suite: SQLite, a throwaway PostgreSQL, and real Chromium for browser tests.
#   bash scripts/test.sh              # every test, in 2 processes (PYTEST_WORKERS to change)
#   bash scripts/test.sh ARGS...      # pytest with these arguments (PostgreSQL started)
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
trap 'exit 130' INT   # Ctrl-C: stop PostgreSQL (the EXIT trap) and end
trap 'exit 143' TERM

if ! TEST_DATABASE_URL=$(scripts/postgres.sh start "$pgdir"); then
  echo "make test: stopped, PostgreSQL for the tests did not start (reason above)." >&2
  exit 1
fi
export TEST_DATABASE_URL

# Every tier (unit, functional, integration, browser) in PYTEST_WORKERS processes (default 2);
# each process serves the app from a thread on its own port, with its own Chromium, SQLite
# files and PostgreSQL database. pytest's summary is the last line, its exit code ours.
workers=${PYTEST_WORKERS:-2}
pytest=(.venv/bin/python -m pytest)
if [ -t 1 ]; then pytest+=(--color=yes); fi
if [ $# -eq 0 ]; then set -- -n "$workers" --dist worksteal --durations=20 tests; fi
"${pytest[@]}" "$@"
