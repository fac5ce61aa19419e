#!/usr/bin/env bash
# Builds, signs and notarises Minuta for macOS: dist/Minuta-VERSION-macos-ARCH.dmg
#
# On a Mac with Xcode's command-line tools and Python 3.11 (python.org or Homebrew):
#   packaging/macos/build.sh                      an unsigned app and disk image (local testing)
#   MINUTA_CODESIGN_IDENTITY="Developer ID Application: Example AB (TEAMID)" \
#   MINUTA_NOTARY_PROFILE=minuta-notary packaging/macos/build.sh
#                                                 signed with the hardened runtime, notarised, stapled
# The notary profile is made once with:
#   xcrun notarytool store-credentials minuta-notary --apple-id ID --team-id TEAMID
# Build on the oldest macOS you support, once per architecture (arm64, x86_64).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
python=${PYTHON:-python3.11}
work=build/package
venv=$work/venv
identity=${MINUTA_CODESIGN_IDENTITY:-}
profile=${MINUTA_NOTARY_PROFILE:-}

[[ -x $venv/bin/python ]] || "$python" -m venv "$venv"
pip=("$venv/bin/python" -m pip --disable-pip-version-check -q)
"${pip[@]}" install --upgrade pip setuptools wheel
"${pip[@]}" install pyinstaller==6.22.3
"${pip[@]}" install --force-reinstall --no-deps .
"${pip[@]}" install .

version=$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("minuta"))')
arch=$(uname -m)

# With MINUTA_CODESIGN_IDENTITY set, PyInstaller signs every binary and the app
# with the hardened runtime and packaging/macos/entitlements.plist.
MINUTA_CODESIGN_IDENTITY=$identity "$venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$work/dist" --workpath "$work/pyinstaller" packaging/pyinstaller/minuta.spec

app=$work/dist/Minuta.app
if [[ -n $identity ]]; then
  # The bundle as a whole, sealed after PyInstaller signed its parts.
  codesign --force --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist --sign "$identity" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
fi

mkdir -p dist
dmg=dist/Minuta-$version-macos-$arch.dmg
rm -f "$dmg"
staging=$work/dmg
rm -rf "$staging" && mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Minuta $version" -srcfolder "$staging" -fs HFS+ -format UDZO "$dmg"

if [[ -n $identity ]]; then
  codesign --force --timestamp --sign "$identity" "$dmg"
fi
if [[ -n $identity && -n $profile ]]; then
  xcrun notarytool submit "$dmg" --keychain-profile "$profile" --wait
  xcrun stapler staple "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi
echo "Built $dmg"
