import CustomLabels
import Photos

/// A photo at the engine's working scale (longest side at most `WorkingImage.targetSide`):
/// packed 8-bit RGB, and how many photo pixels one working pixel stands for.
public struct WorkingImage: Sendable, Equatable {
    /// The longest side the engine works at.
    public static let targetSide = 320

    /// Width in working pixels.
    public let width: Int
    /// Height in working pixels.
    public let height: Int
    /// `width * height * 3` bytes, R, G, B, rows top to bottom.
    public let pixels: [UInt8]
    /// Photo pixels per working pixel along each axis (1 = the photo itself).
    public let factor: Int
    /// The photo's own size.
    public let photoWidth: Int
    /// The photo's own height.
    public let photoHeight: Int

    /// Builds a working image from raw pixels (already reduced by `factor`).
    public init(width: Int, height: Int, pixels: [UInt8], factor: Int, photoWidth: Int, photoHeight: Int) {
        self.width = width
        self.height = height
        self.pixels = pixels
        self.factor = factor
        self.photoWidth = photoWidth
        self.photoHeight = photoHeight
    }

    /// The photo reduced by a whole factor with a box filter (integer sums, rounded averages),
    /// so that its longest side is at most `targetSide`. The one place the engine downsamples:
    /// swap it for a reduced-scale decode when the codecs offer one.
    public init(photo: Photo, targetSide: Int = WorkingImage.targetSide) {
        let longest = max(photo.width, photo.height)
        let f = max(1, (longest + targetSide - 1) / targetSide)
        let w = (photo.width + f - 1) / f, h = (photo.height + f - 1) / f
        if f == 1 {
            self.init(width: photo.width, height: photo.height, pixels: photo.pixels, factor: 1,
                      photoWidth: photo.width, photoHeight: photo.height)
            return
        }
        var out = [UInt8](repeating: 0, count: w * h * 3)
        var sums = [Int](repeating: 0, count: w * 3)
        let pw = photo.width, ph = photo.height
        photo.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                sums.withUnsafeMutableBufferPointer { sum in
                    for oy in 0..<h {
                        for i in 0..<(w * 3) { sum[i] = 0 }
                        let y0 = oy * f, y1 = min(ph, y0 + f)
                        for y in y0..<y1 {
                            let row = y * pw * 3
                            for ox in 0..<w {
                                let x0 = ox * f, x1 = min(pw, x0 + f)
                                var r = 0, g = 0, b = 0
                                var i = row + x0 * 3
                                for _ in x0..<x1 {
                                    r &+= Int(src[i]); g &+= Int(src[i + 1]); b &+= Int(src[i + 2])
                                    i += 3
                                }
                                sum[ox * 3] &+= r; sum[ox * 3 + 1] &+= g; sum[ox * 3 + 2] &+= b
                            }
                        }
                        for ox in 0..<w {
                            let n = max(1, (min(pw, ox * f + f) - ox * f) * (y1 - y0)), o = (oy * w + ox) * 3
                            dst[o] = UInt8((sum[ox * 3] + n / 2) / n)
                            dst[o + 1] = UInt8((sum[ox * 3 + 1] + n / 2) / n)
                            dst[o + 2] = UInt8((sum[ox * 3 + 2] + n / 2) / n)
                        }
                    }
                }
            }
        }
        self.init(width: w, height: h, pixels: out, factor: f, photoWidth: pw, photoHeight: ph)
    }

    /// A box of working pixels [x0, x1) × [y0, y1) as ratios of the photo.
    public func box(x0: Int, y0: Int, x1: Int, y1: Int) -> BoundingBox {
        let pw = Double(photoWidth), ph = Double(photoHeight)
        let left = Double(x0 * factor) / pw, top = Double(y0 * factor) / ph
        let right = min(1, Double(x1 * factor) / pw), bottom = min(1, Double(y1 * factor) / ph)
        return BoundingBox(width: right - left, height: bottom - top, left: left, top: top)
    }
}

