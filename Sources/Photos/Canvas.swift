/// A picture to draw on: packed RGB8 pixels with anti-aliased shapes, lines, text, noise and
/// blending. Coordinates are pixels with (0, 0) the top-left corner of the top-left pixel.
public struct Canvas: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height * 3` bytes, rows top to bottom.
    public private(set) var pixels: [UInt8]

    /// A canvas of `width`×`height` (at least 1×1) filled with `color`.
    public init(width: Int, height: Int, color: RGB = RGB(255, 255, 255)) {
        self.width = max(1, width)
        self.height = max(1, height)
        pixels = []
        pixels.reserveCapacity(self.width * self.height * 3)
        for _ in 0..<(self.width * self.height) {
            pixels.append(color.r)
            pixels.append(color.g)
            pixels.append(color.b)
        }
    }

    /// A canvas holding a copy of `photo`'s pixels.
    public init(photo: Photo) {
        width = photo.width
        height = photo.height
        pixels = photo.pixels
    }

    /// The picture as a photo (format nil: drawn, not decoded).
    public var photo: Photo { Photo(checkedWidth: width, height: height, pixels: pixels, format: nil) }

    /// The colour at (`x`, `y`), or nil outside the canvas.
    public func pixel(x: Int, y: Int) -> RGB? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let i = (y * width + x) * 3
        return RGB(pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// Paints the whole canvas `color`.
    public mutating func fill(_ color: RGB) {
        for i in stride(from: 0, to: pixels.count, by: 3) {
            pixels[i] = color.r
            pixels[i + 1] = color.g
            pixels[i + 2] = color.b
        }
    }

    /// Mixes `color` into the pixel (`x`, `y`) by `alpha` (0 none … 1 replace); ignores points outside.
    public mutating func blend(x: Int, y: Int, color: RGB, alpha: Double) {
        guard x >= 0, y >= 0, x < width, y < height, alpha > 0 else { return }
        let a = min(1, alpha)
        let i = (y * width + x) * 3
        pixels[i] = Canvas.mix(pixels[i], color.r, a)
        pixels[i + 1] = Canvas.mix(pixels[i + 1], color.g, a)
        pixels[i + 2] = Canvas.mix(pixels[i + 2], color.b, a)
    }

    @inline(__always) static func mix(_ a: UInt8, _ b: UInt8, _ t: Double) -> UInt8 {
        let value = Double(a) + (Double(b) - Double(a)) * t
        return UInt8(max(0, min(255, value + 0.5)))
    }

    /// Covers pixels in the given bounds by `coverage(px, py)` (0…1 at pixel centres) times `alpha`.
    mutating func paint(minX: Double, minY: Double, maxX: Double, maxY: Double, color: RGB, alpha: Double,
                        coverage: (Double, Double) -> Double) {
        let x0 = max(0, Int(minX.rounded(.down)) - 1), y0 = max(0, Int(minY.rounded(.down)) - 1)
        let x1 = min(width, Int(maxX.rounded(.up)) + 1), y1 = min(height, Int(maxY.rounded(.up)) + 1)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 {
                let c = coverage(Double(x) + 0.5, Double(y) + 0.5)
                if c > 0 { blend(x: x, y: y, color: color, alpha: c * alpha) }
            }
        }
    }

    /// Fills the axis-aligned rectangle (pixel edges, anti-aliased at fractional edges).
    public mutating func fillRect(x: Double, y: Double, width w: Double, height h: Double, color: RGB, alpha: Double = 1) {
        guard w > 0, h > 0 else { return }
        paint(minX: x, minY: y, maxX: x + w, maxY: y + h, color: color, alpha: alpha) { px, py in
            let cx = StableMath.clamp01(min(px + 0.5, x + w) - max(px - 0.5, x))
            let cy = StableMath.clamp01(min(py + 0.5, y + h) - max(py - 0.5, y))
            return cx * cy
        }
    }

    /// Draws the rectangle's outline `thickness` pixels wide, inside its edges.
    public mutating func strokeRect(x: Double, y: Double, width w: Double, height h: Double, thickness: Double,
                                    color: RGB, alpha: Double = 1) {
        let t = max(0, min(thickness, w / 2, h / 2))
        guard t > 0 else { return }
        fillRect(x: x, y: y, width: w, height: t, color: color, alpha: alpha)
        fillRect(x: x, y: y + h - t, width: w, height: t, color: color, alpha: alpha)
        fillRect(x: x, y: y + t, width: t, height: h - 2 * t, color: color, alpha: alpha)
        fillRect(x: x + w - t, y: y + t, width: t, height: h - 2 * t, color: color, alpha: alpha)
    }

    /// A straight line `thickness` pixels wide with round ends.
    public mutating func drawLine(x0: Double, y0: Double, x1: Double, y1: Double, thickness: Double, color: RGB, alpha: Double = 1) {
        let half = max(0.5, thickness / 2)
        let dx = x1 - x0, dy = y1 - y0
        let lengthSquared = dx * dx + dy * dy
        paint(minX: min(x0, x1) - half, minY: min(y0, y1) - half, maxX: max(x0, x1) + half, maxY: max(y0, y1) + half,
              color: color, alpha: alpha) { px, py in
            var t = lengthSquared > 0 ? ((px - x0) * dx + (py - y0) * dy) / lengthSquared : 0
            t = StableMath.clamp01(t)
            let ex = px - (x0 + t * dx), ey = py - (y0 + t * dy)
            let distance = (ex * ex + ey * ey).squareRoot()
            return StableMath.clamp01(half + 0.5 - distance)
        }
    }

    /// The ellipse's normalised radius at a point (1 on the outline) and pixels per unit radius.
    private static func ellipseRadius(_ px: Double, _ py: Double, cx: Double, cy: Double, rx: Double, ry: Double,
                                      cos c: Double, sin s: Double) -> Double {
        let dx = px - cx, dy = py - cy
        let u = (dx * c + dy * s) / rx
        let v = (-dx * s + dy * c) / ry
        return (u * u + v * v).squareRoot()
    }

    /// Fills an ellipse turned by `rotation` radians.
    public mutating func fillEllipse(centerX: Double, centerY: Double, radiusX: Double, radiusY: Double,
                                     rotation: Double = 0, color: RGB, alpha: Double = 1) {
        guard radiusX > 0, radiusY > 0 else { return }
        let turn = StableMath.sinCos(rotation)
        let reach = max(radiusX, radiusY)
        let scale = min(radiusX, radiusY)
        paint(minX: centerX - reach, minY: centerY - reach, maxX: centerX + reach, maxY: centerY + reach,
              color: color, alpha: alpha) { px, py in
            let r = Canvas.ellipseRadius(px, py, cx: centerX, cy: centerY, rx: radiusX, ry: radiusY, cos: turn.cos, sin: turn.sin)
            return StableMath.clamp01(0.5 - (r - 1) * scale)
        }
    }

    /// Draws an ellipse's outline `thickness` pixels wide, turned by `rotation` radians.
    public mutating func strokeEllipse(centerX: Double, centerY: Double, radiusX: Double, radiusY: Double,
                                       rotation: Double = 0, thickness: Double, color: RGB, alpha: Double = 1) {
        guard radiusX > 0, radiusY > 0 else { return }
        let turn = StableMath.sinCos(rotation)
        let reach = max(radiusX, radiusY) + thickness
        let scale = min(radiusX, radiusY)
        let half = max(0.5, thickness / 2)
        paint(minX: centerX - reach, minY: centerY - reach, maxX: centerX + reach, maxY: centerY + reach,
              color: color, alpha: alpha) { px, py in
            let r = Canvas.ellipseRadius(px, py, cx: centerX, cy: centerY, rx: radiusX, ry: radiusY, cos: turn.cos, sin: turn.sin)
            return StableMath.clamp01(half + 0.5 - abs(r - 1) * scale)
        }
    }

    /// Fills a rectangle of `width`×`height` centred at (`centerX`, `centerY`), turned by `rotation` radians.
    public mutating func fillRotatedRect(centerX: Double, centerY: Double, width w: Double, height h: Double,
                                         rotation: Double, color: RGB, alpha: Double = 1) {
        guard w > 0, h > 0 else { return }
        let turn = StableMath.sinCos(rotation)
        let reach = (w * w + h * h).squareRoot() / 2
        paint(minX: centerX - reach, minY: centerY - reach, maxX: centerX + reach, maxY: centerY + reach,
              color: color, alpha: alpha) { px, py in
            let dx = px - centerX, dy = py - centerY
            let u = dx * turn.cos + dy * turn.sin
            let v = -dx * turn.sin + dy * turn.cos
            let cu = StableMath.clamp01(w / 2 + 0.5 - abs(u))
            let cv = StableMath.clamp01(h / 2 + 0.5 - abs(v))
            return cu * cv
        }
    }

    /// Adds grain: each channel of each pixel moves by up to ±`amount` levels (seeded, repeatable).
    public mutating func addNoise(amount: Int, seed: UInt64) {
        guard amount > 0 else { return }
        var random = SplitMix64(seed: seed)
        let span = UInt64(2 * amount + 1)
        for i in pixels.indices {
            let delta = Int(random.next() % span) - amount
            pixels[i] = UInt8(max(0, min(255, Int(pixels[i]) + delta)))
        }
    }

    /// Modulates brightness in a rectangle with smooth value noise (features `scale` pixels
    /// across, ±`strength` of the brightness): a simple texture for crusts, wood, cloth.
    public mutating func texture(x: Int, y: Int, width w: Int, height h: Int, scale: Double, strength: Double, seed: UInt64) {
        let noise = ValueNoise(seed: seed)
        let x0 = max(0, x), y0 = max(0, y), x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1, scale > 0 else { return }
        for py in y0..<y1 {
            for px in x0..<x1 {
                let factor = 1 + strength * (2 * noise.sample(Double(px) / scale, Double(py) / scale) - 1)
                let i = (py * width + px) * 3
                for c in 0..<3 { pixels[i + c] = UInt8(max(0, min(255, Double(pixels[i + c]) * factor + 0.5))) }
            }
        }
    }

    /// Draws ASCII `text` with the built-in 5×7 font, each font pixel `scale`×`scale`, its top
    /// left at (`x`, `y`). Characters the font lacks are drawn as `?`.
    public mutating func drawText(_ text: String, x: Int, y: Int, scale: Int = 1, color: RGB) {
        let s = max(1, scale)
        var penX = x
        for character in text {
            let rows = BitmapFont.rows(for: character)
            for (row, bits) in rows.enumerated() {
                for column in 0..<BitmapFont.glyphWidth where bits & (0x10 >> UInt8(column)) != 0 {
                    for dy in 0..<s {
                        for dx in 0..<s {
                            blend(x: penX + column * s + dx, y: y + row * s + dy, color: color, alpha: 1)
                        }
                    }
                }
            }
            penX += (BitmapFont.glyphWidth + 1) * s
        }
    }
}
