# Two commands for a newcomer: `make run` and `make test`. Both create .venv on first use:
# `make run` installs what the app needs to run, `make test` adds the server and the dev tools,
# `make dist` adds PyInstaller and builds the app an office installs (see packaging/).
# On Windows, without make: see the README's "Developing on Windows".
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.created
STAMP      := $(VENV)/.installed-run
DEV_STAMP  := $(VENV)/.installed-dev
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run test test-server lint bench screenshots dist dist-check bench-dist constraints catalog clean

$(VENV_STAMP):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Mufakat needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@touch $@

# One install per extra: "" (running), "dev" (tests, lint), "dist" (the packaged app).
define install_extra
	$(PY) -m pip install --quiet -e '.$(1)'
	$(PY) -m compileall -q desktop server_stub protocol domain storage  # an editable install leaves this to the first start
	@touch $@
endef

$(STAMP): pyproject.toml $(VENV_STAMP)
	$(call install_extra,)

$(DEV_STAMP): pyproject.toml dists/server/pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet --no-deps -e dists/server  # mufakat-server; its dependencies: [server]
	$(call install_extra,[dev])

# A release build installs the versions the suite ran on: packaging/constraints.txt pins every
# package of the app and of the build, for every platform (`make constraints` makes it anew).
CONSTRAINTS := packaging/constraints.txt

$(DIST_STAMP): pyproject.toml $(CONSTRAINTS) $(STAMP)
	$(PY) -m pip install --quiet -e '.[dist]' -c $(CONSTRAINTS)
	$(PY) -m compileall -q desktop server_stub protocol domain
	@touch $@

constraints: $(DEV_STAMP)
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --extra dist --universal --python-version 3.11 \
		--custom-compile-command "make constraints" -o $(CONSTRAINTS)

# The widgets' Indonesian catalog, compiled from its source (.ts) with PySide6's lrelease.
QM     := desktop/locale/mufakat_id.qm

$(QM): desktop/locale/mufakat_id.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After adding or changing a message: the catalogs (desktop/locale/id.po, mufakat_id.ts, the
# translations' source) take the new messages empty and keep every translation; the command
# names each message still without Indonesian (write it in the catalog; the tests fail until then).
catalog: $(DEV_STAMP)
	$(PY) tools/update_catalog.py

run: $(STAMP) $(QM)
	$(PY) -m desktop

# Widget tests need a real X server: pytest-xvfb starts Xvfb (1366x768, see pyproject.toml).
XVFB_RUN := xvfb-run -a -s "-screen 0 1366x768x24"

test: $(DEV_STAMP) $(QM)
	$(PY) -m pytest -q
	$(PY) -m ruff check desktop server_stub protocol domain storage tests bench tools packaging
	$(PY) -m mypy

# The server as an administrator installs it: a virtual environment of the server's distribution
# alone (dists/server on dists/shared), which must hold no Qt, reportlab or openpyxl, runs
# tests/server with nothing skipped (PostgreSQL too when MUFAKAT_TEST_PG_URL is set; CI=true
# fails without it). The desktop's conftest is not loaded (--confcutdir).
SERVER_VENV ?= .venv-server
SERVER_PY   := $(SERVER_VENV)/bin/python
SERVER_STAMP := $(SERVER_VENV)/.installed

$(SERVER_STAMP): dists/shared/pyproject.toml dists/server/pyproject.toml
	$(PYTHON) -m venv $(SERVER_VENV)
	$(SERVER_PY) -m pip install --quiet --upgrade pip
	$(SERVER_PY) -m pip install --quiet -e dists/shared -e 'dists/server[test]'
	@touch $@

test-server: $(SERVER_STAMP)
	$(SERVER_PY) tools/check_server_venv.py
	MUFAKAT_NO_SKIPS=1 $(SERVER_PY) -m pytest -q -p no:cacheprovider --confcutdir tests/server \
		-o addopts="-ra --strict-markers" -W ignore::pytest.PytestConfigWarning tests/server

lint: $(DEV_STAMP)
	$(PY) -m ruff check desktop server_stub protocol domain storage tests bench tools packaging
	$(PY) -m mypy

bench: $(DEV_STAMP) $(QM)
	$(PY) bench/store.py
	$(PY) bench/reports.py
	$(PY) bench/documents.py
	$(PY) bench/sync.py
	$(PY) bench/backup.py
	$(PY) bench/files.py
	$(PY) bench/evidence_pack.py
	$(XVFB_RUN) $(PY) bench/attention.py
	$(XVFB_RUN) $(PY) bench/ui.py

screenshots: $(DEV_STAMP) $(QM)
	$(XVFB_RUN) $(PY) tools/screenshots.py docs/screenshots

# The app an office installs: a one-folder PyInstaller build and its archive in dist/ (build time
# and sizes printed). dist-check smoke-tests the BUILT app, not this source tree.
dist: $(DIST_STAMP) $(QM)
	$(PY) packaging/make_dist.py

dist-check: $(DIST_STAMP)
	$(PY) packaging/smoke.py

bench-dist: $(DIST_STAMP)
	$(PY) bench/app_start.py

clean:
	rm -rf $(VENV) $(SERVER_VENV) .venv-lowest build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache $(QM)
