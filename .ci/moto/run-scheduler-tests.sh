#!/usr/bin/env bash
# EventBridge Scheduler round trip against moto_server: the panya binary plans two schedules,
# `schedule apply` creates them (CreateSchedule) and, after a change, updates them (ConflictException
# → UpdateSchedule), with IAM authentication ON (the set-up is setup-moto.py's: its
# panya-operations user may call scheduler:*). What moto holds is read from its own state
# (/moto-api/data.json): universal target, Input, time zone, FlexibleTimeWindow OFF.
#
# moto 5 refuses every signed scheduler GET with auth on (the AWS CLI's too: SignatureDoesNotMatch),
# so `schedule` (ListSchedules + GetSchedule) is checked on a second moto_server with auth off.
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
open_pid=""
cleanup() { moto_stop; [ -n "$open_pid" ] && kill "$open_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM

port="$(moto_free_port)"
INITIAL_NO_AUTH_ACTION_COUNT=20 moto_start "$port" "$work/moto.log"
endpoint="http://127.0.0.1:$port"
moto_write_photo "$work/breads3.png"
eval "$(python3 "$here/setup-moto.py" "$endpoint" "$work/breads3.png")"

export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null NO_COLOR=1 PANYA_LANG=en
export PANYA_DB="$work/panya.sqlite" XDG_STATE_HOME="$work/state"
export AWS_ACCESS_KEY_ID="$PANYA_MOTO_SCHEDULER_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$PANYA_MOTO_SCHEDULER_SECRET_ACCESS_KEY"
role="arn:aws:iam::123456789012:role/panya-scheduler"
panya_at() { local at=$1; shift; "$panya" --backend aws --endpoint-url "$at" --region "$PANYA_MOTO_REGION" "$@"; }
checks=0
fail() { echo "scheduler round trip: $1" >&2; [ -n "${2:-}" ] && cat "$2" >&2; exit 1; }

panya_at "$endpoint" -c "model use $PANYA_MOTO_VERSION_ARN" >/dev/null
panya_at "$endpoint" >"$work/add.out" 2>&1 <<'PANYA' || fail "schedule add failed" "$work/add.out"
schedule add open "cron(30 6 * * ? *)" start --timezone Asia/Tokyo
schedule add close "cron(30 19 * * ? *)" stop --timezone Asia/Tokyo
PANYA

# Create, with auth on.
panya_at "$endpoint" -c "schedule apply --role-arn $role" >"$work/apply.out" 2>&1 || fail "apply failed" "$work/apply.out"
grep -q "^created open: arn:aws:scheduler:" "$work/apply.out" || fail "open was not created" "$work/apply.out"
grep -q "^created close: arn:aws:scheduler:" "$work/apply.out" || fail "close was not created" "$work/apply.out"
checks=$((checks + 1))

# Update: disable close, apply again.
panya_at "$endpoint" -c "schedule disable close" >/dev/null
panya_at "$endpoint" -c "schedule apply --role-arn $role" >"$work/apply2.out" 2>&1 || fail "second apply failed" "$work/apply2.out"
grep -q "^updated open: " "$work/apply2.out" && grep -q "^updated close: " "$work/apply2.out" || fail "not updated" "$work/apply2.out"
checks=$((checks + 1))

# What moto holds.
curl -sf "$endpoint/moto-api/data.json" >"$work/state.json" || fail "cannot read moto's state"
python3 - "$work/state.json" "$PANYA_MOTO_VERSION_ARN" "$role" <<'PY' || fail "the applied schedules differ" "$work/state.json"
import json, sys
schedules = {s["name"]: s for s in json.load(open(sys.argv[1]))["scheduler"]["Schedule"]}
assert sorted(schedules) == ["close", "open"], sorted(schedules)
open_, close = schedules["open"], schedules["close"]
assert open_["schedule_expression"] == "cron(30 6 * * ? *)" and close["schedule_expression"] == "cron(30 19 * * ? *)"
for s in (open_, close):
    assert s["schedule_expression_timezone"] == "Asia/Tokyo", s
    assert s["flexible_time_window"] == {"Mode": "OFF"}, s
    assert s["target"]["RoleArn"] == sys.argv[3], s
assert open_["state"] == "ENABLED" and close["state"] == "DISABLED", (open_["state"], close["state"])
assert open_["target"]["Arn"] == "arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion"
assert close["target"]["Arn"] == "arn:aws:scheduler:::aws-sdk:rekognition:stopProjectVersion"
assert json.loads(open_["target"]["Input"]) == {"ProjectVersionArn": sys.argv[2], "MinInferenceUnits": 1}
assert json.loads(close["target"]["Input"]) == {"ProjectVersionArn": sys.argv[2]}
PY
checks=$((checks + 1))

# Without the role, apply says what to add; a wrong secret is refused by the service.
if panya_at "$endpoint" -c "schedule apply" >"$work/norole.out" 2>&1; then fail "apply without a role succeeded" "$work/norole.out"; fi
grep -q -- "--role-arn" "$work/norole.out" || fail "no hint about --role-arn" "$work/norole.out"
if AWS_SECRET_ACCESS_KEY=wrong-secret-value panya_at "$endpoint" -c "schedule apply --role-arn $role" >"$work/wrong.out" 2>&1; then
    fail "a wrong secret was accepted" "$work/wrong.out"
fi
grep -q SignatureDoesNotMatch "$work/wrong.out" || fail "wrong secret, unexpected answer" "$work/wrong.out"
checks=$((checks + 1))

# Listing back (ListSchedules + GetSchedule) on a moto_server with auth off.
open_port="$(moto_free_port)"
moto_server -H 127.0.0.1 -p "$open_port" >"$work/moto-open.log" 2>&1 &
open_pid=$!
open_endpoint="http://127.0.0.1:$open_port"
for _ in $(seq 50); do curl -sf "$open_endpoint/moto-api/data.json" >/dev/null 2>&1 && break; sleep 0.2; done
panya_at "$open_endpoint" -c "schedule apply --role-arn $role" >"$work/apply3.out" 2>&1 || fail "apply (auth off) failed" "$work/apply3.out"
# A wide terminal, so each schedule is one row (at 80 columns the table wraps its cells).
(export COLUMNS=200; panya_at "$open_endpoint" -c "schedule") >"$work/list.out" 2>&1 || fail "schedule failed" "$work/list.out"
grep -Eq "^open +cron\(30 6 \* \* \? \*\) +every day at 06:30 \(Asia/Tokyo\) +start +verification001.2023-08-01T10.00.00 +ENABLED" "$work/list.out" \
    || fail "open is not listed as applied" "$work/list.out"
grep -Eq "^close +cron\(30 19 \* \* \? \*\) .* stop +verification001.2023-08-01T10.00.00 +DISABLED" "$work/list.out" \
    || fail "close is not listed as applied" "$work/list.out"
checks=$((checks + 1))

echo "scheduler round trip against moto: $checks passed, 0 failed"
