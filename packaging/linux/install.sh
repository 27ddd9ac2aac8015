#!/usr/bin/env bash
# Installs the one-folder build (dist/casedesk) for every user of this Linux PC:
#   sudo packaging/linux/install.sh            # into /opt/casedesk, links in /usr/local
#   PREFIX=$HOME/.local packaging/linux/install.sh   # just for you, no root
# The clinic's data is never here: it lives in each user's ~/.local/share/CaseDesk.
set -euo pipefail
cd "$(dirname "$0")/../.."
ID=app.casedesk.CaseDesk
PREFIX=${PREFIX:-/usr/local}
APPDIR=${APPDIR:-$([ "$PREFIX" = /usr/local ] && echo /opt/casedesk || echo "$PREFIX/lib/casedesk")}

[ -x dist/casedesk/casedesk ] || { echo "build it first: make dist" >&2; exit 1; }
# Replace an earlier CaseDesk wholesale (no stale libraries), but never a folder that is not one.
if [ -e "$APPDIR" ]; then
  [ -x "$APPDIR/casedesk" ] || { echo "$APPDIR exists and is not a CaseDesk install" >&2; exit 1; }
  rm -rf "$APPDIR"
fi
mkdir -p "$APPDIR" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo"
cp -a dist/casedesk/. "$APPDIR/"
ln -sf "$APPDIR/casedesk" "$PREFIX/bin/casedesk"
install -m 644 "packaging/linux/$ID.desktop" "$PREFIX/share/applications/$ID.desktop"
install -m 644 "packaging/linux/$ID.metainfo.xml" "$PREFIX/share/metainfo/$ID.metainfo.xml"
for size in 16 32 48 64 128 256; do
  dir="$PREFIX/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir" && install -m 644 "resources/icons/casedesk-$size.png" "$dir/$ID.png"
done
mkdir -p "$PREFIX/share/icons/hicolor/scalable/apps"
install -m 644 resources/icons/casedesk.svg "$PREFIX/share/icons/hicolor/scalable/apps/$ID.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$PREFIX/share/icons/hicolor" 2>/dev/null || true
echo "CaseDesk installed in $APPDIR; start it from the applications menu or with: casedesk"
