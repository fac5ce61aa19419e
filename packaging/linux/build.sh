#!/usr/bin/env bash
# Builds the Linux bundle: dist/minuta-VERSION-linux-ARCH.tar.gz
#
# A folder with the app (minuta-app), the command line (minuta), every library
# they need, the embedded transcription model, the licence texts, a desktop
# entry, the icon and install.sh / uninstall.sh. Run by `make package`.
#
# The build uses its own virtual environment (build/package/venv) with Minuta
# installed as a user gets it (not editable), so nothing from a checkout leaks in.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
python=${PYTHON:-python3}
work=build/package
venv=$work/venv
PYINSTALLER=pyinstaller==6.22.3

PYTHON=$python packaging/linux/system-deps.sh package

if [[ ! -x $venv/bin/python ]]; then
  "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check -q)
"${pip[@]}" install --upgrade pip setuptools wheel
"${pip[@]}" install "$PYINSTALLER"
# A fresh install of the project itself every time; its dependencies only when
# pyproject.toml asks for something new.
"${pip[@]}" install --force-reinstall --no-deps .
"${pip[@]}" install .

version=$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("minuta"))')
arch=$(uname -m)
name=minuta-$version-linux-$arch

"$venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$work/dist" --workpath "$work/pyinstaller" packaging/pyinstaller/minuta.spec

bundle=$work/$name
rm -rf "$bundle"
mv "$work/dist/minuta" "$bundle"

# Debug information only (never symbols): CTranslate2 alone carries 60 MB of it.
# (The section list is read whole: "readelf | grep -q" under pipefail fails at random,
# when grep stops reading before readelf is done writing.)
while IFS= read -r -d '' file; do
  sections=$(readelf -S "$file" 2>/dev/null || true)
  if [[ $sections == *.debug_info* ]]; then
    strip --strip-debug "$file"
  fi
done < <(find "$bundle" -type f \( -name '*.so' -o -name '*.so.*' \) -print0)

# pip records where Minuta was installed from: this machine's folder, nobody else's business.
find "$bundle" -path '*.dist-info/direct_url.json' -delete

cp packaging/linux/minuta.desktop packaging/linux/install.sh packaging/linux/uninstall.sh "$bundle/"
cp assets/icons/minuta.svg "$bundle/minuta.svg"
cp packaging/linux/README.txt "$bundle/README.txt"
packaging/linux/source-hash.sh > "$bundle/SOURCE-HASH"

gpl=$(find "$bundle" -name 'libx264*' -o -name 'libx265*' | xargs -r -n1 basename | sort -u)
if [[ -n $gpl ]]; then
  echo "WARNING: GPL encoders in the bundle (from PyAV's FFmpeg): $(echo $gpl)." >&2
  echo "         See 'Licences' in packaging/README.md before distributing it." >&2
fi

mkdir -p dist
artefact=dist/$name.tar.gz
# A fixed order, owner and times: the archive differs only where its files do.
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
  -C "$work" -cf - "$name" | gzip -6 -n > "$artefact.tmp"
mv "$artefact.tmp" "$artefact"
rm -rf "$bundle"

echo "Built $artefact ($(du -h "$artefact" | cut -f1))"
