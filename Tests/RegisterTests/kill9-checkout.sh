#!/usr/bin/env bash
# Receipts survive `kill -9` in the middle of a checkout stream, and two processes checking out
# on one database lose nothing.
#
#   Tests/RegisterTests/kill9-checkout.sh [PATH/TO/panya]      (default: .build/debug/panya)
#
# Two background `panya -c` processes loop "add breads, checkout" on one database file; both are
# killed with SIGKILL at odd moments, several rounds. Then a fresh panya checks every receipt:
# numbers 1..N with no gap and no duplicate, no receipt without items, subtotal = sum of the
# item amounts, total = subtotal + floor(subtotal × 8 / 100). Exit 0 when all hold.
set -euo pipefail

PANYA=${1:-.build/debug/panya}
ROUNDS=${ROUNDS:-8}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/panya-kill9.XXXXXX")
DB="$WORK/panya.sqlite"
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$PANYA" ]; then
    echo "kill9-checkout: no panya binary at $PANYA (build it: swift build --product panya)" >&2
    exit 2
fi

LOOP='while true {
  register add メロンパン 2
  register add あんぱん
  if len(register()) > 0 { register checkout }
}'

# Create and migrate the database once, before the two processes start: this script is about
# checkouts (two processes opening a brand-new file at the same instant is another matter).
"$PANYA" --db "$DB" --lang en -c 'register prices' >/dev/null

# A worker starts panya again whenever it ends (killed). Each shell has its own register, so no
# error at all is expected (neither can take the other's bread).
worker() {
    while [ ! -e "$WORK/stop" ]; do
        "$PANYA" --db "$DB" --lang en -c "$LOOP" >/dev/null 2>>"$WORK/err.$1" || true
    done
}
worker 1 2>/dev/null & w1=$!
worker 2 2>/dev/null & w2=$!

killed=0
for round in $(seq 1 "$ROUNDS"); do
    # Odd moments, so that some kills land inside a transaction.
    sleep "0.$((RANDOM % 9 + 1))"
    for w in "$w1" "$w2"; do
        for child in $(pgrep -P "$w" || true); do
            kill -9 "$child" 2>/dev/null && killed=$((killed + 1)) || true
        done
        sleep "0.$((RANDOM % 5))"
    done
done
touch "$WORK/stop"
for w in "$w1" "$w2"; do
    for child in $(pgrep -P "$w" || true); do kill -9 "$child" 2>/dev/null || true; done
done
wait "$w1" "$w2" 2>/dev/null || true

# No error may have been reported.
if cat "$WORK"/err.* 2>/dev/null | grep 'error:' >&2; then
    echo "kill9-checkout: a checkout process reported an unexpected error" >&2
    exit 1
fi
echo "kill9-checkout: $killed processes killed with SIGKILL"

VERIFY='let rs = register_receipts()
let n = len(rs)
expect n > 0, "some receipts were written"
let i = 0
for rc in rs {
  expect rc.number == n - i, "receipt numbers are contiguous, newest first"
  expect len(rc.items) > 0, "no receipt without items"
  let s = 0
  for it in rc.items {
    expect it.amount == it.qty * it.unit_price, "item amount = qty × unit price"
    s += it.amount
  }
  expect s == rc.subtotal, "subtotal = sum of the items"
  expect rc.tax == floor(rc.subtotal * 8 / 100), "tax = floor(subtotal × 8 %)"
  expect rc.total == rc.subtotal + rc.tax, "total = subtotal + tax"
  i += 1
}
print("ok", n, "receipts, numbers 1 to", n, "with no gap, every one complete")'

"$PANYA" --db "$DB" --lang en -c "$VERIFY"
