#!/usr/bin/env bash
# Whole-process detect, three ways, median of RUNS (default 10) each, and the ratios:
#   1. panya detect breads3.jpg --json on the mock (offline)
#   2. panya --backend aws detect breads3.jpg --json against a local moto_server
#   3. aws rekognition detect-custom-labels --image-bytes fileb://breads3.jpg against the same moto
# Usage: bash bench/compare-detect.sh [PANYA_BINARY]   (default .build-static/release/panya)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
. "$root/.ci/moto/moto-lib.sh"
# shellcheck source=timing.sh
. "$here/timing.sh"
runs="${RUNS:-10}"
panya="${1:-$root/.build-static/release/panya}"
[ -x "$panya" ] || { echo "build first: bash bench/build-release.sh" >&2; exit 2; }
photo="$root/lessons/photos/breads3.jpg"

moto_ensure_installed
work="$(mktemp -d "${TMPDIR:-/tmp}/panya-bench.XXXXXX")"
cleanup() { moto_stop; rm -rf "$work"; }
trap cleanup EXIT INT TERM
port="$(moto_free_port)"
moto_start "$port" "$work/moto.log"

export AWS_ACCESS_KEY_ID=AKIDBENCHMARK AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER="" NO_COLOR=1
export PANYA_DB="$work/bench.sqlite" PANYA_LANG=en
arn="arn:aws:rekognition:us-east-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
endpoint="http://127.0.0.1:$port"

"$panya" -c 'model start
model wait' >/dev/null
"$panya" --backend aws --endpoint-url "$endpoint" -c "model use $arn" >/dev/null

mock=$(median_ms "$runs" "$panya" detect lessons/photos/breads3.jpg --json)
live=$(median_ms "$runs" "$panya" --backend aws --endpoint-url "$endpoint" detect "$photo" --json)
cli=$(median_ms "$runs" aws rekognition detect-custom-labels --endpoint-url "$endpoint" --project-version-arn "$arn" --image-bytes "fileb://$photo")
echo "median of $runs runs (ms): panya mock $mock · panya aws→moto $live · aws-cli→moto $cli"
python3 -c "print(f'ratios: aws-cli / panya-mock = {$cli/$mock:.1f}x · aws-cli / panya-aws = {$cli/$live:.1f}x')"
