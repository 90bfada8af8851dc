#!/usr/bin/env bash
# Builds the Photos module in release and links bench/photos/main.swift against it: the phone-photo
# path of `panya class` (decode upright + reduce, the screen JPEG and the thumbnail).
# Usage: bash bench/photos/run.sh [RUNS]   (default 15; prints medians)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --target Photos >/dev/null
B=.build/release
objects=()
for module in Photos CustomLabels PanyaSupport CPanyaSupport CJPEG CPNG OrderedCollections InternalCollectionsUtilities \
              Crypto CryptoBoringWrapper CCryptoBoringSSL CCryptoBoringSSLShims; do
  while IFS= read -r object; do objects+=("$object"); done < <(find "$B/$module.build" -name '*.o')
done
out=$(mktemp -d)
swiftc -O -module-name PhotosBench -I "$B/Modules" \
    -Xcc -fmodule-map-file="$B/CPanyaSupport.build/module.modulemap" -I Sources/CPanyaSupport/include \
    -Xcc -fmodule-map-file="$B/CJPEG.build/module.modulemap" -I Sources/CJPEG/include \
    -Xcc -fmodule-map-file="$B/CPNG.build/module.modulemap" -I Sources/CPNG/include \
    -Xcc -fmodule-map-file=Sources/CQRencode/module.modulemap \
    bench/photos/main.swift "${objects[@]}" -ljpeg -lpng16 -lqrencode -lstdc++ \
    -o "$out/photos-bench" 2>&1 | grep -v "^$" || true
[ -x "$out/photos-bench" ] || { echo "bench/photos: the benchmark did not build" >&2; exit 1; }
"$out/photos-bench" "${1:-15}" "$PWD"
rm -rf "$out"
