import Photos
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
    /// For an あんぱん: how far its navel sits from the centre, as a share of the radius
    /// (0.4 is clearly off-centre), in a direction the seed picks; nil keeps the usual,
    /// nearly centred navel.
    public var navelOffset: Double?

    /// A bread of `kind` inside `box`, turned by `rotation` radians.
    public init(kind: BreadKind, box: BoundingBox, rotation: Double = 0, seed: UInt64 = 1, navelOffset: Double? = nil) {
        self.kind = kind
        self.box = box
        self.rotation = rotation
        self.seed = seed
        self.navelOffset = navelOffset
    }
}

/// Something on the tray that is not one of the lesson's breads, to check that a model does
/// not call everything a bread.
public enum DecoyKind: String, Sendable, CaseIterable, Equatable, Hashable {
    /// A rice ball: a white rounded triangle with a band of black nori.
    case onigiri
    /// A folded paper napkin: a light-blue gingham square.
    case napkin
}

/// One decoy on a tray, drawn inside its box like a bread.
public struct DecoyPlacement: Sendable, Equatable {
    /// Which decoy.
    public var kind: DecoyKind
    /// The box it is drawn inside (ratios of the image); it touches all four sides.
    public var box: BoundingBox
    /// Turn inside its box, in radians.
    public var rotation: Double
    /// Varies its details.
    public var seed: UInt64

    /// A decoy of `kind` inside `box`, turned by `rotation` radians.
    public init(kind: DecoyKind, box: BoundingBox, rotation: Double = 0, seed: UInt64 = 1) {
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
    /// Turn of the tray on the table, in radians (0: square to the photo). A turned tray is
    /// shrunk to stay inside the photo; place the breads inside it.
    public var trayRotation: Double
    /// Things on the tray that are not breads (drawn before the breads, so under them).
    public var decoys: [DecoyPlacement]

    /// A tray photo of `width`×`height` with `breads`.
    public init(width: Int = 1280, height: Int = 960, breads: [BreadPlacement], seed: UInt64 = 1, light: Double = 1, warmth: Double = 0,
                trayRotation: Double = 0, decoys: [DecoyPlacement] = []) {
        self.width = width
        self.height = height
        self.breads = breads
        self.seed = seed
        self.light = light
        self.warmth = warmth
        self.trayRotation = trayRotation
        self.decoys = decoys
    }
}
