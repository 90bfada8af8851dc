#!/usr/bin/env bash
# Whole-process time of the AWS CLI's detect against a local moto_server, for comparison with
# `panya detect` on the aws backend: median of RUNS (default 10) runs of
#   aws rekognition detect-custom-labels --image-bytes fileb://PHOTO ...
# Each run is a fresh `aws` process (Python start-up, botocore loading, signing, one HTTP call).
#
# Usage: bench/aws-cli-detect.sh [PHOTO]     (default: a generated 96x64 PNG)
#        RUNS=20 bench/aws-cli-detect.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=../.ci/moto/moto-lib.sh
. "$root/.ci/moto/moto-lib.sh"
# shellcheck source=timing.sh
. "$here/timing.sh"
runs="${RUNS:-10}"

moto_ensure_installed
work="$(mktemp -d "${TMPDIR:-/tmp}/panya-bench.XXXXXX")"
cleanup() { moto_stop; rm -rf "$work"; }
trap cleanup EXIT INT TERM

photo="${1:-}"
if [ -z "$photo" ]; then photo="$work/breads3.png"; moto_write_photo "$photo"; fi
port="$(moto_free_port)"
moto_start "$port" "$work/moto.log"    # authentication off: only the CLI's own cost is measured

export AWS_ACCESS_KEY_ID=AKIDBENCHMARK AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=""
arn="arn:aws:rekognition:us-east-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"

# One warm-up run (file cache, moto's first-request set-up) is not counted.
median=$(median_ms "$runs" aws rekognition detect-custom-labels --endpoint-url "http://127.0.0.1:$port" --project-version-arn "$arn" \
    --image-bytes "fileb://$photo")
echo "aws-cli $(aws --version 2>&1 | cut -d' ' -f1) detect-custom-labels against moto: median ${median} ms over ${runs} runs"
