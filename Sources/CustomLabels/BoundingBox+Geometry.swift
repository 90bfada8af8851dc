/// Geometry of boxes given as ratios of the image: area, overlap, clamping, pixels.
extension BoundingBox {
    /// The right edge (left + width).
    public var right: Double { left + width }
    /// The bottom edge (top + height).
    public var bottom: Double { top + height }
    /// Width × height (0 for an empty or inverted box).
    public var area: Double { max(0, width) * max(0, height) }

    /// The overlapping part of two boxes, or nil when they do not overlap.
    public func intersection(_ other: BoundingBox) -> BoundingBox? {
        let l = max(left, other.left), t = max(top, other.top)
        let r = min(right, other.right), b = min(bottom, other.bottom)
        guard r > l, b > t else { return nil }
        return BoundingBox(width: r - l, height: b - t, left: l, top: t)
    }

    /// Intersection over union, 0…1 (0 when either box is empty).
    public func intersectionOverUnion(_ other: BoundingBox) -> Double {
        guard let overlap = intersection(other) else { return 0 }
        let union = area + other.area - overlap.area
        return union > 0 ? overlap.area / union : 0
    }

    /// The part of the box inside the image (0…1 on both axes); nil when nothing is left.
    public var clampedToImage: BoundingBox? { intersection(BoundingBox(width: 1, height: 1, left: 0, top: 0)) }

    /// The same box in pixels of a `imageWidth` × `imageHeight` image.
    public func pixels(imageWidth: Int, imageHeight: Int) -> (left: Double, top: Double, width: Double, height: Double) {
        (left * Double(imageWidth), top * Double(imageHeight), width * Double(imageWidth), height * Double(imageHeight))
    }

    /// A box from pixel coordinates in a `imageWidth` × `imageHeight` image.
    public init(pixelLeft: Double, top: Double, width: Double, height: Double, imageWidth: Int, imageHeight: Int) {
        let w = Double(max(1, imageWidth)), h = Double(max(1, imageHeight))
        self.init(width: width / w, height: height / h, left: pixelLeft / w, top: top / h)
    }
}
