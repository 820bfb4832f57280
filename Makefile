# One entry point for every chore. `make help` lists the targets.
# Set-up is automatic: any target that needs Python creates .venv from requirements.lock first.

PYTHON   ?= python3.11
VENV     := .venv
BIN      := $(VENV)/bin
CHROMIUM ?= $(shell command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null)
export CHROMIUM

# Material's end-of-life banner and ProperDocs' banner are silenced at the source, not filtered.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help serve site offline test bench contract lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/mkdocs: requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found); set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	@touch $@

serve: $(BIN)/mkdocs ## Serve both languages at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

site: $(BIN)/mkdocs ## Strict build of both languages into site/
	$(BIN)/python -m scripts.build_site site

offline: $(BIN)/mkdocs ## Offline edition in dist/: the site as a zip for file://, one HTML file per language
	$(BIN)/python -m scripts.export_offline

test: $(BIN)/mkdocs ## Run the whole test suite (builds the site, drives Chromium)
	@test -n "$(CHROMIUM)" && test -x "$(CHROMIUM)" || { echo "Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM=/path/to/chromium"; exit 1; }
	$(BIN)/python -m pytest

bench: $(BIN)/mkdocs ## Measure build time, live edit, page weight, Lighthouse, export sizes (bench/results.json)
	@test -x bench/node_modules/.bin/lighthouse || npm ci --prefix bench --no-audit --no-fund
	$(BIN)/python -m scripts.bench

contract: site ## Add new citable URLs and anchors of the built site to data/published_urls.yml
	$(BIN)/python -m scripts.update_contract site

lock: ## Re-pin every dependency from pyproject.toml into requirements.lock
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra test --generate-hashes --strip-extras -o requirements.lock pyproject.toml

clean: ## Remove build output (site/, dist/)
	rm -rf site dist
