# One entry point for every chore. `make help` lists the targets.
# Set-up is automatic: a target that needs Python creates .venv from the lock files first
# (requirements.lock to build and serve; requirements-test.lock adds the test tools).

# The first of these that is Python 3.11, 3.12 or 3.13 (or say PYTHON=/path/to/python).
PYTHON   ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
              command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null \
              && { echo $$p; break; }; done)
VENV     ?= .venv
BIN      := $(VENV)/bin
CHROMIUM ?= $(shell command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null)
export CHROMIUM

# Material's end-of-life banner and ProperDocs' banner are silenced at the source, not filtered.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help serve site offline check format test bench compare contract lock clean system-packages

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# Chromium, nginx, LibreOffice, Node.js, a Python with venv: from Debian where missing (as root or
# with sudo), else one line saying what to install (scripts/system_packages.sh, as .ci/run does).
system-packages:
	@scripts/system_packages.sh

$(VENV)/.runtime: requirements.lock
	@test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 or 3.13 is required; none found (set PYTHON=/path/to/python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "could not make a virtual environment with $(PYTHON): on Debian, apt-get install -y python3-venv"; exit 1; }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	@touch $@

$(VENV)/.test: requirements-test.lock $(VENV)/.runtime
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.lock
	@touch $@

serve: $(VENV)/.runtime ## Serve both languages at http://127.0.0.1:8000, rebuilt on every edit (data, docs, templates, Python)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

site: $(VENV)/.runtime ## Strict build of both languages into site/
	$(BIN)/python scripts/build_site.py site

offline: $(VENV)/.runtime ## Offline edition in dist/: the site as a zip for file://, one HTML file and PDF per language
	$(BIN)/python scripts/export_offline.py

check: $(VENV)/.test ## Quick tier, seconds: lint, format check, unit tests (no build, no browser)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q -m unit

format: $(VENV)/.test ## Sort imports and format the Python code (ruff)
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

test: system-packages $(VENV)/.test ## Run the whole test suite (builds the site, drives Chromium); installs what it needs
	@test tests/js/node_modules/.package-lock.json -nt tests/js/package-lock.json || npm ci --prefix tests/js --ignore-scripts --no-audit --no-fund --silent
	$(BIN)/python -m pytest -n auto --maxprocesses 4

bench: $(VENV)/.test ## Measure build time, live edit, page weight, Lighthouse, export sizes (bench/results.json)
	@test -x bench/node_modules/.bin/lighthouse || npm ci --prefix bench --no-audit --no-fund
	$(BIN)/python scripts/bench.py

compare: $(VENV)/.runtime ## Does the working tree build the same site as REF (default HEAD)? Byte for byte
	$(BIN)/python scripts/compare_builds.py $(or $(REF),HEAD)

contract: site ## Add new citable URLs and anchors of the built site to data/published_urls.yml
	$(BIN)/python scripts/update_contract.py site

lock: $(VENV)/.runtime ## Re-pin every dependency: pyproject.toml -> requirements.lock, requirements-test.lock
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --extra test --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	  -c requirements.lock -o requirements-test.lock pyproject.toml

clean: ## Remove build output (site/, dist/)
	rm -rf site dist
