# Two commands for a new user on a fresh machine:
#   make demo   creates .venv, installs sitecompare, writes reports/site-comparison.xlsx
#   make test   creates .venv, installs sitecompare[test], LibreOffice and Chromium if missing, runs pytest
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test typecheck bench lint system-deps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	# bytecode now, as a regular install writes it (an editable install leaves it to the first
	# import, and writes none under PYTHONDONTWRITEBYTECODE: ~50 ms of every cold start)
	$(BIN)/python -m compileall -q sitecompare
	touch $@

demo: $(VENV)/.installed
	$(BIN)/sitecompare compare

# LibreOffice is a real spreadsheet program the workbook tests recalculate and render with;
# Chromium (with its driver) is the browser the weights page's end-to-end test drives.
system-deps:
	@{ command -v soffice && test -x /usr/bin/chromium && test -x /usr/bin/chromedriver; } >/dev/null 2>&1 \
		|| ./.ci/install-system-deps

test: $(VENV)/.installed system-deps
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q

typecheck: $(VENV)/.installed
	$(BIN)/python -m mypy

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_rank.py
	$(BIN)/python benchmarks/bench_sensitivity.py
	$(BIN)/python benchmarks/bench_workbook.py
	$(BIN)/python benchmarks/bench_app.py
	$(BIN)/python benchmarks/bench_cli.py
	$(BIN)/python benchmarks/bench_tables.py

lint: $(VENV)/.installed
	$(BIN)/ruff check sitecompare tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
