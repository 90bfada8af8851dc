/// Turning and mirroring a photo's pixels by an EXIF orientation.
extension Photo {
    /// The photo as a person sees it when its stored pixels carry `orientation`: turned and/or
    /// mirrored (width and height swap for 5–8). `.up` returns the photo unchanged.
    public func upright(_ orientation: ExifOrientation) -> Photo {
        if orientation == .up { return self }
        let size = orientation.uprightSize(width: width, height: height)
        var out = [UInt8](repeating: 0, count: pixels.count)
        let width = self.width, height = self.height, outWidth = size.width
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                // The upright position is linear in x along a stored row: start + x * step.
                for y in 0..<height {
                    let first = orientation.uprightPosition(x: 0, y: y, width: width, height: height)
                    let second = width > 1 ? orientation.uprightPosition(x: 1, y: y, width: width, height: height) : first
                    let start = (first.y * outWidth + first.x) * 3
                    let step = ((second.y - first.y) * outWidth + (second.x - first.x)) * 3
                    var o = start
                    var i = y * width * 3
                    for _ in 0..<width {
                        dst[o] = src[i]
                        dst[o + 1] = src[i + 1]
                        dst[o + 2] = src[i + 2]
                        o += step
                        i += 3
                    }
                }
            }
        }
        return Photo(checkedWidth: size.width, height: size.height, pixels: out, format: format)
    }
}
