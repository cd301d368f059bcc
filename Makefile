# Two commands matter: `make run` (set up and serve the site with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test test-fast test-sqlite test-sqlite-rest test-sqlite-browser test-postgres e2e lint format bench places-data messages clean

# --- Environment ---------------------------------------------------------------------------
# A stamp file per requirements file: pip runs again only when a requirements file changes.
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.requirements: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.requirements-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.requirements

# --- Serving ---------------------------------------------------------------------------------
setup: $(VENV)/.requirements
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_places
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_demo_admin --site http://$(HOST):$(PORT)

run: setup
	@echo "Site: http://$(HOST):$(PORT)/   Admin: http://$(HOST):$(PORT)/admin/"
	$(PY) manage.py runserver $(HOST):$(PORT)

# --- Tests -----------------------------------------------------------------------------------
# SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (a database URL; the test
# runner creates and drops its own test_<name> database there). The runs go side by side,
# each printing its output when it ends. The SQLite run is two processes: the browser tests
# (tests/e2e: a server, chromium and the test process, waiting on each other) beside the
# rest (mostly one busy core), so that on two cores neither waits for the other's half.
test: $(VENV)/.requirements-dev
	@$(MAKE) --no-print-directory lint
	@if [ -n "$(TEST_DATABASE_URL)" ]; then \
		echo "SQLite (browser tests, the rest) and PostgreSQL runs side by side; each prints when it ends."; \
		$(MAKE) --no-print-directory -j3 --output-sync=target test-sqlite-rest test-sqlite-browser test-postgres; \
	else \
		echo "SQLite runs side by side (browser tests, the rest); each prints when it ends."; \
		$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite-rest test-sqlite-browser && \
		echo "TEST_DATABASE_URL is not set: the PostgreSQL run was skipped."; \
	fi

# The whole SQLite run in one process.
test-sqlite: $(VENV)/.requirements-dev
	@echo "== Tests on SQLite"
	DATABASE_URL=sqlite:///$(CURDIR)/test-db.sqlite3 $(PY) -m pytest $(PYTEST_ARGS)

# The two halves of the SQLite run (`make test`). Status 5 is pytest's "no test selected":
# PYTEST_ARGS naming a file of one half leaves the other with nothing to run.
test-sqlite-rest: $(VENV)/.requirements-dev
	@echo "== Tests on SQLite, all but the browser tests"
	DATABASE_URL=sqlite:///$(CURDIR)/test-db.sqlite3 $(PY) -m pytest -m "not e2e" $(PYTEST_ARGS) || [ $$? -eq 5 ]

test-sqlite-browser: $(VENV)/.requirements-dev
	@echo "== Tests on SQLite, the browser tests"
	DATABASE_URL=sqlite:///$(CURDIR)/test-db.sqlite3 $(PY) -m pytest -m e2e $(PYTEST_ARGS) || [ $$? -eq 5 ]

test-postgres: $(VENV)/.requirements-dev
	@echo "== Tests on PostgreSQL"
	DATABASE_URL="$(TEST_DATABASE_URL)" $(PY) -m pytest $(PYTEST_ARGS)

# A quick loop while working (a few minutes): every app's tests on SQLite, without the browser
# tests and those marked slow (whole sites in subprocesses, LibreOffice, collectstatic, lints
# of copies of the project: `pytest --markers`). The test database stays in a file between
# runs (--reuse-db; `--create-db` in PYTEST_ARGS after a new migration). Never in .ci/run.
test-fast: $(VENV)/.requirements-dev
	DATABASE_URL=sqlite:///$(CURDIR)/test-db.sqlite3 TEST_DATABASE_FILE=$(CURDIR)/test-fast-db.sqlite3 \
		$(PY) -m pytest -q -m "not e2e and not slow" --reuse-db $(PYTEST_ARGS)

e2e: $(VENV)/.requirements-dev
	$(PY) -m pytest -m e2e $(PYTEST_ARGS)

lint: $(VENV)/.requirements-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: $(VENV)/.requirements-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# --- Benchmarks (never part of the tests) ---------------------------------------------------
# Each run starts from a new scratch SQLite file: the parts write records that a later
# run's places part (which reloads every place) could not delete.
bench: $(VENV)/.requirements-dev
	@[ -n "$(BENCH_DATABASE_URL)" ] || rm -f bench-db.sqlite3 bench-db.sqlite3-wal bench-db.sqlite3-shm
	DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/bench-db.sqlite3} DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m bench

# --- Data --------------------------------------------------------------------------------------
# Regenerate places/data/places_before_2025.csv from vietnam-provinces 0.6.0, in a
# throwaway environment (that release cannot be installed beside the one we run on).
places-data:
	rm -rf .places-venv
	$(PYTHON) -m venv .places-venv
	.places-venv/bin/pip install --quiet vietnam-provinces==0.6.0
	.places-venv/bin/python scripts/generate_places_before_2025.py
	rm -rf .places-venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache static test-db.sqlite3* test-fast-db.sqlite3*

# Vietnamese interface strings. locale/vi/LC_MESSAGES/django.po is the one source of the
# translations: `make messages` adds new strings to it (empty), a person writes their
# Vietnamese in the .po itself, and `make messages` again compiles it. The compiled .mo is
# committed, so `make run` needs no gettext tools; a test fails on an empty or fuzzy entry.
messages: $(VENV)/.requirements-dev
	$(PY) manage.py makemessages -l vi --ignore=.venv --ignore=tests --ignore=scripts --ignore=static --no-obsolete
	@# How many entries still want a translator (empty, or a fuzzy guess of makemessages to check).
	@msgfmt --statistics -o /dev/null locale/vi/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages -l vi --ignore=.venv
