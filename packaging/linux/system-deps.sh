#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Minuta needs, skipping those already present.
#   system-deps.sh runtime   what the app needs (audio, keyring, Qt's X11/EGL libraries)
#   system-deps.sh test      the above, plus what the test suite drives (Xvfb, espeak-ng)
#   system-deps.sh package   the runtime set, plus what building the bundle needs (binutils)
set -euo pipefail

python=${PYTHON:-python3}
runtime=(
  libportaudio2            # sounddevice (microphone capture)
  libpulse0                # PulseAudio/PipeWire client: microphones and call audio
  gnome-keyring dbus       # Secret Service keyring for the database key
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
  fonts-dejavu-core
)
test_only=(
  xvfb xauth               # a real X server for window screenshots
  espeak-ng                # synthetic speech for transcription tests
  pulseaudio pulseaudio-utils  # a private sound server with virtual devices
  desktop-file-utils       # checks the bundle's desktop entry
)
package_only=(
  binutils                 # PyInstaller reads libraries' dependencies; debug info is stripped
  git                      # the archive's timestamps come from the last commit
)

packages=("${runtime[@]}")
case ${1:-runtime} in
  test) packages+=("${test_only[@]}" "${package_only[@]}") ;;
  package) packages+=("${package_only[@]}") ;;
esac
# Debian's own Python needs its venv package; a python.org or pyenv build has venv built in.
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=("python$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv")
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install these packages with your system's package manager: ${missing[*]}" >&2
  exit 1
fi
sudo=()
[[ $(id -u) -ne 0 ]] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
echo "Installing system packages: ${missing[*]}"
# --no-remove: never take anything away to make room (on some desktops the test
# sound server would replace the running PipeWire); apt refuses instead.
install=(apt-get install -y -q --no-install-recommends --no-remove)
# Try with the current package lists first; a fresh machine has none, so update then.
if ! "${sudo[@]}" "${install[@]}" "${missing[@]}" >/dev/null 2>&1; then
  "${sudo[@]}" apt-get update -q
  if ! "${sudo[@]}" "${install[@]}" "${missing[@]}"; then
    echo "Could not install: ${missing[*]} (apt would have had to remove other packages)." >&2
    echo "Run the tests in a container or VM with a fresh Debian/Ubuntu instead." >&2
    exit 1
  fi
fi
