#!/usr/bin/env bash
# `panya class` in a real browser: headless Chromium (Debian's chromium and chromium-driver)
# driven by Python's selenium does what a student and a teacher do — join, upload, slide, add
# to the register, fix their code, run a lesson in the page's terminal — and saves screenshots.
# Installs what it needs when missing. Prints `class: N passed, N failed`; non-zero on failure.
#
# Usage: .ci/class/run-class-tests.sh [PANYA] [OUTPUT-FOLDER]
#   PANYA defaults to .build/debug/panya; screenshots go to OUTPUT-FOLDER (default .build/class-test-output).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
panya="${1:-$root/.build/debug/panya}"
case "$panya" in /*) ;; *) panya="$root/$panya" ;; esac
out="${2:-$root/.build/class-test-output}"
echo "== panya class in headless Chromium"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "installing chromium and chromium-driver (apt-get)"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
# Japanese and emoji fonts, so the screenshots show the pages as students see them.
if ! fc-list :lang=ja 2>/dev/null | grep -q . || ! fc-list 2>/dev/null | grep -qi "color emoji"; then
    echo "installing Japanese and emoji fonts (apt-get)"
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic fonts-noto-color-emoji >/dev/null \
        || { sudo_if_needed apt-get update -qq && sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic fonts-noto-color-emoji >/dev/null; }
fi
if ! python3 -c 'import selenium, PIL' >/dev/null 2>&1; then
    echo "installing selenium and Pillow (pip)"
    python3 -m pip install --quiet selenium pillow 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages selenium pillow
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/panya-class.XXXXXX")"
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$out"
timeout 600 python3 "$here/class_browser_test.py" --panya "$panya" --root "$root" --work "$work" --out "$out"
