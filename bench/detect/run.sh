#!/usr/bin/env bash
# Detect benchmarks:
#   1. in-process decode / validate of breads3.jpg and breads3.png through panya's C bridges
#      (bench/detect/decode-bench.c: full decode and the 1/2, 1/4, 1/8 scales; validation uses 1/8);
#   2. whole-process `panya detect lessons/photos/breads3.jpg --json` on the mock: median of RUNS
#      (default 20), wall and CPU time (bench/startup/run.py does the same with 1,000 recordings);
#   3. with COMPARE=1: bench/compare-detect.sh (panya mock, panya aws→moto, aws-cli→moto, ratios).
# Usage: bash bench/detect/run.sh [PANYA_BINARY]   (default .build-static/release/panya)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-20}"
panya="${1:-$root/.build-static/release/panya}"
[ -x "$panya" ] || { echo "build first: bash bench/build-release.sh" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/panya-detect-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT INT TERM

cc -O2 -c -I "$root/Sources/CJPEG/include" "$root/Sources/CJPEG/shim.c" -o "$work/cjpeg.o"
cc -O2 -c -I "$root/Sources/CPNG/include" "$root/Sources/CPNG/shim.c" -o "$work/cpng.o"
cc -O2 "$here/decode-bench.c" "$work/cjpeg.o" "$work/cpng.o" -ljpeg -lpng16 -o "$work/decode-bench"
"$work/decode-bench" "$root/lessons/photos/breads3.jpg" "$root/lessons/photos/breads3.png" "$runs"

export PANYA_DB="$work/bench.sqlite" XDG_STATE_HOME="$work" PANYA_LANG=en NO_COLOR=1
cd "$root"
"$panya" -c 'model start
model wait' >/dev/null
python3 - "$panya" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
panya, runs = sys.argv[1], int(sys.argv[2])
cmd = [panya, "detect", "lessons/photos/breads3.jpg", "--json"]
def once():
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "detect failed"
    return (time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000
once()
samples = [once() for _ in range(runs)]
print(f"panya detect breads3.jpg --json (mock): wall median {statistics.median(s[0] for s in samples):.1f} ms, "
      f"cpu median {statistics.median(s[1] for s in samples):.1f} ms (n={runs})")
PY

if [ "${COMPARE:-0}" = 1 ]; then RUNS="$runs" bash "$root/bench/compare-detect.sh" "$panya"; fi
