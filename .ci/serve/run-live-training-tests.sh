#!/usr/bin/env bash
# Live training from the shell against `panya serve --auth`: a second panya on `--backend aws`
# prepares the datasets locally, `train` uploads the photos and manifests to the server's bucket
# (signed PutObject) and calls CreateProject / CreateDataset ×2 / CreateProjectVersion; then
# `model wait` through TRAINING_COMPLETED, `evaluation`, `model start`, `detect`, `model stop`.
# The server runs `--clock real` (30 simulated minutes of training take 30 s); every call is bounded.
#
# Usage: .ci/serve/run-live-training-tests.sh [PANYA]   (default .build/debug/panya)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
panya="${1:-$root/.build/debug/panya}"
case "$panya" in /*) ;; *) panya="$root/$panya" ;; esac
# shellcheck source=serve-lib.sh
. "$here/serve-lib.sh"
echo "== live training (panya --backend aws) against panya serve --auth"

work="$(mktemp -d "${TMPDIR:-/tmp}/panya-live-training.XXXXXX")"
cleanup() { serve_stop_all; rm -rf "$work"; }
trap cleanup EXIT INT TERM

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1" >&2; [ -n "${2:-}" ] && cat "$2" >&2 || true; }

# The server: a fresh copy of the recordings, its own database, a key file, and the bucket (a folder).
cp -r "$root/mock-responses" "$work/mock"
bucket=panya-training-bkt
mkdir -p "$work/mock/s3/$bucket"
key_id=AKIAPANYALIVETRAIN01 secret=panya-live-training-secret
printf '# live training keys\n%s %s\n' "$key_id" "$secret" >"$work/keys"
serve_start "$panya" "$work/serve.log" --mock-dir "$work/mock" --db "$work/server.sqlite" --auth --keys "$work/keys" --clock real
echo "panya serve on $SERVE_URL (pid $SERVE_PID)"

# The client: its own database (the workbench), the server's keys, S3 on the same endpoint.
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_DEFAULT_REGION=ap-northeast-1 AWS_REGION=ap-northeast-1
export AWS_ACCESS_KEY_ID="$key_id" AWS_SECRET_ACCESS_KEY="$secret" AWS_ENDPOINT_URL_S3="$SERVE_URL"
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL PANYA_TRAINING_BUCKET
export PANYA_LANG=en NO_COLOR=1 PANYA_DB="$work/client.sqlite"
client() { (cd "$root" && timeout 600 "$panya" --backend aws --endpoint-url "$SERVE_URL" "$@"); }

# Without a bucket, train says how to give one (after the datasets are prepared).
client -c 'project create nobucket
dataset create train
dataset create test
dataset add train lessons/photos/train/anpan-01.jpg --label あんぱん
train' >"$work/nobucket.out" 2>&1 && status=0 || status=$?
if [ "$status" != 0 ] && grep -q -- "--training-bucket" "$work/nobucket.out" && grep -q PANYA_TRAINING_BUCKET "$work/nobucket.out"; then
    pass "train without a bucket: the error names --training-bucket and PANYA_TRAINING_BUCKET"
else fail "train without a bucket (exit $status)" "$work/nobucket.out"; fi

client --training-bucket "$bucket" -c 'project create bakery-live
dataset create train
dataset create test
dataset add train lessons/photos/train/anpan-*.jpg --label あんぱん
dataset add train lessons/photos/train/melonpan-*.jpg --label メロンパン
dataset add train lessons/photos/train/yakisobapan-*.jpg --label 焼きそばパン
dataset add test lessons/photos/test/anpan.jpg --label あんぱん
dataset add test lessons/photos/test/melonpan.jpg --label メロンパン
dataset add test lessons/photos/test/yakisobapan.jpg --label 焼きそばパン
dataset
train
model wait
evaluation
evaluation --json
model start
model wait
detect lessons/photos/breads3.jpg
model stop
model wait' >"$work/run.out" 2>"$work/run.err" && status=0 || status=$?
cat "$work/run.out" "$work/run.err" >"$work/all.out"
echo "-- the client's output"; sed 's/^/   | /' "$work/all.out"
[ "$status" = 0 ] && pass "the script ran (exit 0)" || fail "the script exited $status" "$work/all.out"

grep -q "arn:aws:rekognition:ap-northeast-1:[0-9]*:project/bakery-live/" "$work/run.out" \
    && pass "project create: the server's ProjectArn" || fail "project create: no ProjectArn" "$work/all.out"
# Every photo and both manifests are in the bucket, byte-equal to the files.
objects=$(find "$work/mock/s3/$bucket/panya/bakery-live" -maxdepth 1 -name '*.jpg' | wc -l)
[ "$objects" = 33 ] && pass "33 photos uploaded (PutObject)" || fail "photos uploaded: $objects, want 33"
anpan_sha=$(sha256sum "$root/lessons/photos/train/anpan-01.jpg" | cut -d' ' -f1)
cmp -s "$root/lessons/photos/train/anpan-01.jpg" "$work/mock/s3/$bucket/panya/bakery-live/$anpan_sha.jpg" \
    && pass "an uploaded photo is the file, named by its SHA-256" || fail "anpan-01.jpg not in the bucket as $anpan_sha.jpg"
train_lines=$(grep -c "s3://$bucket/panya/bakery-live/" "$work/mock/s3/$bucket/panya/bakery-live/train.manifest" 2>/dev/null || true)
test_lines=$(grep -c "s3://$bucket/panya/bakery-live/" "$work/mock/s3/$bucket/panya/bakery-live/test.manifest" 2>/dev/null || true)
[ "$train_lines" = 30 ] && [ "$test_lines" = 3 ] && pass "manifests: 30 + 3 lines with s3:// source-refs" \
    || fail "manifests: $train_lines + $test_lines lines"
grep -q "焼きそばパン" "$work/mock/s3/$bucket/panya/bakery-live/train.manifest" 2>/dev/null \
    && pass "the training manifest carries the labels" || fail "no label in the training manifest"

grep -Eq "^bakery-live\.[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}\.[0-9]{2}\.[0-9]{2}  TRAINING_IN_PROGRESS$" "$work/run.out" \
    && pass "train: <project>.<date>T<time> TRAINING_IN_PROGRESS" || fail "train: no TRAINING_IN_PROGRESS" "$work/all.out"
grep -q "Training runs on AWS" "$work/run.out" && ! grep -q "simulated clock" "$work/run.out" \
    && pass "train: no simulated training time on aws" || fail "train: the live message" "$work/all.out"
grep -q "TRAINING_COMPLETED" "$work/run.out" && pass "model wait: TRAINING_COMPLETED" || fail "model wait: no TRAINING_COMPLETED" "$work/all.out"
summary=$(find "$work/mock/s3/$bucket/panya/bakery-live/output" -name 'EvaluationSummary-bakery-live-*.json' 2>/dev/null | head -1)
[ -n "$summary" ] && pass "the evaluation summary is under OutputConfig (panya/bakery-live/output/)" || fail "no summary under the output prefix"
grep -q "F1" "$work/run.out" && grep -q "あんぱん" "$work/run.out" && grep -q "メロンパン" "$work/run.out" && grep -q "焼きそばパン" "$work/run.out" \
    && pass "evaluation: F1 and the three labels" || fail "evaluation output" "$work/all.out"
grep -q '"LabelEvaluationResults"' "$work/run.out" && pass "evaluation --json: the summary file read back with GetObject" \
    || fail "evaluation --json" "$work/all.out"
grep -q "RUNNING" "$work/run.out" && pass "model start + model wait: RUNNING" || fail "no RUNNING" "$work/all.out"
if grep -Eq "(あんぱん|メロンパン|焼きそばパン).*[0-9]+\.[0-9]" "$work/run.out"; then pass "detect breads3.jpg: labels with confidences"
else fail "detect breads3.jpg" "$work/all.out"; fi
grep -q "STOPPED" "$work/run.out" && pass "model stop + wait: STOPPED" || fail "no STOPPED" "$work/all.out"
# What the summary cannot give, and a second training of the same project, say what to do.
if client -c 'evaluation --images' >"$work/images.out" 2>&1; then fail "evaluation --images succeeded" "$work/images.out"
elif grep -q "trained on AWS" "$work/images.out"; then pass "evaluation --images: the summary has no test results (said)"
else fail "evaluation --images: unexpected answer" "$work/images.out"; fi
if client --training-bucket "$bucket" -c 'train' >"$work/again.out" 2>&1 && grep -q TRAINING_IN_PROGRESS "$work/again.out"; then
    pass "train again: the datasets are updated in place (UpdateDatasetEntries) and a new version trains"
else fail "train again: unexpected answer" "$work/again.out"; fi

# The server saw signed calls of both services (one log line per request).
for op in CreateProject CreateDataset UpdateDatasetEntries DescribeDataset CreateProjectVersion s3:PutObject s3:GetObject DetectCustomLabels StopProjectVersion; do
    grep -Eq " $op 200 " "$work/serve.log" && pass "server log: $op 200" || fail "server log: no $op 200" "$work/serve.log"
done
if grep -Eq "InvalidSignature|SignatureDoesNotMatch|UnrecognizedClient|InvalidAccessKeyId| (40[13]) " "$work/serve.log"; then
    fail "a call was refused by --auth" "$work/serve.log"
else pass "every call passed --auth (no 401/403)"; fi

echo "live training against panya serve: $passed passed, $failed failed"
[ "$failed" = 0 ]
