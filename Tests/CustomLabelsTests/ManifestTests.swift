import Testing
@testable import CustomLabels

/// A SageMaker Ground Truth manifest line as the service writes it, with parts replaceable for each case.
private func line(source: String = "\"source-ref\": \"s3://bucket/IMG.jpg\"", size: String = "{\"width\": 640, \"height\": 480, \"depth\": 3}",
                  annotations: String = "{\"class_id\": 1, \"top\": 251, \"left\": 399, \"width\": 155, \"height\": 101}",
                  classMap: String = "\"class-map\": {\"1\": \"あんぱん\"}", attribute: String = "bounding-box") -> String {
    "{\(source), \"\(attribute)\": {\"image_size\": [\(size)], \"annotations\": [\(annotations)]}, "
        + "\"\(attribute)-metadata\": {\"objects\": [{\"confidence\": 1}], \(classMap), \"type\": \"groundtruth/object-detection\", "
        + "\"human-annotated\": \"yes\", \"creation-date\": \"2026-04-01T00:00:00\", \"job-name\": \"labeling\"}}"
}
private let goodBox = "{\"class_id\": 1, \"top\": 10, \"left\": 20, \"width\": 100, \"height\": 80}"

/// The manifest of `lines` (blank lines as written).
private func read(_ lines: [String]) -> ManifestReading { ManifestReader.read(lines.joined(separator: "\n") + "\n") }

@Suite struct ManifestTests {
    @Test func readsFactsLine() throws {
        let reading = read([line()])
        #expect(reading.issues.isEmpty && reading.isUsable)
        let entry = try #require(reading.entries.first)
        #expect(entry.sourceRef == "s3://bucket/IMG.jpg")
        #expect(entry.imageWidth == 640 && entry.imageHeight == 480 && entry.imageDepth == 3)
        #expect(entry.boxes == [LabelledBox(label: "あんぱん", box: BoundingBox(width: 155.0 / 640, height: 101.0 / 480, left: 399.0 / 640, top: 251.0 / 480))])
        #expect(entry.humanAnnotated == true && entry.creationDate == "2026-04-01T00:00:00" && entry.jobName == "labeling")
        #expect(reading.rows.map(\.line) == [1])
        #expect(reading.labels == ["あんぱん"])
    }

    @Test func theAttributeMayHaveAnyNameWithItsMetadata() {
        let reading = read([line(attribute: "bread-boxes")])
        #expect(reading.issues.isEmpty)
        #expect(reading.entries.first?.boxes.map(\.label) == ["あんぱん"])
    }

    @Test func blankLinesKeepTheirNumbersAndCRLFIsRead() {
        let reading = ManifestReader.read(line() + "\r\n\r\n" + line(size: "{\"width\": 10, \"height\": 480}") + "\r\n")
        #expect(reading.rows.map(\.line) == [1])
        #expect(reading.issues.first?.line == 3)
    }

    /// One line per code that leaves a whole line out (a second, good line keeps the manifest usable
    /// where the 20 % rule allows; the code and line are what is checked).
    @Test(arguments: [
        ("{\"source-ref\" \"a.jpg\"}", ManifestCode.invalidJSONLine),
        ("[1, 2]", .invalidJSONLine),
        (line(source: "\"source\": \"s3://bucket/IMG.jpg\""), .missingSourceRef),
        (line(source: "\"source-ref\": 5"), .invalidSourceRefFormat),
        ("{\"source-ref\": \"a.jpg\", \"bounding-box\": {\"annotations\": []}}", .noLabelAttributes),
        (line(size: "\"640x480\""), .invalidLabelAttributeFormat),
        (line(classMap: "\"classes\": {\"1\": \"あんぱん\"}"), .invalidLabelAttributeMetadataFormat),
        (line(size: "{\"width\": 640, \"height\": 4097, \"depth\": 3}"), .invalidImageDimension),
        (line(size: "{\"width\": 63, \"height\": 480, \"depth\": 3}"), .invalidImageDimension),
        (line(annotations: Array(repeating: goodBox, count: 51).joined(separator: ", ")), .tooManyBoundingBoxes),
        (line(annotations: "{\"class_id\": 1, \"top\": 10, \"left\": 600, \"width\": 100, \"height\": 80}"), .noValidAnnotations),
    ] as [(String, ManifestCode)])
    func aBadLineIsLeftOutWithItsCode(text: String, code: ManifestCode) throws {
        let reading = read([line(), text])
        let issue = try #require(reading.issues.first { $0.manifestCode == code })
        #expect(issue.line == 2)
        #expect(reading.rows.map(\.line) == [1])
        #expect(reading.invalidRows == 1 && reading.countedRows == 2)
        #expect(code.scope == .line)
    }

