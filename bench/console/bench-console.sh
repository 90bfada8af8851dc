#!/usr/bin/env bash
# The console's answers, measured on the server's own clock (its log line per request): the month
# page (`simulate 30d --json`), the evaluation page of a version with 30 test photos, and saving a
# photo's boxes (also the round trip from here). Release build (bench/build-release.sh); Pillow
# from PyPI mirrors test photos (installed when missing).
# Usage: bash bench/console/bench-console.sh   (PANYA_BIN=… to measure another binary)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
panya="${PANYA_BIN:-$(bash "$root/bench/build-release.sh")}"
python3 -c 'import PIL' 2>/dev/null || python3 -m pip install -q pillow
exec python3 "$root/bench/console/bench_console.py" "$panya" "$root"
