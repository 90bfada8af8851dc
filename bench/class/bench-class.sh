#!/usr/bin/env bash
# A class at once, measured: 40 students each send a different 3 MB phone JPEG (4032×3024, EXIF
# orientation 6) within 10 s; the server's time for one 12 MP photo and for a 1280×960 one; the
# weight of each page and the time to serve it. Release build (bench/build-release.sh); Pillow
# from PyPI makes the photos (installed when missing). Usage: bash bench/class/bench-class.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
panya="${PANYA_BIN:-$(bash "$root/bench/build-release.sh")}"
python3 -c 'import PIL' 2>/dev/null || python3 -m pip install -q pillow
exec python3 "$root/bench/class/bench_class.py" "$panya" "$root"
