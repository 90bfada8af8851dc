import Photos
/// A colour with components in 0…1 (and beyond, before clamping), for shading arithmetic.
struct Color3: Sendable, Equatable {
    var r: Double
    var g: Double
    var b: Double

    @inline(__always) init(_ r: Double, _ g: Double, _ b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    @inline(__always) init(_ rgb: RGB) {
        self.init(Double(rgb.r) / 255, Double(rgb.g) / 255, Double(rgb.b) / 255)
    }

    @inline(__always) static func * (c: Color3, k: Double) -> Color3 { Color3(c.r * k, c.g * k, c.b * k) }
    @inline(__always) static func + (a: Color3, b: Color3) -> Color3 { Color3(a.r + b.r, a.g + b.g, a.b + b.b) }

    /// `a` towards `b` by `t` (0 = a, 1 = b).
    @inline(__always) static func mix(_ a: Color3, _ b: Color3, _ t: Double) -> Color3 {
        Color3(a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t)
    }

    /// Rounded and clamped to 8 bits.
    var rgb: RGB { RGB(unit: r, g, b) }
}
