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
