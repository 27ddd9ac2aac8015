#!/usr/bin/env bash
# `make dist-check`: runs the frozen dist/casedesk the way a receptionist's PC would, on a
# temporary data folder, and fails on the first thing that does not work.
set -euo pipefail
cd "$(dirname "$0")/.."

APP=dist/casedesk/casedesk
PYTHON=${PYTHON:-.venv/bin/python}
[ -x "$APP" ] || { echo "dist-check: $APP is missing; run 'make dist' first" >&2; exit 1; }

fail() { echo "dist-check: FAILED: $*" >&2; exit 1; }
step() { echo "dist-check: $*"; }

# --- System libraries Qt needs that PyInstaller leaves to the OS (OpenGL/EGL, xcb) -----------
# Installed only when missing, and only where we may (root with apt-get, as in CI).
declare -A PACKAGE_FOR=(
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libGLX.so.0]=libglx0 [libGLdispatch.so.0]=libglvnd0
  [libOpenGL.so.0]=libopengl0 [libxcb.so.1]=libxcb1 [libX11.so.6]=libx11-6
  [libfontconfig.so.1]=libfontconfig1 [libfreetype.so.6]=libfreetype6
  [libxkbcommon.so.0]=libxkbcommon0 [libdbus-1.so.3]=libdbus-1-3 [libglib-2.0.so.0]=libglib2.0-0
)
missing_libraries() {
  local internal=dist/casedesk/_internal
  LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" ldd \
    "$internal/PySide6/Qt/plugins/platforms/libqoffscreen.so" \
    "$internal/PySide6/Qt/lib/libQt6Widgets.so.6" 2>/dev/null |
    awk '/not found/ {print $1}' | sort -u
}
if [ "$(uname -s)" = Linux ]; then
  libs=$(missing_libraries)
  if [ -n "$libs" ]; then
    packages=$(for lib in $libs; do echo "${PACKAGE_FOR[$lib]:-}"; done | sort -u | xargs)
    [ -n "$packages" ] || fail "Qt needs libraries with no known package: $libs"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      step "installing $packages (Qt needs $libs)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends $packages >/dev/null
    else
      fail "Qt needs $libs; install: $packages"
    fi
    libs=$(missing_libraries)
    [ -z "$libs" ] || fail "still missing after install: $libs"
  fi
fi

# Every module of the app is in the archive (one imported only by name would be missed).
VIEWER=$(dirname "$PYTHON")/pyi-archive_viewer
if [ -x "$VIEWER" ]; then
  bundled=$("$VIEWER" --list --recursive "$APP" 2>/dev/null | grep -o 'app\.[a-z_.0-9]*' | sort -u)
  for module in $(find app -name '*.py' ! -path 'app/migrations/env.py' ! -path 'app/migrations/versions/*' |
    sed 's/\.py$//; s#/__init__$##; s#/#.#g' | grep -v -x -e app -e app.__main__); do
    grep -q -x "$module" <<<"$bundled" || fail "$module is not in the bundle (add it to hidden imports)"
  done
  step "every app module is bundled"
fi

DATA=$(mktemp -d "${TMPDIR:-/tmp}/casedesk-dist-check.XXXXXX")
trap 'rm -rf "$DATA"' EXIT
export CASEDESK_DATA_DIR="$DATA" QT_QPA_PLATFORM=offscreen
touch "$DATA/started"

want=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
got=$("$APP" --version)
[ "$got" = "CaseDesk $want" ] || fail "--version says '$got', pyproject.toml says $want"
step "version $want"

out=$("$APP" --self-test) || fail "--self-test exited $?: $out"
case "$out" in *"self-test passed"*) ;; *) fail "--self-test said: $out" ;; esac
step "$out"

db="$DATA/clinic.sqlite3"
out=$("$APP" --database "$db" config list) || fail "config list exited $?"
grep -q '^clinic.timezone = ' <<<"$out" || fail "config list printed: $out"
step "config list on a new database"

"$APP" --database "$db" config set clinic.region GB >/dev/null || fail "config set clinic.region GB"
[ "$("$APP" --database "$db" config get clinic.region)" = GB ] || fail "config get after set"

set +e
"$APP" --database "$db" config set smtp.port not-a-port >"$DATA/out" 2>"$DATA/err"
status=$?
set -e
[ "$status" = 1 ] || fail "a bad config set exited $status, not 1"
[ "$(wc -l <"$DATA/err")" = 1 ] || fail "a bad config set printed more than one line: $(cat "$DATA/err")"
grep -q Traceback "$DATA/err" && fail "a bad config set printed a traceback"
step "bad config set refused: $(cat "$DATA/err")"

# An older database is upgraded by Alembic reading env.py and versions/*.py from the bundle.
old="$DATA/old.sqlite3"
"$PYTHON" - "$old" <<'PY'
import sys

from alembic import command
from sqlalchemy import create_engine

from app.migrations.runner import alembic_config

with create_engine(f"sqlite:///{sys.argv[1]}").begin() as connection:
    command.upgrade(alembic_config(connection), "0001")
PY
"$APP" --database "$old" config list >/dev/null || fail "upgrading a 0001 database"
ls "$DATA"/backups/old-*.sqlite3 >/dev/null 2>&1 || fail "no backup before the upgrade"
step "upgraded a database from schema 0001, with a backup"

out=$("$APP" --database "$DATA/demo.sqlite3" demo-data --patients 30 --seed 3) ||
  fail "demo-data exited $?"
step "$out"

# A windowed build has no console: sys.stdout and sys.stderr are None. Closing the
# descriptors gives the same on any platform.
"$APP" --self-test >&- 2>&- || fail "--self-test without stdout/stderr exited $?"
set +e
"$APP" --database "$db" config set smtp.port nope >&- 2>&-
status=$?
set -e
[ "$status" = 1 ] || fail "a bad config set without stdout/stderr exited $status, not 1"
step "runs without a console"

written=$(find dist/casedesk -newer "$DATA/started" -type f | head -5)
[ -z "$written" ] || fail "the app wrote into its install folder: $written"
step "nothing written into dist/casedesk; all checks passed"
