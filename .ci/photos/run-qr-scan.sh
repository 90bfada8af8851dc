#!/usr/bin/env bash
# The class URL's QR code read back by a real scanner (zbar): installs zbar-tools when missing,
# then runs the one test that draws the code as the terminal shows it and scans it.
# Usage: bash .ci/photos/run-qr-scan.sh   (after `swift build --build-tests`)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v zbarimg >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq zbar-tools >/dev/null
fi
PANYA_REQUIRE_ZBAR=1 swift test --skip-build --filter QRCodeScanTests