    @Test func invalidJSONGivesTheParsersColumn() throws {
        let issue = try #require(read(["{\"source-ref\" \"a.jpg\"}"]).issues.first)
        #expect(issue.manifestCode == .invalidJSONLine && issue.line == 1 && issue.column == 15)
        #expect(issue.message.en == "line 1, column 15: ERROR_INVALID_JSON_LINE: the line is not valid JSON (expected ':' after the key \"source-ref\"); each line must be one whole JSON object")
        #expect(issue.message.ja == "1 行 15 列: ERROR_INVALID_JSON_LINE: この行は正しい JSON ではありません (キー \"source-ref\" のあとに ':' が必要です)。1 行に 1 つの JSON オブジェクトをまるごと書きます")
    }

    /// One case per code that leaves one box out: the line keeps its good box.
    @Test(arguments: [
        ("{\"class_id\": 1, \"top\": 10, \"left\": 600, \"width\": 100, \"height\": 80}", ManifestCode.invalidBoundingBox),
        ("{\"class_id\": 1, \"top\": -1, \"left\": 20, \"width\": 100, \"height\": 80}", .invalidBoundingBox),
        ("{\"class_id\": 1, \"top\": 10, \"left\": 20, \"width\": -5, \"height\": 80}", .invalidBoundingBox),
        ("{\"class_id\": 1, \"top\": 10, \"left\": 20, \"height\": 80}", .invalidBoundingBox),
        ("{\"class_id\": 1, \"top\": 10, \"left\": 20, \"width\": 0.5, \"height\": 80}", .boundingBoxTooSmall),
        ("{\"class_id\": 1, \"top\": 10, \"left\": 20, \"width\": 30, \"height\": 0}", .boundingBoxTooSmall),
        ("{\"class_id\": 7, \"top\": 10, \"left\": 20, \"width\": 30, \"height\": 40}", .missingClassMapID),
        ("{\"top\": 10, \"left\": 20, \"width\": 30, \"height\": 40}", .missingClassMapID),
        ("{\"class_id\": 2, \"top\": 10, \"left\": 20, \"width\": 30, \"height\": 40}", .invalidLabelNameLength),
    ] as [(String, ManifestCode)])
    func aBadBoxIsLeftOutWithItsCode(annotation: String, code: ManifestCode) throws {
        let longName = String(repeating: "パ", count: 257)
        let text = line(annotations: goodBox + ", " + annotation, classMap: "\"class-map\": {\"1\": \"あんぱん\", \"2\": \"\(longName)\"}")
        let reading = read([text])
        #expect(reading.issues.map(\.manifestCode) == [code])
        #expect(reading.issues.first?.line == 1 && reading.issues.first?.annotation == 1)
        #expect(reading.entries.first?.boxes.count == 1)
        #expect(reading.invalidRows == 0)
        #expect(code.scope == .box)
    }

    @Test func aBoxOffTheImageSaysWhere() throws {
        let reading = read([line(annotations: goodBox + ", {\"class_id\": 1, \"top\": 10, \"left\": 600, \"width\": 100, \"height\": 80}")])
        let issue = try #require(reading.issues.first)
        #expect(issue.message.en == "line 1, box 2: ERROR_INVALID_BOUNDING_BOX: the box (left 600, top 10, width 100, height 80 pixels) is not inside the 640×480 image; keep left + width ≤ 640, top + height ≤ 480, none negative")
    }

    @Test func aLabelOf256CharactersIsFine() {
        let name = String(repeating: "パ", count: 256)
        let reading = read([line(classMap: "\"class-map\": {\"1\": \"\(name)\"}")])
        #expect(reading.issues.isEmpty && reading.labels == [name])
    }

    @Test func fiftyBoxesAreFine() {
        let reading = read([line(annotations: Array(repeating: goodBox, count: 50).joined(separator: ", "))])
        #expect(reading.issues.isEmpty && reading.entries.first?.boxes.count == 50)
    }

    /// A line without boxes is ignored with a warning and does not count towards the 20 % rule.
    @Test func aLineWithoutBoxesIsAWarning() throws {
        let reading = read([line(), line(annotations: "")])
        let issue = try #require(reading.issues.first)
        #expect(issue.manifestCode == .noAnnotations && issue.line == 2 && issue.manifestCode.scope == .warning)
        #expect(reading.invalidRows == 0 && reading.countedRows == 1 && reading.isUsable)
    }

