/// Writes SageMaker Ground Truth object-detection manifests: one compact JSON line per entry,
/// keys always in the same order, so the same entries give the same bytes.
///
/// A line: `{"source-ref", "<attribute>": {"image_size": [{"width", "height", "depth"}],
/// "annotations": [{"class_id", "top", "left", "width", "height"}]}, "<attribute>-metadata":
/// {"objects": [{"confidence": 1}, …], "class-map": {"<id>": "<label>", …}, "type",
/// "human-annotated", "creation-date", "job-name"}}`.
/// Class ids are the labels' places (from 0) in the label order given (the project's), labels
/// not in it following in the order met; each line's class map lists the ids it uses, in order.
/// Boxes are written in whole pixels (rounded, kept inside the image).
public enum ManifestWriter {
    /// The attribute name the console uses.
    public static let defaultAttribute = "bounding-box"

    /// The manifest's text (each line ends with a newline).
    /// - Parameters:
    ///   - labels: the label order that numbers the classes (the project's labels).
    ///   - attribute: the box attribute's name (`bounding-box`).
    ///   - creationDate, jobName: written for entries that have none.
    public static func write(_ entries: [ManifestEntry], labels: [String], attribute: String = defaultAttribute,
                             creationDate: String = "2026-04-01T00:00:00", jobName: String = "panya") -> String {
        let ids = classIDs(entries: entries, labels: labels)
        var text = ""
        for entry in entries {
            text += JSONPrinter.compact(line(entry, ids: ids, attribute: attribute, creationDate: creationDate, jobName: jobName))
            text += "\n"
        }
        return text
    }

    /// The class id of every label: its place in `labels`, then labels met in the entries.
    public static func classIDs(entries: [ManifestEntry], labels: [String]) -> [String: Int] {
        var ids: [String: Int] = [:]
        for label in labels + entries.flatMap({ $0.boxes.map(\.label) }) where ids[label] == nil {
            ids[label] = ids.count
        }
        return ids
    }

    static func line(_ entry: ManifestEntry, ids: [String: Int], attribute: String, creationDate: String, jobName: String) -> JSONValue {
        var annotations: [JSONValue] = []
        var used = Set<Int>()
        for labelled in entry.boxes {
            let id = ids[labelled.label] ?? 0
            used.insert(id)
            let p = pixels(labelled.box, width: entry.imageWidth, height: entry.imageHeight)
            annotations.append(.object(["class_id": .int(id), "top": .int(p.top), "left": .int(p.left), "width": .int(p.width), "height": .int(p.height)]))
        }
        let labelOf = Dictionary(ids.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var classMap = JSONObject()
        for id in used.sorted() { classMap[String(id)] = .string(labelOf[id] ?? "") }

        var value = JSONObject()
        value["image_size"] = .array([.object(["width": .int(entry.imageWidth), "height": .int(entry.imageHeight), "depth": .int(entry.imageDepth)])])
        value["annotations"] = .array(annotations)
        var metadata = JSONObject()
        metadata["objects"] = .array(entry.boxes.map { _ in .object(["confidence": .int(1)]) })
        metadata["class-map"] = .object(classMap)
        metadata["type"] = .string(ManifestReader.objectDetectionType)
        metadata["human-annotated"] = .string(entry.humanAnnotated == false ? "no" : "yes")
        metadata["creation-date"] = .string(entry.creationDate ?? creationDate)
        metadata["job-name"] = .string(entry.jobName ?? jobName)
        var line = JSONObject()
        line["source-ref"] = .string(entry.sourceRef)
        line[attribute] = .object(value)
        line[attribute + "-metadata"] = .object(metadata)
        return .object(line)
    }

    /// A box in whole pixels, rounded to the nearest pixel and kept inside the image.
    static func pixels(_ box: BoundingBox, width: Int, height: Int) -> (left: Int, top: Int, width: Int, height: Int) {
        func whole(_ value: Double, limit: Int) -> Int {
            guard value.isFinite else { return 0 }
            return min(limit, max(0, Int(value.rounded())))
        }
        let left = whole(box.left * Double(width), limit: width)
        let top = whole(box.top * Double(height), limit: height)
        return (left, top, whole(box.width * Double(width), limit: width - left), whole(box.height * Double(height), limit: height - top))
    }
}
