#!/usr/bin/env bash
# DetectCustomLabels under load: `panya serve` (release build) and moto's server side by side, on
# 127.0.0.1 only. wrk with 40 connections for DURATION seconds (default 10) POSTs the 1280×960
# breads3.jpg in base64 (the same body to both); then the AWS CLI's wall time (median of RUNS,
# default 10) against each. Servers are started here and always stopped on exit.
#
# Usage: bench/serve/bench-serve.sh            (DURATION=10 RUNS=10 CONNECTIONS=40 THREADS=2 PANYA=binary)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../../.ci/serve/serve-lib.sh
. "$root/.ci/serve/serve-lib.sh"
# shellcheck source=../../.ci/moto/moto-lib.sh
. "$root/.ci/moto/moto-lib.sh"
# shellcheck source=../timing.sh
. "$root/bench/timing.sh"
duration="${DURATION:-10}" runs="${RUNS:-10}" connections="${CONNECTIONS:-40}" threads="${THREADS:-2}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
moto_ensure_installed
# PANYA: another binary to measure (e.g. the one before a change, for an A/B run).
panya="${PANYA:-$root/.build-static/release/panya}"
[ -x "$panya" ] || bash "$root/bench/build-release.sh" >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/panya-bench-serve.XXXXXX")"
cleanup() { serve_stop_all; moto_stop; rm -rf "$work"; }
trap cleanup EXIT INT TERM

cp -r "$root/mock-responses" "$work/mock"
photo="$root/lessons/photos/breads3.jpg"
arn="arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
export PANYA_LANG=en NO_COLOR=1 PANYA_DB="$work/panya.sqlite"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=ap-northeast-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=""

# The model is RUNNING in the shared database before the server starts.
"$panya" --mock-dir "$work/mock" -c 'model start
model wait' >/dev/null
python3 - "$photo" "$arn" >"$work/body.json" <<'PY'
import base64, json, sys
print(json.dumps({"ProjectVersionArn": sys.argv[2], "Image": {"Bytes": base64.b64encode(open(sys.argv[1], "rb").read()).decode()}}), end="")
PY
export BODY_FILE="$work/body.json"

load() {  # load NAME URL: one wrk run, prints its RESULT line
    local name="$1" url="$2"
    curl -s -o /dev/null -w "%{http_code}" -X POST -H "Content-Type: application/x-amz-json-1.1" \
        -H "X-Amz-Target: RekognitionService.DetectCustomLabels" --data-binary "@$BODY_FILE" "$url/" | grep -q 200 \
        || { echo "$name does not answer DetectCustomLabels with 200" >&2; return 1; }
    wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s -s "$here/detect.lua" "$url/" | grep '^RESULT' | sed "s/^RESULT/$name/"
}

cli_median() {  # cli_median URL: median wall ms of RUNS `aws rekognition detect-custom-labels`
    median_ms "$runs" aws rekognition detect-custom-labels --endpoint-url "$1" --project-version-arn "$arn" --image-bytes "fileb://$photo"
}

serve_start "$panya" "$work/serve.log" --mock-dir "$work/mock" --db "$PANYA_DB"
panya_url="$SERVE_URL"
port="$(moto_free_port)"
moto_start "$port" "$work/moto.log"
moto_url="http://127.0.0.1:$port"

# The request log goes to a file; one line per request is part of what is measured.
panya_load="$(load "panya-serve" "$panya_url")"
moto_load="$(load "moto" "$moto_url")"
panya_cli="$(cli_median "$panya_url")"
moto_cli="$(cli_median "$moto_url")"

echo "$panya_load"
echo "$moto_load"
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }
python3 - "$(field "$panya_load" rps)" "$(field "$moto_load" rps)" "$(field "$panya_load" p50_ms)" "$(field "$panya_load" p99_ms)" \
    "$(field "$moto_load" p50_ms)" "$(field "$moto_load" p99_ms)" "$panya_cli" "$moto_cli" "$connections" "$duration" "$runs" <<'PY'
import sys
p_rps, m_rps, p50, p99, m50, m99, p_cli, m_cli, c, d, runs = sys.argv[1:]
print(f"DetectCustomLabels, breads3.jpg (1280x960, base64), {c} connections, {d} s, 127.0.0.1")
print(f"  panya serve : {float(p_rps):9.1f} req/s  p50 {float(p50):7.2f} ms  p99 {float(p99):7.2f} ms")
print(f"  moto server : {float(m_rps):9.1f} req/s  p50 {float(m50):7.2f} ms  p99 {float(m99):7.2f} ms")
print(f"  ratio       : {float(p_rps) / float(m_rps):9.1f}x moto's req/s (goal >= 30x, p99 <= 10 ms)")
print(f"AWS CLI wall time, median of {runs}: panya serve {p_cli} ms, moto {m_cli} ms, difference {float(m_cli) - float(p_cli):.1f} ms")
PY
