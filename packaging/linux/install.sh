#!/bin/sh
# Adds Minuta to this user's applications menu, and `minuta` to ~/.local/bin.
# Minuta runs from this folder: keep it where it is (or move it, then run this again).
# Nothing here needs root; nothing outside your home folder is changed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor/scalable/apps"
bin="$HOME/.local/bin"
mkdir -p "$apps" "$icons" "$bin"
cp "$here/minuta.svg" "$icons/minuta.svg"
# Exec takes the full path, quoted and escaped as the Desktop Entry specification
# asks (the string's own escaping doubles each backslash of the Exec quoting).
escaped=$(printf '%s' "$here/minuta-app" |
  sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
MINUTA_EXEC="Exec=\"$escaped\"" awk '/^Exec=/ { print ENVIRON["MINUTA_EXEC"]; next } { print }' \
  "$here/minuta.desktop" > "$apps/minuta.desktop.tmp"
mv "$apps/minuta.desktop.tmp" "$apps/minuta.desktop"
ln -sf "$here/minuta" "$bin/minuta"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Minuta is in your applications menu. From a terminal: minuta --help"
