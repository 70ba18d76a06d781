# Ops Atlas. Every target is phony: it runs each time. The virtualenv is reused while
# requirements.lock is unchanged (its hash names the stamp file).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
LOCK_HASH := $(shell $(PYTHON) -c "import hashlib,sys;print(hashlib.sha256(open('requirements.lock','rb').read()).hexdigest()[:16])")
STAMP  := $(VENV)/.installed-$(LOCK_HASH)
SITE_TMP := .site.tmp
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help site test e2e serve bench check lint venv clean

help:
	@echo "make site   build the static site into site/"
	@echo "make test   run the test suite (no browser needed)"
	@echo "make e2e    run the browser tests (needs Debian's chromium)"
	@echo "make serve  preview at http://127.0.0.1:8000 with live reload"
	@echo "make bench  run the benchmarks"
	@echo "make check  fail when generated pages are stale"

venv: $(STAMP)

$(STAMP): requirements.lock
	@$(PYTHON) -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 'Python >= 3.11 is required')"
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

# Validate and generate (nothing is written when content is invalid), then build into a
# temporary folder and swap it in, so a failed build never leaves a half-written site/.
site: venv
	$(PY) build_pages.py
	rm -rf $(SITE_TMP)
	$(VENV)/bin/mkdocs build --strict --quiet --site-dir $(SITE_TMP)
	rm -rf site
	mv $(SITE_TMP) site

check: venv
	$(PY) build_pages.py --check

test: venv
	$(PY) -m pytest -m "not e2e" -q

e2e: venv
	$(PY) -m pytest -m e2e -q

lint: venv
	$(VENV)/bin/ruff check opsatlas hooks tests benchmarks build_pages.py
	$(VENV)/bin/mypy

# MkDocs 1.6.1 with click > 8.2.1 turns live reload off unless it is asked for.
serve: venv
	$(PY) build_pages.py
	$(VENV)/bin/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

bench: venv
	$(PY) benchmarks/run.py

clean:
	rm -rf docs site $(SITE_TMP) .pytest_cache
