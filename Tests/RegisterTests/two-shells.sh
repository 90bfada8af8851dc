#!/usr/bin/env bash
# Two shells on one database each have their own register: two `panya -c` loops of
# "register add メロンパン 1; register checkout" both finish without an error (neither takes the
# other's bread), the receipts are numbered 1..2N with no gap, and a `--student` register is
# resumed by the next shell of the same student while another shell does not see it. The shared
# simulated clock, advanced by two shells at once, loses no step.
#
#   Tests/RegisterTests/two-shells.sh [PATH/TO/panya]      (default: .build/debug/panya)
set -euo pipefail

PANYA=${1:-.build/debug/panya}
N=${N:-150}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/panya-two-shells.XXXXXX")
DB="$WORK/panya.sqlite"
trap 'rm -rf "$WORK"' EXIT

# Runs one script in two shells on one database at once; fails with WHAT when either shell
# fails or writes to standard error.
#   both DB SCRIPT NAME WHAT
both() {
    local db=$1 script=$2 name=$3 what=$4 a b status=0
    "$PANYA" --db "$db" --lang en -c "$script" >/dev/null 2>"$WORK/$name.1" & a=$!
    "$PANYA" --db "$db" --lang en -c "$script" >/dev/null 2>"$WORK/$name.2" & b=$!
    wait "$a" || status=1
    wait "$b" || status=1
    if [ "$status" != 0 ] || [ -s "$WORK/$name.1" ] || [ -s "$WORK/$name.2" ]; then
        cat "$WORK/$name".* >&2
        echo "two-shells: $what" >&2
        exit 1
    fi
}

"$PANYA" --db "$DB" --lang en -c 'register prices' >/dev/null
both "$DB" "for i in range(0, $N) { register add メロンパン 1; register checkout }" err \
    "a shell failed (did one take the other's bread?)"

VERIFY="let rs = register_receipts()
expect len(rs) == 2 * $N, \"every checkout of both shells made a receipt\"
let i = 0
for rc in rs {
  expect rc.number == 2 * $N - i, \"receipt numbers are contiguous\"
  expect len(rc.items) == 1 and rc.items[0].qty == 1, \"each receipt holds the one bread its shell added\"
  i += 1
}
print(\"ok\", len(rs), \"receipts from two shells, numbered with no gap\")"
"$PANYA" --db "$DB" --lang en -c "$VERIFY"

# A student's register is resumed; another shell's is its own.
"$PANYA" --db "$DB" --lang en --student aiko -c 'register add あんぱん 2' >/dev/null
"$PANYA" --db "$DB" --lang en --student aiko -c 'expect len(register()) == 1 and register()[0].qty == 2, "aiko resumes her register"' 
"$PANYA" --db "$DB" --lang en -c 'expect len(register()) == 0, "another shell does not see aiko register"'
echo "two-shells: a student's register is resumed, another shell's is empty"

# The simulated clock is shared state too: two shells each advancing it 200 × 1 minute move it
# 400 minutes (each step reads, adds and stores in one transaction; none is lost or refused).
CLOCKDB="$WORK/clock.sqlite"
"$PANYA" --db "$CLOCKDB" --lang en -c 'clock set 2026-04-01T00:00:00+09:00' >/dev/null
both "$CLOCKDB" "for i in range(0, 200) { clock advance 1m }" clock "a shell's clock advance failed"
"$PANYA" --db "$CLOCKDB" --lang en -c 'expect clock().time == "2026-04-01T06:40:00+09:00", "two shells advancing the clock lose no minute: " + clock().time'
echo "two-shells: 2 × 200 clock advances of 1m moved the clock 400 minutes"
