/// What a region looks like, as numbers that survive the tray's rotation and the light:
/// colour normalised by the tray's colour, texture (rotation-invariant local binary patterns,
/// gradient strength) and shape (size on the tray, elongation, fill, radial profile).
public enum BreadFeatures {
    /// How many numbers `extract` returns.
    public static let count = 63

    /// The pixels (working-scale indices) of a region.
    static func pixels(of region: BreadRegion, in segmentation: BreadSegmentation) -> [Int] {
        let w = segmentation.image.width
        var result: [Int] = []
        result.reserveCapacity(region.area)
        let value = Int32(region.number)
        for y in region.y0..<region.y1 {
            for x in region.x0..<region.x1 where segmentation.labels[y * w + x] == value {
                result.append(y * w + x)
            }
        }
        return result
    }

    /// The features of region `region` of `segmentation`.
    public static func extract(region: BreadRegion, in segmentation: BreadSegmentation) -> [Double] {
        extract(pixels: pixels(of: region, in: segmentation), in: segmentation)
    }

    /// The features of an arbitrary set of working pixels (indices into the working image).
    static func extract(pixels members: [Int], in segmentation: BreadSegmentation) -> [Double] {
        let image = segmentation.image, w = image.width, h = image.height
        let tray = segmentation.tray
        var features: [Double] = []
        features.reserveCapacity(count)
        let m = max(1, members.count)
        let inv = 1 / Double(m)
        var inside = [Bool](repeating: false, count: w * h)
        for i in members { inside[i] = true }
        // Colour, white-balanced by the tray: brightness L (1 = the tray) and two chromaticities.
        var lum = [Double](repeating: 0, count: members.count)
        var ca = [Double](repeating: 0, count: members.count)
        var cb = [Double](repeating: 0, count: members.count)
        let p = image.pixels
        for (k, i) in members.enumerated() {
            let r = Double(p[i * 3]) / max(1, tray.r), g = Double(p[i * 3 + 1]) / max(1, tray.g), b = Double(p[i * 3 + 2]) / max(1, tray.b)
            let s = r + g + b
            lum[k] = s / 3
            if s > 0.05 { ca[k] = (r - g) / s; cb[k] = (r + g - 2 * b) / s }
        }
        for values in [lum, ca, cb] {
            var sum = 0.0, squares = 0.0
            for v in values { sum += v; squares += v * v }
            let mean = sum * inv
            features.append(mean)
            features.append(max(0, squares * inv - mean * mean).squareRoot())
        }
        var meanLum = 0.0
        for v in lum { meanLum += v }
        meanLum *= inv
        // Brightness histogram (6 bins) and chromaticity histogram (5 × 3 bins), as fractions.
        var lumBins = [Double](repeating: 0, count: 6)
        var chromaBins = [Double](repeating: 0, count: 15)
        for k in members.indices {
            let l = lum[k]
            let lb = l < 0.2 ? 0 : l < 0.35 ? 1 : l < 0.5 ? 2 : l < 0.65 ? 3 : l < 0.8 ? 4 : 5
            lumBins[lb] += inv
            let a = ca[k], c = cb[k]
            let ab = a < 0 ? 0 : a < 0.1 ? 1 : a < 0.2 ? 2 : a < 0.35 ? 3 : 4
            let cbin = c < 0.3 ? 0 : c < 0.55 ? 1 : 2
            chromaBins[ab * 3 + cbin] += inv
        }
        features += lumBins
        features += chromaBins
        // Texture, measured on the region resampled to a standard size (so a bread photographed
        // larger or smaller gives the same numbers): uniform rotation-invariant LBP at radius 1
        // and 2 (10 bins each), and gradient strength relative to the local brightness.
        let patch = TexturePatch(members: members, in: segmentation)
        let pwid = patch.width, phei = patch.height
        for radius in [1, 2] {
            var bins = [Double](repeating: 0, count: 10)
            var total = 0.0
            let offsets = [(radius, 0), (radius, radius), (0, radius), (-radius, radius),
                           (-radius, 0), (-radius, -radius), (0, -radius), (radius, -radius)]
            if pwid > 2 * radius && phei > 2 * radius {
                for y in radius..<(phei - radius) {
                    for x in radius..<(pwid - radius) {
                        let i = y * pwid + x
                        if !patch.inside[i] { continue }
                        var interior = true
                        for (dx, dy) in offsets where !patch.inside[(y + dy) * pwid + x + dx] { interior = false; break }
                        if !interior { continue }
                        let centre = patch.grey[i] * 1.015 + 1.5
                        var code = 0
                        for (k, (dx, dy)) in offsets.enumerated() where patch.grey[(y + dy) * pwid + x + dx] >= centre { code |= 1 << k }
                        let ones = code.nonzeroBitCount
                        let turned = ((code << 1) | (code >> 7)) & 0xFF
                        let transitions = (code ^ turned).nonzeroBitCount
                        bins[transitions <= 2 ? ones : 9] += 1
                        total += 1
                    }
                }
            }
            for k in 0..<10 { features.append(total > 0 ? bins[k] / total : 0) }
        }
        var gradientSum = 0.0, gradientSquares = 0.0, gradientCount = 0.0
        if pwid > 2 && phei > 2 {
            let g = patch.grey
            for y in 1..<(phei - 1) {
                for x in 1..<(pwid - 1) {
                    let i = y * pwid + x
                    if !(patch.inside[i] && patch.inside[i - 1] && patch.inside[i + 1] && patch.inside[i - pwid] && patch.inside[i + pwid]) { continue }
                    let gx = (g[i - pwid + 1] + 2 * g[i + 1] + g[i + pwid + 1]) - (g[i - pwid - 1] + 2 * g[i - 1] + g[i + pwid - 1])
                    let gy = (g[i + pwid - 1] + 2 * g[i + pwid] + g[i + pwid + 1]) - (g[i - pwid - 1] + 2 * g[i - pwid] + g[i - pwid + 1])
                    let magnitude = (gx * gx + gy * gy).squareRoot() / (8 * max(8, g[i]))
                    gradientSum += magnitude
                    gradientSquares += magnitude * magnitude
                    gradientCount += 1
                }
            }
        }
        let gradientMean = gradientCount > 0 ? gradientSum / gradientCount : 0
        features.append(gradientMean)
        features.append(gradientCount > 0 ? max(0, gradientSquares / gradientCount - gradientMean * gradientMean).squareRoot() : 0)
        // Shape: size on the tray, elongation and fill of the moment ellipse.
        var sx = 0.0, sy = 0.0
        for i in members { sx += Double(i % w); sy += Double(i / w) }
        let cx = sx * inv, cy = sy * inv
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for i in members {
            let dx = Double(i % w) - cx, dy = Double(i / w) - cy
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy
        }
        sxx = sxx * inv + 1.0 / 12; syy = syy * inv + 1.0 / 12; sxy *= inv
        let trace = sxx + syy, det = max(1e-9, sxx * syy - sxy * sxy)
        let root = max(0, trace * trace / 4 - det).squareRoot()
        let major = trace / 2 + root, minor = max(1e-9, trace / 2 - root)
        features.append(Double(members.count) / Double(max(1, segmentation.trayArea)))
        features.append((major / minor).squareRoot())
        features.append(Double(members.count) / (4 * 3.141592653589793 * det.squareRoot()))
        // Radial profile in the ellipse's own frame (0 centre … 1 outline): mean brightness
        // relative to the region's, and the share of dark pixels, in four rings.
        var ringLum = [Double](repeating: 0, count: 4)
        var ringDark = [Double](repeating: 0, count: 4)
        var ringCount = [Double](repeating: 0, count: 4)
        let ixx = syy / det, iyy = sxx / det, ixy = -sxy / det
        for (k, i) in members.enumerated() {
            let dx = Double(i % w) - cx, dy = Double(i / w) - cy
            let r2 = (dx * dx * ixx + 2 * dx * dy * ixy + dy * dy * iyy) / 4
            let ring = r2 < 0.09 ? 0 : r2 < 0.36 ? 1 : r2 < 0.7225 ? 2 : 3
            ringLum[ring] += lum[k]
            if lum[k] < 0.6 * meanLum { ringDark[ring] += 1 }
            ringCount[ring] += 1
        }
        for ring in 0..<4 {
            let c = max(1, ringCount[ring])
            features.append(ringCount[ring] > 0 ? ringLum[ring] / c / max(0.01, meanLum) : 1)
        }
        for ring in 0..<4 { features.append(ringDark[ring] / max(1, ringCount[ring])) }
        // Where the darkest twentieth lies, relative to the centre (0 centred … 1 at the outline).
        let darkest = members.indices.sorted { lum[$0] != lum[$1] ? lum[$0] < lum[$1] : $0 < $1 }
        let take = max(1, members.count / 20)
        var dxSum = 0.0, dySum = 0.0
        for k in darkest.prefix(take) {
            dxSum += Double(members[k] % w) - cx
            dySum += Double(members[k] / w) - cy
        }
        let ox = dxSum / Double(take), oy = dySum / Double(take)
        features.append(((ox * ox * ixx + 2 * ox * oy * ixy + oy * oy * iyy) / 4).squareRoot())
        // Share of strongly red and green pixels (red ginger, green flakes).
        var red = 0.0, green = 0.0
        for k in members.indices {
            if ca[k] > 0.42 { red += inv }
            if ca[k] < -0.1 && lum[k] > 0.15 { green += inv }
        }
        features.append(red)
        features.append(green)
        if members.isEmpty { return [Double](repeating: 0, count: count) }
        return features
    }
}

