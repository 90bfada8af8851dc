#!/usr/bin/env bash
# `panya serve` against real clients: the AWS CLI and boto3 run the seed's calls on a server
# started here on a free port (127.0.0.1), then errors, limits, key escapes, --auth and Ctrl-C.
# Every client call has a timeout; every server is killed on exit.
#
# Usage: .ci/serve/run-serve-tests.sh [PANYA]   (default .build/debug/panya)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
panya="${1:-$root/.build/debug/panya}"
case "$panya" in /*) ;; *) panya="$root/$panya" ;; esac
# shellcheck source=serve-lib.sh
. "$here/serve-lib.sh"
echo "== panya serve against the AWS CLI and boto3"

work="$(mktemp -d "${TMPDIR:-/tmp}/panya-serve.XXXXXX")"
cleanup() { serve_stop_all; rm -rf "$work"; }
trap cleanup EXIT INT TERM

cp -r "$root/mock-responses" "$work/mock"
photo="$root/lessons/photos/breads3.jpg"
arn="arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_DEFAULT_REGION=ap-northeast-1
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard
export PANYA_LANG=en NO_COLOR=1 PANYA_DB="$work/panya.sqlite"
passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1" >&2; [ -n "${2:-}" ] && cat "$2" >&2 || true; }
awsq() { timeout 60 aws --cli-read-timeout 30 --cli-connect-timeout 5 "$@"; }

serve_start "$panya" "$work/serve.log" --mock-dir "$work/mock" --db "$PANYA_DB" --clock real
export AWS_ENDPOINT_URL="$SERVE_URL"
echo "panya serve on $SERVE_URL (pid $SERVE_PID)"

# A stopped model: ResourceNotReadyException, as the service says.
if awsq rekognition detect-custom-labels --project-version-arn "$arn" --image-bytes "fileb://$photo" >"$work/out" 2>&1; then
    fail "detect on a stopped model succeeded" "$work/out"
elif grep -q ResourceNotReadyException "$work/out"; then pass "stopped model → ResourceNotReadyException"
else fail "stopped model: unexpected answer" "$work/out"; fi

# S3: a bucket, the photo, a listing.
awsq s3 mb s3://chekimagebkt >"$work/out" 2>&1 && pass "aws s3 mb" || fail "aws s3 mb" "$work/out"
awsq s3 cp "$photo" s3://chekimagebkt/check/ >"$work/out" 2>&1 && pass "aws s3 cp breads3.jpg" || fail "aws s3 cp" "$work/out"
if cmp -s "$photo" "$work/mock/s3/chekimagebkt/check/breads3.jpg"; then pass "the object is the photo, in the bucket folder"
else fail "the uploaded object differs from the photo"; fi
if awsq s3 ls s3://chekimagebkt/check/ >"$work/out" 2>&1 && grep -q "117910 breads3.jpg" "$work/out"; then pass "aws s3 ls"
else fail "aws s3 ls" "$work/out"; fi
awsq s3 cp s3://chekimagebkt/check/breads3.jpg "$work/back.jpg" >"$work/out" 2>&1 && cmp -s "$photo" "$work/back.jpg" \
    && pass "aws s3 cp back (GetObject)" || fail "aws s3 cp back" "$work/out"
# A key that would leave the bucket is refused, and nothing is written outside.
if awsq s3api put-object --bucket chekimagebkt --key ../escaped.jpg --body "$photo" >"$work/out" 2>&1; then
    fail "a ../ key was accepted" "$work/out"
elif grep -q InvalidArgument "$work/out" && [ ! -e "$work/mock/s3/escaped.jpg" ]; then pass "a ../ key is refused"
else fail "a ../ key: unexpected answer" "$work/out"; fi

# S3 against boto3 and the AWS CLI: 50 MB both ways, multipart, ranges, checksums, copy, conditions…
# (botocore computes CRC32C and CRC64NVME only with awscrt.)
python3 -c 'import awscrt' 2>/dev/null || python3 -m pip install -q awscrt >/dev/null 2>&1 || true
if timeout 300 python3 "$here/s3_peer_test.py" "$SERVE_URL" >"$work/s3.out" 2>&1; then
    pass "S3 peers ($(tail -1 "$work/s3.out"))"
else
    fail "S3 peers ($(tail -1 "$work/s3.out"))" "$work/s3.out"
fi

# boto3: lifecycle with the waiter, the seed's detections, errors, limits.
if timeout 300 python3 "$here/serve_peer_test.py" "$SERVE_URL" "$arn" "$photo" >"$work/boto3.out" 2>&1; then
    pass "boto3 ($(tail -1 "$work/boto3.out"))"
else
    fail "boto3" "$work/boto3.out"
fi

# The seed's three calls through the AWS CLI, byte-equal to `panya detect --json` on the same database.
for mc in "" 80 75; do
    flag=(); pflag=(); [ -n "$mc" ] && flag=(--min-confidence "$mc") && pflag=(--min-confidence "$mc")
    awsq rekognition detect-custom-labels --project-version-arn "$arn" "${flag[@]}" --output json \
        --image '{"S3Object":{"Bucket":"chekimagebkt","Name":"check/breads3.jpg"}}' >"$work/cli-s3.json" 2>"$work/err" || true
    awsq rekognition detect-custom-labels --project-version-arn "$arn" "${flag[@]}" --output json \
        --image-bytes "fileb://$photo" >"$work/cli-bytes.json" 2>>"$work/err" || true
    timeout 60 "$panya" --db "$PANYA_DB" --mock-dir "$work/mock" detect "$photo" "${pflag[@]}" --json >"$work/panya.json" 2>>"$work/err" || true
    want=$([ -z "$mc" ] && echo 1 || { [ "$mc" = 80 ] && echo 2 || echo 3; })
    got=$(grep -c '"Name"' "$work/cli-s3.json" || true)
    if [ "$got" = "$want" ] && cmp -s "$work/cli-s3.json" "$work/panya.json" && cmp -s "$work/cli-bytes.json" "$work/panya.json"; then
        pass "detect ${mc:-(no MinConfidence)}: $want label(s), S3Object and bytes byte-equal to panya detect --json"
    else
        fail "detect ${mc:-(no MinConfidence)}: got $got label(s)" "$work/err"; diff "$work/cli-s3.json" "$work/panya.json" >&2 || true
    fi
done
if [ -z "$(grep -o '"Name": "[^"]*"' "$work/cli-s3.json" | sed -n 1p | grep 焼きそばパン)" ]; then fail "75: not ordered by confidence" "$work/cli-s3.json"
else pass "75: ordered by confidence, highest first"; fi
awsq rekognition detect-custom-labels --project-version-arn "$arn" --output json --image-bytes "fileb://$photo" >"$work/cli.json"
grep -q メロンパン "$work/cli.json" && ! grep -q あんぱん "$work/cli.json" && pass "no MinConfidence: メロンパン only" \
    || fail "no MinConfidence" "$work/cli.json"

# One line per request in the server's log.
grep -Eq '^[0-9]{2}:[0-9]{2}:[0-9]{2} DetectCustomLabels 200 [0-9.]+ ms$' "$work/serve.log" && pass "request log line" \
    || fail "request log line" "$work/serve.log"

# Ctrl-C stops it cleanly.
kill -INT "$SERVE_PID"
for _ in $(seq 50); do kill -0 "$SERVE_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$SERVE_PID" 2>/dev/null; then fail "Ctrl-C did not stop the server within 5 s"
else
    wait "$SERVE_PID" && status=0 || status=$?
    [ "$status" = 0 ] && grep -q "stopped" "$work/serve.log" && pass "Ctrl-C: clean stop" || fail "Ctrl-C: exit $status" "$work/serve.log"
fi
ls "$work/mock/s3/.panya-uploads" 2>/dev/null | grep -q . && fail "temporary upload files left behind" || pass "no temporary files left"

# --auth: a key file; the right key works, a wrong secret and an unknown key are refused.
printf '# panya serve keys\nAKIAPANYATEST0000001 panya-secret-for-tests\n' >"$work/keys"
serve_start "$panya" "$work/auth.log" --mock-dir "$work/mock" --db "$PANYA_DB" --auth --keys "$work/keys"
export AWS_ENDPOINT_URL="$SERVE_URL"
AWS_ACCESS_KEY_ID=AKIAPANYATEST0000001 AWS_SECRET_ACCESS_KEY=panya-secret-for-tests \
    awsq rekognition describe-projects >"$work/out" 2>&1 && pass "--auth: the right key" || fail "--auth: the right key" "$work/out"
AWS_ACCESS_KEY_ID=AKIAPANYATEST0000001 AWS_SECRET_ACCESS_KEY=panya-secret-for-tests \
    awsq s3 ls s3://chekimagebkt/check/ >"$work/out" 2>&1 && pass "--auth: S3 with the right key" || fail "--auth: S3 with the right key" "$work/out"
if AWS_ACCESS_KEY_ID=AKIAPANYATEST0000001 AWS_SECRET_ACCESS_KEY=panya-secret-for-tests \
    timeout 300 python3 "$here/s3_peer_test.py" "$SERVE_URL" --cli-only >"$work/s3-auth.out" 2>&1; then
    pass "--auth: aws s3 cp 50 MB both ways ($(tail -1 "$work/s3-auth.out"))"
else
    fail "--auth: aws s3 cp 50 MB both ways" "$work/s3-auth.out"
fi
if AWS_ACCESS_KEY_ID=AKIAPANYATEST0000001 AWS_SECRET_ACCESS_KEY=wrong awsq rekognition describe-projects >"$work/out" 2>&1; then
    fail "--auth: a wrong secret was accepted"
elif grep -q InvalidSignatureException "$work/out"; then pass "--auth: wrong secret → InvalidSignatureException"
else fail "--auth: wrong secret, unexpected answer" "$work/out"; fi
if AWS_ACCESS_KEY_ID=AKIAPANYATEST0000001 AWS_SECRET_ACCESS_KEY=wrong awsq s3 ls s3://chekimagebkt/ >"$work/out" 2>&1; then
    fail "--auth: S3 with a wrong secret was accepted"
elif grep -q SignatureDoesNotMatch "$work/out"; then pass "--auth: S3 wrong secret → SignatureDoesNotMatch"
else fail "--auth: S3 wrong secret, unexpected answer" "$work/out"; fi
if AWS_ACCESS_KEY_ID=AKIAUNKNOWN000000000 AWS_SECRET_ACCESS_KEY=x awsq rekognition describe-projects >"$work/out" 2>&1; then
    fail "--auth: an unknown key was accepted"
elif grep -q UnrecognizedClientException "$work/out"; then pass "--auth: unknown key → UnrecognizedClientException"
else fail "--auth: unknown key, unexpected answer" "$work/out"; fi
serve_stop "$SERVE_PID"

# Conformance to the service model (botocore's rekognition service-2.json), with --auth and the real clock.
serve_start "$panya" "$work/conformance.log" --mock-dir "$work/mock" --db "$work/conformance.sqlite" --auth --keys "$work/keys" --clock real
if timeout 240 python3 "$here/conformance_test.py" "$SERVE_URL" AKIAPANYATEST0000001 panya-secret-for-tests "$root/lessons/photos" \
    >"$work/conformance.out" 2>&1; then
    pass "$(tail -2 "$work/conformance.out" | tr '\n' ' ')"
else
    fail "conformance" "$work/conformance.out"
fi
serve_stop "$SERVE_PID"

# --auth without --keys prints a generated pair that works.
serve_start "$panya" "$work/gen.log" --mock-dir "$work/mock" --db "$PANYA_DB" --auth
line="$(grep -o 'AWS_ACCESS_KEY_ID=[^ ]* AWS_SECRET_ACCESS_KEY=[^ ]*' "$work/gen.log" | head -1)"
if [ -n "$line" ] && env $line AWS_ENDPOINT_URL="$SERVE_URL" timeout 60 aws rekognition describe-projects >"$work/out" 2>&1; then
    pass "--auth: the generated pair works"
else fail "--auth: generated pair" "$work/gen.log"; fi
serve_stop "$SERVE_PID"

echo "panya serve peers: $passed passed, $failed failed"
[ "$failed" = 0 ]
