#!/usr/bin/env bash
# Refresh the UI translations: collect every translatable text from the source into
# assets/translations/minuta_<lang>.ts (keeping what is already translated), then
# compile them to the .qm files the app loads. Both are committed: the app needs
# neither tool at run time. Safe to run again: unchanged source, unchanged files.
#
# Usage: packaging/update_translations.sh            (from anywhere)
#        LUPDATE=… LRELEASE=… packaging/update_translations.sh   (other tools)
#        TRANSLATIONS_DIR=/tmp/x packaging/update_translations.sh   (update copies there;
#        tests/ui/test_translations.py uses it to see whether the committed files are current)
# New texts come out marked unfinished; translate them, then run this again.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

find_tool() {
    # The venv's tool first (make's .venv, then the active one), then PATH.
    local name="$1" dir
    for dir in "$root/.venv/bin" "${VIRTUAL_ENV:-}/bin"; do
        if [[ -x "$dir/$name" ]]; then
            echo "$dir/$name"
            return
        fi
    done
    command -v "$name" || { echo "update_translations: $name not found (pip install PySide6-Essentials)" >&2; exit 1; }
}

lupdate="${LUPDATE:-$(find_tool pyside6-lupdate)}"
lrelease="${LRELEASE:-$(find_tool pyside6-lrelease)}"
languages=(da sv)
out_dir="${TRANSLATIONS_DIR:-assets/translations}"
mkdir -p "$out_dir"

# The carry-over step (a pure-stdlib script) runs on the Python beside lupdate.
python="${PYTHON:-$(dirname "$lupdate")/python}"
[[ -x "$python" ]] || python="$(command -v python3)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Every UI module, plus any other module that calls QCoreApplication.translate.
# Sorted, so the order (and the output) does not depend on the file system.
{
    find desktop/minuta/ui -name '*.py'
    grep -rl --include='*.py' 'QCoreApplication.translate' desktop/minuta || true
} | LC_ALL=C sort -u >"$work/sources.lst"

update() {
    "$lupdate" -silent -no-obsolete -locations none \
        -source-language en -target-language "$1" \
        @"$work/sources.lst" -ts "$out_dir/minuta_$1.ts"
}

for lang in "${languages[@]}"; do
    ts="$out_dir/minuta_$lang.ts"
    [[ -f "$ts" ]] && cp "$ts" "$work/old_$lang.ts"
    update "$lang"
    # A text that moved to another class keeps its translation; lupdate alone would
    # drop it with -no-obsolete. Then lupdate again, for its own file layout.
    if [[ -f "$work/old_$lang.ts" ]]; then
        "$python" packaging/fill_translations.py --carry "$work/old_$lang.ts" "$ts"
        update "$lang"
    fi
    "$lrelease" -silent "$ts" -qm "$out_dir/minuta_$lang.qm"
done

# What is left to translate, so a forgotten text is noticed before the tests say so.
for lang in "${languages[@]}"; do
    open_count="$(grep -c 'type="unfinished"' "$out_dir/minuta_$lang.ts" || true)"
    if [[ "$open_count" != "0" ]]; then
        echo "update_translations: $open_count text(s) in minuta_$lang.ts still need a translation" >&2
    fi
done
