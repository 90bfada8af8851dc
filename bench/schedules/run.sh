#!/usr/bin/env bash
# Builds the Schedules module in release and links bench/schedules/main.swift against it.
# Usage: bash bench/schedules/run.sh [RUNS]   (default 11; prints medians)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --target Schedules >/dev/null
B=.build/release
out=$(mktemp -d)
swiftc -O -module-name ScheduleBench -I "$B/Modules" -Xcc -fmodule-map-file="$B/CPanyaSupport.build/module.modulemap" -I Sources/CPanyaSupport/include \
    -Xcc -fmodule-map-file=Sources/CQRencode/module.modulemap \
    bench/schedules/main.swift \
    "$B"/Schedules.build/*.o "$B"/CustomLabels.build/*.o "$B"/PanyaSupport.build/*.o "$B"/CPanyaSupport.build/*.o \
    "$B"/OrderedCollections.build/*.o "$B"/InternalCollectionsUtilities.build/*.o \
    -lqrencode -o "$out/schedules-bench" 2>&1 | grep -v "^$" || true
"$out/schedules-bench" "${1:-11}"
rm -rf "$out"
