#!/usr/bin/env bash
# Run the whole suite: SQLite, a throwaway PostgreSQL, and real Chromium for browser tests.
#   bash scripts/test.sh              # unit, functional, integration in parallel; then browser
#   bash scripts/test.sh ARGS...      # one pytest run with these arguments (PostgreSQL started)
# PYTEST_WORKERS sets the parallel processes (default 2). Exits non-zero if either run fails.
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
logs=$(mktemp -d /tmp/wp-test.XXXXXX)
cleanup() {
  scripts/postgres.sh stop "$pgdir"
  rm -rf "$logs"
}
trap cleanup EXIT
trap 'exit 130' INT   # Ctrl-C: stop PostgreSQL (the EXIT trap) and end
trap 'exit 143' TERM

if ! TEST_DATABASE_URL=$(scripts/postgres.sh start "$pgdir"); then
  echo "make test: stopped, PostgreSQL for the tests did not start (reason above)." >&2
  exit 1
fi
export TEST_DATABASE_URL

pytest=(.venv/bin/python -m pytest)
if [ -t 1 ]; then pytest+=(--color=yes); fi

if [ $# -gt 0 ]; then
  "${pytest[@]}" "$@"
  exit
fi

# The last line pytest prints ("N passed in ..."), without colour codes.
summary() { tail -n 1 "$1" | sed 's/\x1b\[[0-9;]*m//g'; }

status=0
echo "== Unit, functional and integration tests (${PYTEST_WORKERS:-2} processes)"
"${pytest[@]}" -n "${PYTEST_WORKERS:-2}" tests/unit tests/functional tests/integration \
  | tee "$logs/parallel" || status=1
echo "== Browser tests (Chromium)"
"${pytest[@]}" tests/browser | tee "$logs/browser" || status=1

echo
echo "make test summary:"
echo "  unit, functional, integration: $(summary "$logs/parallel")"
echo "  browser:                       $(summary "$logs/browser")"
exit $status
