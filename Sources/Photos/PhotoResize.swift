/// Scaling a photo down (or up) by area averaging.
extension Photo {
    /// The photo scaled to `newWidth`×`newHeight`: each output pixel is the area-weighted average
    /// of the input pixels it covers (a box filter), so downscaling does not alias.
    public func resized(width newWidth: Int, height newHeight: Int) -> Photo {
        let outW = max(1, newWidth), outH = max(1, newHeight)
        var out = [UInt8](repeating: 0, count: outW * outH * 3)
        let sx = Double(width) / Double(outW), sy = Double(height) / Double(outH)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for oy in 0..<outH {
                    let y0 = Double(oy) * sy, y1 = y0 + sy
                    let iy0 = Int(y0.rounded(.down)), iy1 = min(height, Int(y1.rounded(.up)))
                    for ox in 0..<outW {
                        let x0 = Double(ox) * sx, x1 = x0 + sx
                        let ix0 = Int(x0.rounded(.down)), ix1 = min(width, Int(x1.rounded(.up)))
                        var r = 0.0, g = 0.0, b = 0.0, total = 0.0
                        for iy in iy0..<max(iy0 + 1, iy1) {
                            let wy = min(y1, Double(iy + 1)) - max(y0, Double(iy))
                            if wy <= 0 { continue }
                            let row = min(iy, height - 1) * width
                            for ix in ix0..<max(ix0 + 1, ix1) {
                                let wx = min(x1, Double(ix + 1)) - max(x0, Double(ix))
                                if wx <= 0 { continue }
                                let w = wx * wy
                                let i = (row + min(ix, width - 1)) * 3
                                r += Double(src[i]) * w
                                g += Double(src[i + 1]) * w
                                b += Double(src[i + 2]) * w
                                total += w
                            }
                        }
                        let o = (oy * outW + ox) * 3
                        if total > 0 {
                            dst[o] = UInt8(min(255, r / total + 0.5))
                            dst[o + 1] = UInt8(min(255, g / total + 0.5))
                            dst[o + 2] = UInt8(min(255, b / total + 0.5))
                        }
                    }
                }
            }
        }
        return Photo(checkedWidth: outW, height: outH, pixels: out, format: nil)
    }
}

extension Photo {
    /// The photo reduced so its longer side is `longerSide` (the shorter in proportion, rounded,
    /// at least 1), each output pixel the area-weighted average of the input it covers;
    /// unchanged when it is no longer than that already. Separable, in fixed point: a 12 MP
    /// phone photo's reduction costs a few milliseconds, not a few hundred.
    public func reduced(toLongerSide longerSide: Int) -> Photo {
        let longer = max(width, height)
        guard longerSide > 0, longer > longerSide else { return self }
        let shorter = max(1, (min(width, height) * longerSide + longer / 2) / longer)
        let outWidth = width >= height ? longerSide : shorter, outHeight = width >= height ? shorter : longerSide
        let across = AreaWeights(input: width, output: outWidth), down = AreaWeights(input: height, output: outHeight)
        // Across: each input row to outWidth pixels, kept with 8 fraction bits (UInt16).
        var rows = [UInt16](repeating: 0, count: height * outWidth * 3)
        let taps = across.taps
        pixels.withUnsafeBufferPointer { src in
            rows.withUnsafeMutableBufferPointer { dst in
                across.offsets.withUnsafeBufferPointer { offsets in
                    across.weights.withUnsafeBufferPointer { weights in
                        for y in 0..<height {
                            let inRow = y * width * 3, outRow = y * outWidth * 3
                            for x in 0..<outWidth {
                                var r = 0, g = 0, b = 0
                                for t in (x * taps)..<(x * taps + taps) {
                                    let w = weights[t]
                                    let i = inRow + offsets[t]
                                    r += Int(src[i]) &* w; g += Int(src[i + 1]) &* w; b += Int(src[i + 2]) &* w
                                }
                                let o = outRow + x * 3
                                dst[o] = UInt16(truncatingIfNeeded: (r + 128) >> 8)
                                dst[o + 1] = UInt16(truncatingIfNeeded: (g + 128) >> 8)
                                dst[o + 2] = UInt16(truncatingIfNeeded: (b + 128) >> 8)
                            }
                        }
                    }
                }
            }
        }
        // Down: the rows combined into outHeight rows.
        let rowLength = outWidth * 3
        var out = [UInt8](repeating: 0, count: outHeight * rowLength)
        var sums = [Int](repeating: 0, count: rowLength)
        rows.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                sums.withUnsafeMutableBufferPointer { acc in
                    for y in 0..<outHeight {
                        for i in 0..<rowLength { acc[i] = 0 }
                        for t in 0..<down.taps {
                            let w = down.weights[y * down.taps + t]
                            if w == 0 { continue }
                            let row = down.offsets[y * down.taps + t] / 3 * rowLength
                            for i in 0..<rowLength { acc[i] &+= Int(src[row + i]) &* w }
                        }
                        let o = y * rowLength
                        for i in 0..<rowLength { dst[o + i] = UInt8(truncatingIfNeeded: min(255, (acc[i] + (1 << 23)) >> 24)) }
                    }
                }
            }
        }
        return Photo(checkedWidth: outWidth, height: outHeight, pixels: out, format: format)
    }
}

/// Area-average weights for reducing `input` samples to `output`: for each output sample the
/// inputs it covers and `taps` weights in 1/65536 that sum to 65536 (zero past its end).
struct AreaWeights {
    /// `output * taps` byte offsets of the inputs weighed (index × 3, clamped into the input).
    var offsets: [Int]
    /// Weights per output sample.
    var taps: Int
    /// `output * taps` weights, row by row.
    var weights: [Int]

    init(input: Int, output: Int) {
        let scale = Double(input) / Double(output)
        var spans: [(first: Int, weights: [Double])] = []
        spans.reserveCapacity(output)
        for o in 0..<output {
            let x0 = Double(o) * scale, x1 = min(Double(input), x0 + scale)
            let start = Int(x0.rounded(.down)), end = min(input, Int(x1.rounded(.up)))
            var covered: [Double] = []
            for i in start..<max(start + 1, end) { covered.append(max(0, min(x1, Double(i + 1)) - max(x0, Double(i)))) }
            spans.append((start, covered))
        }
        let taps = spans.map(\.weights.count).max() ?? 1
        var weights = [Int](repeating: 0, count: output * taps)
        for (o, span) in spans.enumerated() {
            let total = span.weights.reduce(0, +)
            var given = 0
            for (t, w) in span.weights.enumerated() {
                let value = t == span.weights.count - 1 ? 65536 - given : Int((w / total * 65536).rounded())
                weights[o * taps + t] = value
                given += value
            }
        }
        self.offsets = (0..<(output * taps)).map { min(spans[$0 / taps].first + $0 % taps, input - 1) * 3 }
        self.taps = taps
        self.weights = weights
    }
}
