#!/usr/bin/env bash
# Run the whole suite. Browser tests need Chromium: installed here from Debian if missing.
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

exec .venv/bin/python -m pytest "$@"
