import CustomLabels

/// One bread (or thing) the segmenter found on the tray: its number in reading order, its box
/// as ratios of the photo, and where it lies at the working scale.
public struct BreadRegion: Sendable, Equatable {
    /// 1, 2, 3 … in reading order (rows top to bottom, left to right within a row).
    public let number: Int
    /// The proposed box (ratios of the photo: Width, Height, Left, Top).
    public let box: BoundingBox
    /// Working-scale pixel bounds, [x0, x1) × [y0, y1).
    public let x0: Int
    /// Top row (working scale).
    public let y0: Int
    /// One past the right column (working scale).
    public let x1: Int
    /// One past the bottom row (working scale).
    public let y1: Int
    /// Pixels of the region at the working scale.
    public let area: Int

    /// A region with its bounds and box.
    public init(number: Int, box: BoundingBox, x0: Int, y0: Int, x1: Int, y1: Int, area: Int) {
        self.number = number
        self.box = box
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
        self.area = area
    }
}

/// The tray's colour, estimated from the photo (0–255 per channel).
public struct TrayColor: Sendable, Equatable {
    /// Red.
    public let r: Double
    /// Green.
    public let g: Double
    /// Blue.
    public let b: Double

    /// A tray colour.
    public init(r: Double, g: Double, b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }
}

/// What the segmenter saw in one photo: the working image, the tray colour, the regions in
/// reading order, and per working pixel which region it belongs to.
public struct BreadSegmentation: Sendable {
    /// The photo at the working scale.
    public let image: WorkingImage
    /// The tray's colour.
    public let tray: TrayColor
    /// The regions, numbered 1… in reading order.
    public let regions: [BreadRegion]
    /// Per working pixel: the region's number, or 0.
    public let labels: [Int32]
    /// Per working pixel: not tray and not table (something lying on the tray).
    public let foreground: [Bool]
    /// Working pixels of the tray (everything but the table around it).
    public let trayArea: Int
}
