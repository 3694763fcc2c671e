# Whole Picture: `make run` serves a working site on SQLite; `make test` runs every test.
PY      := .venv/bin/python
FLASK   := .venv/bin/flask --app app
HOST    ?= 127.0.0.1
PORT    ?= 5000
STAMP   := .venv/.installed
ASSETS  := app/static/build/app.css

.PHONY: run test smoke lint format check-scenarios assets install db clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(ASSETS): node_modules/.package-lock.json assets/build.mjs app/static/src/app.scss
	npm run --silent build

assets: $(ASSETS)

db: $(STAMP)
	$(FLASK) db upgrade
	$(FLASK) scenarios load
	$(FLASK) exercises load
	$(FLASK) demo --with-activity

# Local http, so the session cookie may not insist on https.
run: $(STAMP) $(ASSETS)
	SESSION_COOKIE_SECURE=0 $(MAKE) --no-print-directory db
	SESSION_COOKIE_SECURE=0 $(FLASK) run --host $(HOST) --port $(PORT)

test: $(STAMP) $(ASSETS)
	bash scripts/test.sh

smoke: $(STAMP)
	$(PY) scripts/smoke.py --base-url http://$(HOST):$(PORT)

check-scenarios: $(STAMP)
	$(FLASK) scenarios check

lint: $(STAMP)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: $(STAMP)
	.venv/bin/ruff format .

clean:
	rm -rf .venv node_modules app/static/build .pytest_cache
