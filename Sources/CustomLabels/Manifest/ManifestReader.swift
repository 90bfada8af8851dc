import PanyaSupport

/// Reads SageMaker Ground Truth object-detection manifests (JSON lines) as the service validates
/// them: each line is one image; a bad line is left out, a bad box is left out of its line, a line
/// without boxes is ignored with a warning; the manifest fails when it has no label or when more
/// than 20 % of its counted lines are invalid.
///
/// The box attribute may have any name `N` whose metadata is `N-metadata` (`bounding-box` and
/// `bounding-box-metadata` in the usual case). Boxes are in pixels in the file and become ratios of
/// the image (from `image_size`). A box must lie inside the image (`ERROR_INVALID_BOUNDING_BOX`)
/// and be at least 1 × 1 pixel (`ERROR_BOUNDING_BOX_TOO_SMALL`, panya's reading of the service's
/// rule). Blank lines are skipped (they keep their numbers).
public enum ManifestReader {
    /// The `type` of an object-detection attribute's metadata.
    public static let objectDetectionType = "groundtruth/object-detection"

    /// Reads a manifest's text.
    public static func read(_ text: String) -> ManifestReading {
        read(bytes: Array(text.utf8))
    }

    /// Reads a manifest's bytes (UTF-8; lines end with LF or CR LF).
    public static func read(bytes: [UInt8]) -> ManifestReading {
        var lines = Lines()
        for (offset, raw) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            lines.add(raw, number: offset + 1)
        }
        return lines.reading()
    }

    /// The longest line read, in bytes (1 MiB: a line of 50 boxes and a long path takes a few
    /// kilobytes). A longer one is left out unread, so reading a manifest takes memory for one
    /// line at a time, whatever the file's size.
    public static let maxLineBytes = 1 << 20

    /// A manifest read line by line (from a file in pieces, or from bytes in memory): only the
    /// valid lines' entries and the issues are kept.
    public struct Lines {
        var rows: [ManifestReading.Row] = []
        var issues: [ManifestIssue] = []
        var invalid = 0
        var counted = 0

        /// Nothing read yet.
        public init() {}

        /// Reads line `number` (without its LF).
        public mutating func add<Bytes: RandomAccessCollection>(_ raw: Bytes, number: Int) where Bytes.Element == UInt8, Bytes.Index == Int {
            var line = raw[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
            var lineIssues: [ManifestIssue] = []
            let entry = readLine(Array(line), number: number, issues: &lineIssues)
            record(entry, number: number, issues: lineIssues)
        }

        /// Counts line `number` as too long (`length` bytes and more), unread.
        public mutating func addTooLong(number: Int, length: Int) {
            record(nil, number: number, issues: [ManifestIssue(.invalidJSONLine, line: number, detail: Catalog.manifestLineTooLong(bytes: length, limit: maxLineBytes))])
        }

        private mutating func record(_ entry: ManifestEntry?, number: Int, issues lineIssues: [ManifestIssue]) {
            issues += lineIssues
            if lineIssues.contains(where: { $0.manifestCode.scope == .warning }) { return }
            counted += 1
            if let entry {
                rows.append(ManifestReading.Row(line: number, entry: entry))
            } else {
                invalid += 1
            }
        }

        /// What the lines read so far make, with the problems of the whole manifest.
        public func reading() -> ManifestReading {
            var reading = ManifestReading(rows: rows, issues: issues, invalidRows: invalid, countedRows: counted)
            if reading.labels.isEmpty {
                reading.issues.append(ManifestIssue(.tooFewLabels, line: nil, detail: Catalog.manifestTooFewLabels))
            }
            if counted > 0 && Double(invalid) > TrainingLimits.maximumInvalidRowShare * Double(counted) {
                reading.issues.append(ManifestIssue(.tooManyInvalidRows, line: nil, detail: Catalog.manifestTooManyInvalidRows(invalid: invalid, total: counted)))
            }
            return reading
        }
    }

    /// One line: its entry, or nil when the line is left out or ignored (issues say why).
    static func readLine(_ bytes: [UInt8], number: Int, issues: inout [ManifestIssue]) -> ManifestEntry? {
        func fail(_ code: ManifestCode, column: Int? = nil, _ detail: Message) -> ManifestEntry? {
            issues.append(ManifestIssue(code, line: number, column: column, detail: detail))
            return nil
        }
        if let offset = TextRule.invalidUTF8Offset(in: bytes) {
            return fail(.invalidJSONLine, column: offset, Catalog.invalidUTF8(line: number, column: offset))
        }
        let document: JSONDocument
        do {
            document = try JSONParser.parse(bytes: bytes)
        } catch let error as JSONError {
            return fail(.invalidJSONLine, column: error.location?.column, Catalog.manifestInvalidJSON(error.problemMessage))
        } catch {
            return fail(.invalidJSONLine, Catalog.manifestInvalidJSON(.verbatim(String(describing: error))))
        }
        let root = document.cursor
        guard case .object(let object) = root.value else {
            return fail(.invalidJSONLine, column: 1, Catalog.manifestLineNotObject(found: root.value.kindMessage))
        }
        guard let source = object["source-ref"] else { return fail(.missingSourceRef, Catalog.manifestMissingSourceRef) }
        guard case .string(let sourceRef) = source, !sourceRef.isEmpty, TextRule.nulPosition(in: sourceRef) == nil else {
            return fail(.invalidSourceRefFormat, column: root.location(of: "source-ref"), Catalog.manifestInvalidSourceRef)
        }
        guard let attribute = boxAttribute(in: object) else { return fail(.noLabelAttributes, Catalog.manifestNoLabelAttributes) }

        // The attribute: image size and annotations.
        let width: Int, height: Int, depth: Int, annotations: [JSONCursor]
        do {
            let value = try root.member(attribute)
            let sizes = try value.member("image_size").elements()
            guard let size = sizes.first else {
                throw try value.member("image_size").invalid(Catalog.manifestEmptyImageSize)
            }
            width = try size.member("width").int()
            height = try size.member("height").int()
            depth = try size.optionalMember("depth")?.int() ?? 3
            annotations = try value.member("annotations").elements()
        } catch let error as JSONError {
            return fail(.invalidLabelAttributeFormat, column: error.location?.column, Catalog.manifestShape(path: error.path, problem: error.problemMessage))
        } catch {
            return fail(.invalidLabelAttributeFormat, .verbatim(String(describing: error)))
        }

        // The metadata: class map, human-annotated, creation date, job name.
        var classMap: [String: String] = [:]
        let humanAnnotated: Bool?, creationDate: String?, jobName: String?
        do {
            let metadata = try root.member(attribute + "-metadata")
            let map = try metadata.member("class-map")
            for member in try map.object().members {
                let label = try map.member(member.key).string()
                if let position = TextRule.nulPosition(in: label) {
                    throw try map.member(member.key).invalid(Catalog.textHasNul(TextRule.label.what, position: position))
                }
                classMap[member.key] = label
            }
            if let type = try metadata.optionalMember("type"), try type.string() != objectDetectionType {
                throw type.invalid(Catalog.manifestNotObjectDetection(try type.string()))
            }
            switch try metadata.optionalMember("human-annotated") {
            case nil: humanAnnotated = nil
            case let cursor?:
                switch try cursor.string() {
                case "yes": humanAnnotated = true
                case "no": humanAnnotated = false
                default: throw cursor.invalid(Catalog.manifestHumanAnnotated)
                }
            }
            creationDate = try metadata.optionalMember("creation-date")?.string()
            jobName = try metadata.optionalMember("job-name")?.string()
        } catch let error as JSONError {
            return fail(.invalidLabelAttributeMetadataFormat, column: error.location?.column,
                        Catalog.manifestShape(path: error.path, problem: error.problemMessage))
        } catch {
            return fail(.invalidLabelAttributeMetadataFormat, .verbatim(String(describing: error)))
        }

        guard TrainingLimits.imageSide.contains(width), TrainingLimits.imageSide.contains(height) else {
            return fail(.invalidImageDimension, Catalog.manifestImageDimension(width: width, height: height))
        }
        guard !annotations.isEmpty else { return fail(.noAnnotations, Catalog.manifestNoAnnotations) }
        guard annotations.count <= TrainingLimits.maximumBoxesPerImage else {
            return fail(.tooManyBoundingBoxes, Catalog.manifestTooManyBoxes(annotations.count))
        }

        var boxes: [LabelledBox] = []
        for (index, annotation) in annotations.enumerated() {
            switch readBox(annotation, classMap: classMap, imageWidth: width, imageHeight: height) {
            case .success(let box):
                boxes.append(box)
            case .failure(let problem):
                issues.append(ManifestIssue(problem.code, line: number, annotation: index, detail: problem.detail))
            }
        }
        guard !boxes.isEmpty else { return fail(.noValidAnnotations, Catalog.manifestNoValidAnnotations) }
        return ManifestEntry(sourceRef: sourceRef, imageWidth: width, imageHeight: height, imageDepth: depth, boxes: boxes,
                             humanAnnotated: humanAnnotated, creationDate: creationDate, jobName: jobName)
    }

    /// The name `N` of the line's box attribute: the first key (in the line's order) with an
    /// `N-metadata` key beside it whose value holds `annotations` or whose metadata says object detection.
    static func boxAttribute(in object: JSONObject) -> String? {
        for key in object.keys where key != "source-ref" && !key.hasSuffix("-metadata") {
            guard let metadata = object[key + "-metadata"] else { continue }
            if object[key]?["annotations"] != nil || metadata["type"]?.stringValue == objectDetectionType { return key }
        }
        return nil
    }

    struct BoxProblem: Error {
        var code: ManifestCode
        var detail: Message
    }

    /// One annotation as a labelled box, or the reason it is left out.
    static func readBox(_ annotation: JSONCursor, classMap: [String: String], imageWidth: Int, imageHeight: Int) -> Result<LabelledBox, BoxProblem> {
        guard let classID = try? annotation.member("class_id").int() else {
            return .failure(BoxProblem(code: .missingClassMapID, detail: Catalog.manifestNoClassID))
        }
        guard let label = classMap[String(classID)] else {
            return .failure(BoxProblem(code: .missingClassMapID, detail: Catalog.manifestMissingClassMapID(classID)))
        }
        guard TrainingLimits.labelNameLength.contains(label.count) else {
            return .failure(BoxProblem(code: .invalidLabelNameLength, detail: Catalog.manifestLabelNameLength(label)))
        }
        var pixels: [Double] = []
        for key in ["left", "top", "width", "height"] {
            do {
                pixels.append(try annotation.member(key).double())
            } catch let error as JSONError {
                return .failure(BoxProblem(code: .invalidBoundingBox, detail: Catalog.manifestShape(path: error.path, problem: error.problemMessage)))
            } catch {
                return .failure(BoxProblem(code: .invalidBoundingBox, detail: .verbatim(String(describing: error))))
            }
        }
        let (left, top, width, height) = (pixels[0], pixels[1], pixels[2], pixels[3])
        let inside = left >= 0 && top >= 0 && width >= 0 && height >= 0
            && left + width <= Double(imageWidth) && top + height <= Double(imageHeight)
        guard inside else {
            return .failure(BoxProblem(code: .invalidBoundingBox,
                                       detail: Catalog.manifestBoxOffImage(left: left, top: top, width: width, height: height,
                                                                           imageWidth: imageWidth, imageHeight: imageHeight)))
        }
        guard width >= TrainingLimits.minimumBoxPixels, height >= TrainingLimits.minimumBoxPixels else {
            return .failure(BoxProblem(code: .boundingBoxTooSmall, detail: Catalog.manifestBoxTooSmall(width: width, height: height)))
        }
        return .success(LabelledBox(label: label, box: BoundingBox(pixelLeft: left, top: top, width: width, height: height,
                                                                   imageWidth: imageWidth, imageHeight: imageHeight)))
    }
}

extension JSONCursor {
    /// The column where the member `key` of this object starts, when known.
    func location(of key: String) -> Int? {
        locations[path.appending(key: key)]?.column
    }
}
