#!/bin/sh
# Takes Minuta out of the applications menu, ~/.local/bin and start at login.
# Your meetings stay where they are (see Help > About Minuta > Your data); delete
# this folder afterwards to remove the program itself.
set -eu
data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}
rm -f "$data/applications/minuta.desktop" "$data/icons/hicolor/scalable/apps/minuta.svg"
rm -f "$config/autostart/minuta.desktop"
if [ -L "$HOME/.local/bin/minuta" ]; then rm -f "$HOME/.local/bin/minuta"; fi
echo "Minuta is no longer in your menu. Your meetings were not touched."
