# Entry points: `make run` (serve the portal with demo data) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format messages lock check-deploy worker

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/daphne -b $(HOST) -p $(PORT) portal.asgi:application

# Browser tests run in a pytest process of their own (see tests/conftest.py).
test: install
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

# lint-imports holds the apps' one-way layers (pyproject.toml [tool.importlinter]; README "Architecture").
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Regenerate translation catalogues (needs GNU gettext), fill Japanese from locale_parts/, compile.
messages: install
	$(BIN)/python manage.py makemessages -l ja -l en --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=build --ignore=tests
	$(BIN)/python scripts/i18n.py merge

# Re-resolve the pinned versions from pyproject.toml in a throwaway environment.
lock:
	rm -rf /tmp/portal-lock-venv && $(PYTHON) -m venv /tmp/portal-lock-venv
	/tmp/portal-lock-venv/bin/pip install --quiet --upgrade pip
	/tmp/portal-lock-venv/bin/pip install --quiet '.[dev]'
	/tmp/portal-lock-venv/bin/pip freeze --exclude chiiki-dx-portal | sort > requirements.lock

check-deploy: install
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	DJANGO_ALLOWED_HOSTS=portal.example.jp $(BIN)/python manage.py check --deploy --fail-level WARNING

worker: install
	$(BIN)/python manage.py db_worker
