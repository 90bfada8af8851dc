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
    /// at least 1), by area averaging; unchanged when it is no longer than that already.
    public func reduced(toLongerSide longerSide: Int) -> Photo {
        let longer = max(width, height)
        guard longerSide > 0, longer > longerSide else { return self }
        let shorter = max(1, (min(width, height) * longerSide + longer / 2) / longer)
        let small = width >= height ? resized(width: longerSide, height: shorter) : resized(width: shorter, height: longerSide)
        return Photo(checkedWidth: small.width, height: small.height, pixels: small.pixels, format: format)
    }
}
