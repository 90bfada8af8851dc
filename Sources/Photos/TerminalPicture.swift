import PanyaSupport

/// A photo drawn in the terminal with its boxes and a legend, or — without colour — a plain
/// text list of the labels.
public enum TerminalPicture {
    /// The upper half block: foreground = upper pixel, background = lower pixel.
    static let halfBlock = "▀"
    static let reset = "\u{1B}[0m"

    /// Renders `photo` with `boxes`.
    ///
    /// With `color`: the photo scaled (area average) to `columns` wide (never enlarged), two pixel
    /// rows per text line as truecolor half blocks, each line ending with a reset; the boxes'
    /// outlines drawn in their colours; then a legend line per box (colour swatch, number, label,
    /// confidence). Without `color`: no escape codes at all, just the list (see `plainList`).
    /// `title` (e.g. the file name) heads the output when given.
    public static func render(_ photo: Photo, boxes: [AnnotatedBox], columns: Int, color: Bool,
                              title: String? = nil, language: UILanguage = .en) -> String {
        guard color else { return plainList(boxes: boxes, photoWidth: photo.width, photoHeight: photo.height, title: title, language: language) }
        let width = max(1, min(columns, photo.width))
        var height = Int((Double(width) * Double(photo.height) / Double(photo.width)).rounded())
        height = max(2, height + (height % 2))
        var canvas = Canvas(photo: photo.resized(width: width, height: height))
        for item in boxes {
            guard let rect = item.pixelRect(width: width, height: height) else { continue }
            canvas.strokeRect(x: rect.x.rounded(.down), y: rect.y.rounded(.down),
                              width: max(2, rect.width.rounded()), height: max(2, rect.height.rounded()),
                              thickness: 1, color: item.color)
        }
        var out = ""
        if let title { out += "\(title)  \(photo.width)×\(photo.height)\n" }
        for row in stride(from: 0, to: height, by: 2) {
            var lastTop: RGB? = nil, lastBottom: RGB? = nil
            for x in 0..<width {
                let top = canvas.pixel(x: x, y: row) ?? RGB(0, 0, 0)
                let bottom = canvas.pixel(x: x, y: row + 1) ?? top
                if top != lastTop { out += "\u{1B}[38;2;\(top.r);\(top.g);\(top.b)m"; lastTop = top }
                if bottom != lastBottom { out += "\u{1B}[48;2;\(bottom.r);\(bottom.g);\(bottom.b)m"; lastBottom = bottom }
                out += halfBlock
            }
            out += reset + "\n"
        }
        out += legend(boxes: boxes, language: language)
        return out
    }

    /// The legend under a colour picture: "██ 1  あんぱん  77.54%" per box, the swatch in the box's colour.
    static func legend(boxes: [AnnotatedBox], language: UILanguage) -> String {
        if boxes.isEmpty { return Catalog.photoNoLabels.text(language) + "\n" }
        let labelWidth = boxes.map { DisplayWidth.of($0.label) }.max() ?? 0
        var out = ""
        for (index, item) in boxes.enumerated() {
            let c = item.color
            var line = "\u{1B}[38;2;\(c.r);\(c.g);\(c.b)m██\(reset) \(index + 1)  " + DisplayWidth.padRight(item.label, to: labelWidth)
            if let confidence = item.confidence { line += "  " + DisplayWidth.padLeft(NumberText.confidence(confidence), to: 7) }
            out += trimRight(line) + "\n"
        }
        return out
    }

    /// The plain text form: an optional title line, then per box its number, label, confidence and
    /// box as percentages of the photo, columns aligned by display width (Japanese is two columns
    /// wide). For example:
    /// ```
    /// 1  焼きそばパン  90.45%  left 23.6%  top 8.6%  width 41.2%  height 34.7%
    /// ```
    public static func plainList(boxes: [AnnotatedBox], photoWidth: Int, photoHeight: Int, title: String? = nil,
                                 language: UILanguage = .en) -> String {
        var out = ""
        if let title { out += "\(title)  \(photoWidth)×\(photoHeight)\n" }
        if boxes.isEmpty { return out + Catalog.photoNoLabels.text(language) + "\n" }
        let words: (left: String, top: String, width: String, height: String) = language == .ja
            ? ("左", "上", "幅", "高さ") : ("left", "top", "width", "height")
        let numberWidth = String(boxes.count).count
        let labelWidth = boxes.map { DisplayWidth.of($0.label) }.max() ?? 0
        let hasConfidence = boxes.contains { $0.confidence != nil }
        for (index, item) in boxes.enumerated() {
            var line = DisplayWidth.padLeft(String(index + 1), to: numberWidth) + "  " + DisplayWidth.padRight(item.label, to: labelWidth)
            if hasConfidence {
                line += "  " + DisplayWidth.padLeft(item.confidence.map(NumberText.confidence) ?? "-", to: 7)
            }
            if let box = item.box {
                line += "  \(words.left) \(NumberText.percent(box.left))  \(words.top) \(NumberText.percent(box.top))"
                line += "  \(words.width) \(NumberText.percent(box.width))  \(words.height) \(NumberText.percent(box.height))"
            } else {
                line += "  " + Catalog.photoWholeImage.text(language)
            }
            out += trimRight(line) + "\n"
        }
        return out
    }

    static func trimRight(_ text: String) -> String {
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }
}
