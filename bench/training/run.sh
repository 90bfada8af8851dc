#!/usr/bin/env bash
# Whole-process time of the training half of the lesson on the release binary: `train` on the
# lesson's 30 + 3 photos (the real work: features, model, evaluation), then `panya detect` on a
# trained version — with `panya detect` on the recorded seed version beside it as the anchor.
# Usage: bash bench/training/run.sh [RUNS]   (default 11; builds panya in release first)
set -euo pipefail
cd "$(dirname "$0")/../.."
panya="$(bash bench/build-release.sh)"
python3 bench/training/measure.py "$panya" "${1:-11}"
