import CustomLabels

/// One bread on a tray: what it is and the box it is drawn inside (ratios of the image, the
/// service's Width/Height/Left/Top). The bread touches the box on all four sides, so the box is
/// the one a labeller would draw.
public struct BreadPlacement: Sendable, Equatable {
    /// Which bread.
    public var kind: BreadKind
    /// The box the bread is drawn inside (ratios of the image).
    public var box: BoundingBox
    /// Turn of the bread inside its box, in radians (the shape is turned, then fitted to the box).
    public var rotation: Double
    /// Varies the bread's details (sesame, crust, filling, shading).
    public var seed: UInt64

    /// A bread of `kind` inside `box`, turned by `rotation` radians.
    public init(kind: BreadKind, box: BoundingBox, rotation: Double = 0, seed: UInt64 = 1) {
        self.kind = kind
        self.box = box
        self.rotation = rotation
        self.seed = seed
    }
}

/// A tray photo to draw: its size, the breads and the light.
public struct TraySpec: Sendable, Equatable {
    /// Picture width in pixels.
    public var width: Int
    /// Picture height in pixels.
    public var height: Int
    /// The breads, drawn in this order (later ones on top).
    public var breads: [BreadPlacement]
    /// Varies the table, the tray and the grain.
    public var seed: UInt64
    /// Overall brightness (1 = normal; 0.85 dim … 1.1 bright).
    public var light: Double
    /// Colour temperature shift (−1 cool … 0 neutral … 1 warm).
    public var warmth: Double

    /// A tray photo of `width`×`height` with `breads`.
    public init(width: Int = 1280, height: Int = 960, breads: [BreadPlacement], seed: UInt64 = 1, light: Double = 1, warmth: Double = 0) {
        self.width = width
        self.height = height
        self.breads = breads
        self.seed = seed
        self.light = light
        self.warmth = warmth
    }
}
