#!/usr/bin/env bash
# The real peer test of the AWS backend: moto_server on 127.0.0.1 with IAM authentication ON.
#
# moto lets the first INITIAL_NO_AUTH_ACTION_COUNT calls through unauthenticated; setup-moto.py
# uses them to create a user allowed rekognition:* and s3:GetObject (with an access key), a user
# with no Rekognition permission, and a bucket holding a photo and an evaluation summary; it then
# spends the remaining free calls until moto refuses an unknown key. The Swift tests gated on
# PANYA_MOTO_ENDPOINT (Tests/AWSBackendTests/MotoPeerTests.swift) then run against it.
#
# Usage: .ci/moto/run-aws-tests.sh [extra swift test arguments]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=moto-lib.sh
. "$here/moto-lib.sh"

moto_ensure_installed
work="$(mktemp -d "${TMPDIR:-/tmp}/panya-moto.XXXXXX")"
cleanup() { moto_stop; rm -rf "$work"; }
trap cleanup EXIT INT TERM

port="$(moto_free_port)"
# Enough free calls for the set-up (some S3 calls count twice); the rest are spent by setup-moto.py.
INITIAL_NO_AUTH_ACTION_COUNT=20 moto_start "$port" "$work/moto.log"
endpoint="http://127.0.0.1:$port"
echo "moto_server $(python3 -c 'import moto; print(moto.__version__)') on $endpoint (pid $MOTO_PID), auth on after the set-up" >&2

moto_write_photo "$work/breads3.png"
exports="$(python3 "$here/setup-moto.py" "$endpoint" "$work/breads3.png")"
eval "$exports"

# The AWS CLI agrees: a bogus key is refused.
if AWS_ACCESS_KEY_ID=AKIDBOGUS AWS_SECRET_ACCESS_KEY=bogus AWS_DEFAULT_REGION=us-east-1 \
    aws rekognition detect-custom-labels --endpoint-url "$endpoint" --project-version-arn "$PANYA_MOTO_VERSION_ARN" \
    --image-bytes "fileb://$PANYA_MOTO_PHOTO" >/dev/null 2>"$work/cli.err"; then
    echo "moto accepted a bogus key: authentication is not enforced" >&2; exit 1
fi
grep -q InvalidClientTokenId "$work/cli.err" || { echo "unexpected refusal:" >&2; cat "$work/cli.err" >&2; exit 1; }

cd "$root"
swift test --filter AWSBackendTests "$@"

# The real binary against the same server, as a teacher would use it.
panya="$root/.build/debug/panya"
if [ -x "$panya" ]; then
    export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null NO_COLOR=1 PANYA_LANG=en
    export PANYA_DB="$work/panya.sqlite" XDG_STATE_HOME="$work/state"
    aws_panya() { "$panya" --backend aws --endpoint-url "$endpoint" --region "$PANYA_MOTO_REGION" "$@"; }
    allowed=(env AWS_ACCESS_KEY_ID="$PANYA_MOTO_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$PANYA_MOTO_SECRET_ACCESS_KEY" AWS_ENDPOINT_URL_S3="$endpoint")
    checks=0
    "${allowed[@]}" "$panya" --backend aws --endpoint-url "$endpoint" --region "$PANYA_MOTO_REGION" -c "model use $PANYA_MOTO_VERSION_ARN" >/dev/null
    out="$("${allowed[@]}" "$panya" --backend aws --endpoint-url "$endpoint" --region "$PANYA_MOTO_REGION" detect "$PANYA_MOTO_PHOTO" --json)"
    grep -q '"CustomLabels"' <<<"$out" || { echo "panya detect (bytes) against moto: $out" >&2; exit 1; }
    checks=$((checks + 1))
    out="$("${allowed[@]}" "$panya" --backend aws --endpoint-url "$endpoint" --region "$PANYA_MOTO_REGION" detect "s3://$PANYA_MOTO_BUCKET/$PANYA_MOTO_PHOTO_KEY" --json)"
    grep -q '"CustomLabels"' <<<"$out" || { echo "panya detect (S3Object) against moto: $out" >&2; exit 1; }
    checks=$((checks + 1))
    if env AWS_ACCESS_KEY_ID="$PANYA_MOTO_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY=wrong-secret-value \
        "$panya" --backend aws --endpoint-url "$endpoint" --region "$PANYA_MOTO_REGION" detect "$PANYA_MOTO_PHOTO" >"$work/out" 2>&1; then
        echo "panya accepted a wrong secret" >&2; exit 1
    fi
    grep -q SignatureDoesNotMatch "$work/out" || { echo "wrong secret, unexpected answer:" >&2; cat "$work/out" >&2; exit 1; }
    if grep -q wrong-secret-value "$work/out"; then echo "the secret appeared in the output" >&2; exit 1; fi
    checks=$((checks + 1))
    if env AWS_ACCESS_KEY_ID="$PANYA_MOTO_DENIED_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$PANYA_MOTO_DENIED_SECRET_ACCESS_KEY" \
        "$panya" --backend aws --endpoint-url "$endpoint" --region "$PANYA_MOTO_REGION" detect "$PANYA_MOTO_PHOTO" >"$work/out" 2>&1; then
        echo "panya: a user without permission was allowed" >&2; exit 1
    fi
    grep -q AccessDenied "$work/out" || { echo "denied user, unexpected answer:" >&2; cat "$work/out" >&2; exit 1; }
    checks=$((checks + 1))
    if env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY HOME="$work/empty-home" \
        "$panya" --backend aws --region "$PANYA_MOTO_REGION" detect "$PANYA_MOTO_PHOTO" >"$work/out" 2>&1; then
        echo "panya ran without credentials" >&2; exit 1
    fi
    grep -qi "credential" "$work/out" || { echo "missing credentials, unexpected answer:" >&2; cat "$work/out" >&2; exit 1; }
    checks=$((checks + 1))
    echo "panya binary against moto: $checks passed, 0 failed"
fi
