import PanyaSupport

/// Drawing detection boxes onto a photo (`show --out FILE.jpg`).
public enum BoxDrawing {
    /// `photo` with each box's outline in its colour and a tag at its top-left corner: the box's
    /// number (1, 2, 3 …, matching the legend), then the label if it is ASCII, then the confidence.
    /// Japanese labels are not drawn (the built-in font is ASCII); the number points to the legend.
    public static func drawBoxes(_ photo: Photo, boxes: [AnnotatedBox]) -> Photo {
        var canvas = Canvas(photo: photo)
        let side = Double(min(photo.width, photo.height))
        let thickness = max(2, (side / 160).rounded())
        let scale = max(1, Int((side / 300).rounded()))
        for (index, item) in boxes.enumerated() {
            guard let rect = item.pixelRect(width: photo.width, height: photo.height) else { continue }
            canvas.strokeRect(x: rect.x, y: rect.y, width: rect.width, height: rect.height, thickness: thickness, color: item.color)
            let tag = tagText(number: index + 1, item: item)
            let textWidth = Double(BitmapFont.width(of: tag, scale: scale))
            let tagHeight = Double(BitmapFont.glyphHeight * scale + 2 * scale)
            let tagWidth = textWidth + Double(2 * scale)
            // Above the box when there is room, else just inside its top edge.
            var tagY = rect.y - tagHeight
            if tagY < 0 { tagY = rect.y }
            let tagX = max(0, min(Double(photo.width) - tagWidth, rect.x))
            canvas.fillRect(x: tagX, y: tagY, width: tagWidth, height: tagHeight, color: item.color)
            canvas.drawText(tag, x: Int(tagX) + scale, y: Int(tagY) + scale, scale: scale, color: textColor(on: item.color))
        }
        return canvas.photo
    }

    /// "1 anpan 77.54%": the label if it is ASCII, the bread's name in letters for the breads panya
    /// knows (あんぱん → anpan), a kana label spelt in letters; else only the number (see the legend).
    static func tagText(number: Int, item: AnnotatedBox) -> String {
        var parts = [String(number)]
        if let name = drawableName(item.label) { parts.append(name) }
        if let confidence = item.confidence { parts.append(NumberText.confidence(confidence)) }
        return parts.joined(separator: " ")
    }

    /// A label the ASCII font can draw: itself, a known bread's romaji, or kana spelt in letters.
    static func drawableName(_ label: String) -> String? {
        if label.isEmpty { return nil }
        if BitmapFont.canDraw(label) { return label }
        if let kind = BreadKind(label: label) { return kind.rawValue }
        let spelt = Romaji.spell(label)
        return spelt.flatMap { BitmapFont.canDraw($0) && !$0.isEmpty ? $0 : nil }
    }

    /// White on dark colours, black on light ones.
    static func textColor(on color: RGB) -> RGB {
        let luma = 0.299 * Double(color.r) + 0.587 * Double(color.g) + 0.114 * Double(color.b)
        return luma > 150 ? RGB(0, 0, 0) : RGB(255, 255, 255)
    }

    /// Writes the annotated photo to `path` as a JPEG or a PNG.
    public static func writeAnnotated(_ photo: Photo, boxes: [AnnotatedBox], to path: String, format: ImageFormat, quality: Int = 90) throws(PhotoError) {
        let drawn = drawBoxes(photo, boxes: boxes)
        try Photo.write(format == .png ? drawn.encodePNG() : drawn.encodeJPEG(quality: quality), to: path)
    }
}
