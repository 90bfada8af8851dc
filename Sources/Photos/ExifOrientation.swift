/// How a camera says its stored pixels must be turned to be seen upright: the EXIF Orientation
/// tag (0x0112), 1–8. Phones store the sensor's rows as they come and write this tag instead of
/// rotating the pixels.
public enum ExifOrientation: Int, Sendable, Equatable, CaseIterable {
    /// Stored upright.
    case up = 1
    /// Mirrored left to right.
    case upMirrored = 2
    /// Upside down (turned 180°).
    case down = 3
    /// Mirrored top to bottom.
    case downMirrored = 4
    /// Mirrored across the top-left to bottom-right diagonal (transposed).
    case leftMirrored = 5
    /// Must be turned 90° clockwise to be upright (a phone held upright, the usual portrait photo).
    case right = 6
    /// Mirrored across the top-right to bottom-left diagonal (transversed).
    case rightMirrored = 7
    /// Must be turned 90° counter-clockwise to be upright.
    case left = 8

    /// True when turning the photo upright swaps its width and height (5–8).
    public var swapsSides: Bool { rawValue >= 5 }

    /// The upright size of a photo stored `width`×`height`.
    public func uprightSize(width: Int, height: Int) -> (width: Int, height: Int) {
        swapsSides ? (height, width) : (width, height)
    }

    /// Where the stored pixel (`x`, `y`) of a `width`×`height` photo lands in the upright photo.
    public func uprightPosition(x: Int, y: Int, width: Int, height: Int) -> (x: Int, y: Int) {
        switch self {
        case .up: return (x, y)
        case .upMirrored: return (width - 1 - x, y)
        case .down: return (width - 1 - x, height - 1 - y)
        case .downMirrored: return (x, height - 1 - y)
        case .leftMirrored: return (y, x)
        case .right: return (height - 1 - y, x)
        case .rightMirrored: return (height - 1 - y, width - 1 - x)
        case .left: return (y, width - 1 - x)
        }
    }

    /// The Orientation tag of a photo's EXIF data (the TIFF structure inside a JPEG's "Exif" APP1
    /// marker, from its "II"/"MM" byte-order mark): nil when there is no tag in the first image
    /// directory, its value is outside 1–8, or the structure is cut short. Reads only what it
    /// bounds-checks, so any bytes are safe to give it.
    public static func read(exif: [UInt8]) -> ExifOrientation? {
        guard exif.count >= 8 else { return nil }
        let bigEndian: Bool
        switch (exif[0], exif[1]) {
        case (0x49, 0x49): bigEndian = false   // "II", Intel
        case (0x4D, 0x4D): bigEndian = true    // "MM", Motorola
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= exif.count else { return nil }
            let a = Int(exif[at]), b = Int(exif[at + 1])
            return bigEndian ? a << 8 | b : b << 8 | a
        }
        func u32(_ at: Int) -> Int? {
            guard let high = u16(bigEndian ? at : at + 2), let low = u16(bigEndian ? at + 2 : at) else { return nil }
            return high << 16 | low
        }
        guard u16(2) == 42, let directory = u32(4), let count = u16(directory) else { return nil }
        for index in 0..<count {
            let entry = directory + 2 + index * 12
            guard let tag = u16(entry) else { return nil }
            guard tag == 0x0112 else { continue }
            // Type SHORT (3), count 1: the value sits in the first two bytes of the value field.
            guard u16(entry + 2) == 3, let value = u16(entry + 8) else { return nil }
            return ExifOrientation(rawValue: value)
        }
        return nil
    }
}
