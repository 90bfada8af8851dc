#!/usr/bin/env bash
# Builds the release binary every benchmark measures and prints its path: `swift build -c release`
# with the Swift runtime linked in (--static-swift-stdlib), the way panya is shipped to classrooms
# (no toolchain needed; no Swift libraries to bind at start). It lives in .build-static/ so that
# `swift test -c release` in .build/ does not rebuild everything each time either one runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
swift build -c release --static-swift-stdlib --product panya --scratch-path "$root/.build-static" >&2
echo "$root/.build-static/release/panya"