    @Test func aManifestWithoutALabelFails() {
        for text in ["", line(annotations: "") + "\n"] {
            let reading = ManifestReader.read(text)
            #expect(reading.manifestErrors.map(\.manifestCode) == [.tooFewLabels])
            #expect(!reading.isUsable && reading.manifestErrors.first?.line == nil)
        }
    }

    /// 1 bad line in 5 is 20 % (allowed); 2 in 5 is 40 % (the manifest fails).
    @Test func moreThanATwentiethOfInvalidRowsFails() {
        let bad = line(source: "\"source\": \"x\"")
        let oneInFive = read([line(), line(), bad, line(), line()])
        #expect(oneInFive.isUsable && oneInFive.invalidRows == 1)
        let twoInFive = read([line(), bad, line(), bad, line()])
        #expect(twoInFive.manifestErrors.map(\.manifestCode) == [.tooManyInvalidRows])
        #expect(twoInFive.manifestErrors.first?.message.en == "the manifest: ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST: 2 of 5 lines are invalid (more than 20 %); fix the lines listed above")
    }

    @Test func everyCodeIsTested() {
        // The cases above cover each code; this guards against adding one without a test.
        // WARNING_DUPLICATE_SOURCE_REF is tested where photos are resolved (MockBackend's ManifestImportTests).
        #expect(ManifestCode.allCases.count == 17)
    }

    // MARK: Writing

    private let entries = [
        ManifestEntry(sourceRef: "s3://bucket/anpan-01.jpg", imageWidth: 1280, imageHeight: 960,
                      boxes: [LabelledBox(label: "あんぱん", box: BoundingBox(width: 0.25, height: 0.5, left: 0.125, top: 0.25))]),
        ManifestEntry(sourceRef: "photos/tray.jpg", imageWidth: 640, imageHeight: 480,
                      boxes: [LabelledBox(label: "焼きそばパン", box: BoundingBox(width: 0.5, height: 0.25, left: 0, top: 0)),
                              LabelledBox(label: "メロンパン", box: BoundingBox(width: 0.25, height: 0.25, left: 0.75, top: 0.75))],
                      humanAnnotated: false, creationDate: "2026-05-01T09:00:00", jobName: "class-2"),
    ]

    @Test func writesByteStableLinesWithClassIDsInLabelOrder() {
        let text = ManifestWriter.write(entries, labels: ["あんぱん", "メロンパン", "焼きそばパン"])
        let expected = """
        {"source-ref":"s3://bucket/anpan-01.jpg","bounding-box":{"image_size":[{"width":1280,"height":960,"depth":3}],"annotations":[{"class_id":0,"top":240,"left":160,"width":320,"height":480}]},"bounding-box-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"あんぱん"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2026-04-01T00:00:00","job-name":"panya"}}
        {"source-ref":"photos/tray.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],"annotations":[{"class_id":2,"top":0,"left":0,"width":320,"height":120},{"class_id":1,"top":360,"left":480,"width":160,"height":120}]},"bounding-box-metadata":{"objects":[{"confidence":1},{"confidence":1}],"class-map":{"1":"メロンパン","2":"焼きそばパン"},"type":"groundtruth/object-detection","human-annotated":"no","creation-date":"2026-05-01T09:00:00","job-name":"class-2"}}

        """
        #expect(text == expected)
    }

    @Test func roundTrip() {
        let text = ManifestWriter.write(entries, labels: ["あんぱん", "メロンパン", "焼きそばパン"], attribute: "boxes")
        let reading = ManifestReader.read(text)
        #expect(reading.issues.isEmpty)
        var written = entries
        written[0].creationDate = "2026-04-01T00:00:00"  // the writer's defaults for entries without them
        written[0].jobName = "panya"
        #expect(reading.entries == written)
        #expect(ManifestWriter.write(reading.entries, labels: ["あんぱん", "メロンパン", "焼きそばパン"], attribute: "boxes") == text)
    }

    @Test func pixelsAreRoundedAndKeptInsideTheImage() {
        let box = BoundingBox(width: 0.5008, height: 0.2, left: 0.5, top: 0.1)
        let p = ManifestWriter.pixels(box, width: 1000, height: 100)
        #expect(p.left == 500 && p.width == 500 && p.top == 10 && p.height == 20)
    }

    @Test func labelsNotInTheOrderFollowInTheOrderMet() {
        #expect(ManifestWriter.classIDs(entries: entries, labels: ["メロンパン"]) == ["メロンパン": 0, "あんぱん": 1, "焼きそばパン": 2])
    }
}
