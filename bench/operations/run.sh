#!/usr/bin/env bash
# Whole-process time of `simulate 30d` and `simulate 365d` with the seed's two schedules, on the
# release binary: a fresh copy of a prepared database for every run, medians of wall and CPU time.
# Usage: bash bench/operations/run.sh [RUNS]   (default 11; builds panya in release first)
set -euo pipefail
cd "$(dirname "$0")/../.."
panya="$(bash bench/build-release.sh)"
python3 bench/operations/measure.py "$panya" "${1:-11}"
