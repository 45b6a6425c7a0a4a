# Two commands for a newcomer: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench screenshots clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Mufakat needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m compileall -q desktop server_stub protocol domain  # an editable install leaves this to the first start
	@touch $(STAMP)

# The widgets' Indonesian catalog, compiled from its source (.ts) with PySide6's lrelease.
QM     := desktop/locale/mufakat_id.qm

$(QM): desktop/locale/mufakat_id.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

run: $(STAMP) $(QM)
	$(PY) -m desktop

# Widget tests need a real X server: pytest-xvfb starts Xvfb (1366x768, see pyproject.toml).
XVFB_RUN := xvfb-run -a -s "-screen 0 1366x768x24"

test: $(STAMP) $(QM)
	$(PY) -m pytest -q
	$(PY) -m ruff check desktop server_stub protocol domain tests bench tools
	$(PY) -m mypy

lint: $(STAMP)
	$(PY) -m ruff check desktop server_stub protocol domain tests bench tools
	$(PY) -m mypy

bench: $(STAMP) $(QM)
	$(PY) bench/store.py
	$(PY) bench/reports.py
	$(PY) bench/sync.py
	$(XVFB_RUN) $(PY) bench/attention.py
	$(XVFB_RUN) $(PY) bench/ui.py

screenshots: $(STAMP) $(QM)
	$(XVFB_RUN) $(PY) tools/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache $(QM)
