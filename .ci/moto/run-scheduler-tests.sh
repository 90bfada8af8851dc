#!/usr/bin/env bash
# EventBridge Scheduler round trip against moto_server with IAM authentication ON: the panya
# binary plans two schedules, `schedule apply` creates them (CreateSchedule), `schedule` lists
# them back (ListSchedules + GetSchedule), a change is applied again (UpdateSchedule), and the
# AWS CLI reads the same schedules. The set-up is setup-moto.py's (its user may call scheduler:*).
#
# Usage: .ci/moto/run-scheduler-tests.sh [PATH/TO/panya]   (default .build/debug/panya)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=moto-lib.sh
. "$here/moto-lib.sh"
panya="${1:-$root/.build/debug/panya}"
[ -x "$panya" ] || { echo "no panya binary at $panya (swift build first)" >&2; exit 1; }

moto_ensure_installed
work="$(mktemp -d "${TMPDIR:-/tmp}/panya-moto-scheduler.XXXXXX")"
cleanup() { moto_stop; rm -rf "$work"; }
trap cleanup EXIT INT TERM

port="$(moto_free_port)"
INITIAL_NO_AUTH_ACTION_COUNT=20 moto_start "$port" "$work/moto.log"
endpoint="http://127.0.0.1:$port"
moto_write_photo "$work/breads3.png"
eval "$(python3 "$here/setup-moto.py" "$endpoint" "$work/breads3.png")"

export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null NO_COLOR=1 PANYA_LANG=en
export PANYA_DB="$work/panya.sqlite" XDG_STATE_HOME="$work/state"
export AWS_ACCESS_KEY_ID="$PANYA_MOTO_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$PANYA_MOTO_SECRET_ACCESS_KEY"
role="arn:aws:iam::123456789012:role/panya-scheduler"
aws_panya() { "$panya" --backend aws --endpoint-url "$endpoint" --region "$PANYA_MOTO_REGION" "$@"; }
checks=0
fail() { echo "scheduler round trip: $1" >&2; [ -n "${2:-}" ] && cat "$2" >&2; exit 1; }

aws_panya -c "model use $PANYA_MOTO_VERSION_ARN" >/dev/null
aws_panya >"$work/add.out" 2>&1 <<'PANYA'
schedule add open "cron(30 6 * * ? *)" start --timezone Asia/Tokyo
schedule add close "cron(30 19 * * ? *)" stop --timezone Asia/Tokyo
PANYA

# Create.
aws_panya -c "schedule apply --role-arn $role" >"$work/apply.out" 2>&1 || fail "apply failed" "$work/apply.out"
grep -q "^created open: arn:aws:scheduler:" "$work/apply.out" || fail "open was not created" "$work/apply.out"
grep -q "^created close: arn:aws:scheduler:" "$work/apply.out" || fail "close was not created" "$work/apply.out"
checks=$((checks + 1))

# List back, as panya shows it.
aws_panya -c "schedule" >"$work/list.out" 2>&1 || fail "schedule failed" "$work/list.out"
grep -Eq "^open +cron\(30 6 \* \* \? \*\) +every day at 06:30 \(Asia/Tokyo\) +start +verification001.2023-08-01T10.00.00 +ENABLED" "$work/list.out" \
    || fail "open is not listed as applied" "$work/list.out"
grep -Eq "^close +cron\(30 19 \* \* \? \*\) .* stop +verification001.2023-08-01T10.00.00 +ENABLED" "$work/list.out" \
    || fail "close is not listed as applied" "$work/list.out"
checks=$((checks + 1))

# The AWS CLI sees the universal target, the input and the time window.
aws scheduler get-schedule --name open --endpoint-url "$endpoint" --region "$PANYA_MOTO_REGION" >"$work/get.json" 2>&1 \
    || fail "aws scheduler get-schedule failed" "$work/get.json"
python3 - "$work/get.json" "$PANYA_MOTO_VERSION_ARN" "$role" <<'PY' || fail "the applied schedule differs" "$work/get.json"
import json, sys
schedule = json.load(open(sys.argv[1]))
target = schedule["Target"]
assert schedule["ScheduleExpression"] == "cron(30 6 * * ? *)", schedule
assert schedule["ScheduleExpressionTimezone"] == "Asia/Tokyo", schedule
assert schedule["FlexibleTimeWindow"]["Mode"] == "OFF", schedule
assert target["Arn"] == "arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion", target
assert target["RoleArn"] == sys.argv[3], target
assert json.loads(target["Input"]) == {"ProjectVersionArn": sys.argv[2], "MinInferenceUnits": 1}, target
PY
checks=$((checks + 1))

# Update: disable close locally, apply again.
aws_panya -c "schedule disable close" >/dev/null
aws_panya -c "schedule apply --role-arn $role" >"$work/apply2.out" 2>&1 || fail "second apply failed" "$work/apply2.out"
grep -q "^updated close: " "$work/apply2.out" || fail "close was not updated" "$work/apply2.out"
aws_panya -c "schedule" >"$work/list2.out" 2>&1
grep -Eq "^close .* DISABLED" "$work/list2.out" || fail "close is not DISABLED after the update" "$work/list2.out"
checks=$((checks + 1))

# Without the role, apply says what to add; a wrong secret is refused by the service.
if aws_panya -c "schedule apply" >"$work/norole.out" 2>&1; then fail "apply without a role succeeded" "$work/norole.out"; fi
grep -q -- "--role-arn" "$work/norole.out" || fail "no hint about --role-arn" "$work/norole.out"
if AWS_SECRET_ACCESS_KEY=wrong-secret-value aws_panya -c "schedule" >"$work/wrong.out" 2>&1; then fail "a wrong secret was accepted" "$work/wrong.out"; fi
grep -q SignatureDoesNotMatch "$work/wrong.out" || fail "wrong secret, unexpected answer" "$work/wrong.out"
checks=$((checks + 1))

echo "scheduler round trip against moto: $checks passed, 0 failed"
