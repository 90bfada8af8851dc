import CustomLabels

/// A box to draw on a photo: where (ratios of the image), what label, how sure, in which colour.
public struct AnnotatedBox: Sendable, Equatable {
    /// Ratios of the image (Width, Height, Left, Top); nil for a label about the whole photo.
    public var box: BoundingBox?
    /// The label's name, as the model returned it.
    public var label: String
    /// 0–100, when known.
    public var confidence: Double?
    /// The outline's and legend swatch's colour.
    public var color: RGB

    /// A box with its label, optional confidence and colour.
    public init(box: BoundingBox?, label: String, confidence: Double? = nil, color: RGB) {
        self.box = box
        self.label = label
        self.confidence = confidence
        self.color = color
    }

    /// One box per label, coloured from `RGB.boxPalette` in order (first red, then blue, green …).
    public static func from(_ labels: [CustomLabel]) -> [AnnotatedBox] {
        labels.enumerated().map { index, label in
            AnnotatedBox(box: label.boundingBox, label: label.name, confidence: label.confidence, color: RGB.box(index))
        }
    }

    /// The box in pixels of a `width`×`height` picture, clamped to it:
    /// (x, y, width, height), or nil when there is no box or nothing of it is inside.
    public func pixelRect(width: Int, height: Int) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let box else { return nil }
        let w = Double(width), h = Double(height)
        let x0 = max(0, min(w, box.left * w)), y0 = max(0, min(h, box.top * h))
        let x1 = max(0, min(w, (box.left + box.width) * w)), y1 = max(0, min(h, (box.top + box.height) * h))
        guard x1 > x0, y1 > y0 else { return nil }
        return (x0, y0, x1 - x0, y1 - y0)
    }
}

