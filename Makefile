# CaseDesk: `make run` opens the reception window, `make test` runs every check.
# Both build their own virtual environment in .venv.

# CPython 3.12+ is preferred: PySide6 6.12 leaks references to None on 3.11.
PYTHON ?= $(shell for p in python3.13 python3.12 \
	$$(ls -d $$HOME/.pyenv/versions/3.1[23]*/bin/python3 2>/dev/null) python3.11 python3; do \
	  $$p -c 'import sys; assert sys.version_info >= (3, 11)' >/dev/null 2>&1 && { echo $$p; break; }; \
	done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint venv clean demo screenshots bench dist dist-check postgresql translations

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/casedesk

demo: $(STAMP)
	$(BIN)/casedesk --demo

lint: $(STAMP)
	$(BIN)/ruff check app tests benchmarks
	$(BIN)/ruff format --check app tests benchmarks

test: lint postgresql
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The translations: lupdate brings resources/translations/casedesk_<language>.ts up to date
# with the words in app/ (self.tr, QCoreApplication.translate, QT_TRANSLATE_NOOP), then
# lrelease compiles each into the .qm the app loads. Both are committed, so run, test and dist
# need no extra step; after `make translations`, translate what Qt Linguist (or the .ts) shows
# as unfinished and run it again.
TRANSLATIONS := resources/translations/casedesk_es.ts
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -no-obsolete -locations none app -ts $(TRANSLATIONS)
	for ts in $(TRANSLATIONS); do \
	  $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm || exit 1; \
	done

# The tests start their own throwaway PostgreSQL server (tests/pg_server.py) from Debian's
# `postgresql` package. When its initdb is missing and we are root on Debian/Ubuntu, it is
# installed with apt-get (as the server cannot run as root, the tests then run it as the
# package's `postgres` user). Otherwise the PostgreSQL tests fail and say what to install.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; \
	  else \
	    echo "PostgreSQL is not installed: the PostgreSQL tests will fail." \
	      "Install Debian's postgresql package (apt-get install postgresql)." >&2; \
	  fi; }

# Benchmarks at 10 000, 100 000 and 1 000 000 patients (databases kept in benchmarks/data);
# writes benchmarks/RESULTS.md. BENCH_SIZES=10000 make bench for a quick look. The several-desk
# figures run on SQLite and on a PostgreSQL server kept in benchmarks/data/postgres (Debian's
# `postgresql` package, installed as for the tests).
BENCH_SIZES ?= 10000,100000,1000000
bench: $(STAMP) postgresql
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run --sizes $(BENCH_SIZES)

# PNGs of the real window, wizard pages and case decision in docs/screenshots, at both screen
# sizes, each on its own Xvfb screen. Needs xvfb-run and Qt's xcb libraries; when xvfb-run is
# missing and we are root on Debian/Ubuntu, they are installed with apt-get.
SCREENSHOT_SIZES := 1366x768 1920x1080
XCB_LIBS := xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libegl1 libgl1 \
	libfontconfig1 libdbus-1-3 fonts-dejavu-core

screenshots: $(STAMP)
	@command -v xvfb-run >/dev/null || { apt-get update && apt-get install -y $(XCB_LIBS); }
	for size in $(SCREENSHOT_SIZES); do \
	  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 $${size}x24" \
	    $(BIN)/python tools/screenshots.py --size $$size || exit 1; \
	done

# The frozen one-folder app for receptionists' PCs (build.spec), with PostgreSQL support.
DIST_STAMP := $(VENV)/.installed-dist

$(DIST_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dist,postgres]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/casedesk

# Runs the built app offscreen on a temporary data folder (installs Qt's system libraries
# with apt-get when they are missing and we are root).
dist-check:
	PYTHON=$(BIN)/python packaging/dist_check.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
