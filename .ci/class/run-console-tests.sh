#!/usr/bin/env bash
# The console pages of `panya class` in headless Chromium (Debian's chromium and chromium-driver,
# Python's selenium), installed when missing. Prints `console: N passed, N failed`.
#
# Usage: .ci/class/run-console-tests.sh [PANYA] [OUTPUT-FOLDER]
#   PANYA defaults to .build/debug/panya; screenshots go to OUTPUT-FOLDER (default .build/console-test-output).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
panya="${1:-$root/.build/debug/panya}"
case "$panya" in /*) ;; *) panya="$root/$panya" ;; esac
out="${2:-$root/.build/console-test-output}"
echo "== the console in headless Chromium"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "installing chromium and chromium-driver (apt-get)"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if ! fc-list :lang=ja 2>/dev/null | grep -q .; then
    echo "installing Japanese fonts (apt-get)"
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic >/dev/null \
        || { sudo_if_needed apt-get update -qq && sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic >/dev/null; }
fi
if ! python3 -c 'import selenium' >/dev/null 2>&1; then
    echo "installing selenium (pip)"
    python3 -m pip install --quiet selenium 2>/dev/null || python3 -m pip install --quiet --break-system-packages selenium
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/panya-console.XXXXXX")"
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$out"
timeout 1200 python3 "$here/console_browser_test.py" --panya "$panya" --root "$root" --work "$work" --out "$out"
