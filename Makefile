# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.geinstalleerd

.PHONY: run test install lint format clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Set up, migrate the SQLite database, load the demo and serve on http://127.0.0.1:8000,
## with the task worker in the background (it sends the mails; they appear in this terminal)
## and stopped together with the server
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo
	$(BIN)/python manage.py db_worker & trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## Set up and run the whole test suite
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## Measure the portal under load: PostgreSQL, gunicorn (2 workers) and Redis must be reachable
## (docs/bench.md). BENCH_SCHALEN=1 BENCH_SECONDEN=5 make bench is a quick try.
bench: $(VENV)/.bench-geinstalleerd
	$(BIN)/python bench/run.py

$(VENV)/.bench-geinstalleerd: $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	touch $@

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
