/// An 8-bit RGB colour.
public struct RGB: Sendable, Equatable, Hashable {
    /// Red, 0–255.
    public var r: UInt8
    /// Green, 0–255.
    public var g: UInt8
    /// Blue, 0–255.
    public var b: UInt8

    /// A colour from its three bytes.
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// From components in 0…1 (clamped, rounded).
    public init(unit r: Double, _ g: Double, _ b: Double) {
        self.init(RGB.byte(r), RGB.byte(g), RGB.byte(b))
    }

    /// 0…1 → 0…255, clamped and rounded half up.
    static func byte(_ value: Double) -> UInt8 {
        if !(value > 0) { return 0 }
        if value >= 1 { return 255 }
        return UInt8(value * 255 + 0.5)
    }

    /// The box colours in order (first box, second box …), distinct and readable on bread and tray.
    public static let boxPalette: [RGB] = [
        RGB(230, 40, 40),    // red
        RGB(30, 110, 230),   // blue
        RGB(20, 170, 60),    // green
        RGB(245, 190, 0),    // yellow (BakeryScan's "please confirm")
        RGB(200, 50, 200),   // magenta
        RGB(0, 180, 190),    // cyan
        RGB(240, 120, 0),    // orange
        RGB(90, 90, 90),     // grey
    ]

    /// The palette colour for box number `index` (0-based), cycling.
    public static func box(_ index: Int) -> RGB { boxPalette[((index % boxPalette.count) + boxPalette.count) % boxPalette.count] }
}
