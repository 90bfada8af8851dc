#!/usr/bin/env bash
# The long fuzz run: the seeded fuzz suites of the test bundle with more inputs each.
# Usage: bash bench/fuzz/run.sh [INPUTS]     (default 10000; the normal suite runs 60–3000)
# Needs a built test bundle (swift build --build-tests). Prints each suite's tally and the time.
set -euo pipefail
cd "$(dirname "$0")/../.."
inputs=${1:-10000}
export PANYA_FUZZ_ITERATIONS=$inputs
time swift test --skip-build \
    --filter 'FuzzTests|JSONParserFuzzTests|PhotoFuzzTests|byteFlipsNeverTrap' 2>&1 \
    | grep -E 'fuzz:|✔ Test|✘|Test run with|Fatal error|crashed'