/// A region's grey levels resampled (bilinear) so that its equivalent radius is
/// `TexturePatch.radius` pixels, with which patch pixels belong to the region.
struct TexturePatch {
    /// The standard equivalent radius, in patch pixels.
    static let radius = 24.0
    let width: Int
    let height: Int
    let grey: [Double]
    let inside: [Bool]

    init(members: [Int], in segmentation: BreadSegmentation) {
        let image = segmentation.image, w = image.width, h = image.height
        var x0 = w, y0 = h, x1 = 0, y1 = 0
        for i in members {
            let x = i % w, y = i / w
            x0 = min(x0, x); x1 = max(x1, x + 1); y0 = min(y0, y); y1 = max(y1, y + 1)
        }
        if members.isEmpty { width = 0; height = 0; grey = []; inside = []; return }
        let equivalent = (Double(members.count) / 3.141592653589793).squareRoot()
        let scale = TexturePatch.radius / max(1, equivalent)
        let pw = max(1, Int((Double(x1 - x0) * scale).rounded(.up))), ph = max(1, Int((Double(y1 - y0) * scale).rounded(.up)))
        var member = [Bool](repeating: false, count: (x1 - x0) * (y1 - y0))
        for i in members { member[(i / w - y0) * (x1 - x0) + (i % w - x0)] = true }
        let p = image.pixels
        @inline(__always) func lum(_ x: Int, _ y: Int) -> Double {
            let cx = min(max(x, 0), w - 1), cy = min(max(y, 0), h - 1), i = (cy * w + cx) * 3
            return (Double(p[i]) * 77 + Double(p[i + 1]) * 150 + Double(p[i + 2]) * 29) / 256
        }
        var grey = [Double](repeating: 0, count: pw * ph)
        var inside = [Bool](repeating: false, count: pw * ph)
        for py in 0..<ph {
            let sy = Double(y0) + (Double(py) + 0.5) / scale - 0.5
            let fy = sy.rounded(.down), ty = sy - fy, iy = Int(fy)
            for px in 0..<pw {
                let sx = Double(x0) + (Double(px) + 0.5) / scale - 0.5
                let fx = sx.rounded(.down), tx = sx - fx, ix = Int(fx)
                let top = lum(ix, iy) * (1 - tx) + lum(ix + 1, iy) * tx
                let bottom = lum(ix, iy + 1) * (1 - tx) + lum(ix + 1, iy + 1) * tx
                grey[py * pw + px] = top * (1 - ty) + bottom * ty
                let nx = Int((sx + 0.5).rounded(.down)) - x0, ny = Int((sy + 0.5).rounded(.down)) - y0
                if nx >= 0 && ny >= 0 && nx < x1 - x0 && ny < y1 - y0 { inside[py * pw + px] = member[ny * (x1 - x0) + nx] }
            }
        }
        width = pw
        height = ph
        self.grey = grey
        self.inside = inside
    }
}
