import CustomLabels
import Foundation
import PanyaStore
import PanyaTestSupport
import Testing
import Workbench
@testable import MockBackend

/// A manifest line for a shipped photo (640×480) with one box of `label`.
private func manifestLine(_ photo: String, width: Int = 640, height: Int = 480, label: String = "あんぱん", box: String = "\"top\":10,\"left\":20,\"width\":100,\"height\":80") -> String {
    "{\"source-ref\":\"\(photosFolder)/train/\(photo)\",\"bounding-box\":{\"image_size\":[{\"width\":\(width),\"height\":\(height),\"depth\":3}],"
        + "\"annotations\":[{\"class_id\":0,\(box)}]},\"bounding-box-metadata\":{\"class-map\":{\"0\":\(jsonString(label))},"
        + "\"type\":\"groundtruth/object-detection\",\"human-annotated\":\"yes\"}}"
}

private func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// A backend with project `m` and both datasets.
private func backendWithDatasets() throws -> MockBackend {
    let backend = try makeBackend()
    _ = try backend.createProject(name: "m")
    try backend.createDataset(project: "m", kind: .training)
    try backend.createDataset(project: "m", kind: .test)
    return backend
}

@Suite struct ManifestImportTests {
    /// Three lines for one photo (one through another spelling of its path) and one for another:
    /// the report says 2 photos, and names the two lines left out with the line they repeat.
    @Test func linesForAPhotoAlreadyGivenAreLeftOutAndNamed() throws {
        let folder = try TemporaryFolder(prefix: "panya-mock-tests")
        defer { folder.remove() }
        let backend = try backendWithDatasets()
        let lines = [manifestLine("anpan-02.jpg"), manifestLine("melonpan-03.jpg", label: "メロンパン"), manifestLine("anpan-02.jpg", label: "メロンパン"),
                     manifestLine("../train/anpan-02.jpg")]
        let path = folder.file("dup.manifest")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let imported = try backend.importManifest(project: "m", kind: .training, path: path)
        #expect(imported.added.count == 2)
        #expect(imported.added.flatMap(\.boxes).count == 2)
        #expect(imported.issues.map(\.code) == ["WARNING_DUPLICATE_SOURCE_REF", "WARNING_DUPLICATE_SOURCE_REF"])
        #expect(imported.issues.map(\.line) == [3, 4])
        #expect(imported.issues[0].message.en.contains("the same photo as line 1"))
        #expect(try backend.workbench.store.photos(project: "m", kind: .training).count == 2)
        #expect(try backend.workbench.store.photos(project: "m", kind: .training).first?.boxes.map(\.label) == ["あんぱん"])
    }

    /// `image_size` that is not the photo's real size: the line is left out with both sizes and
    /// its number; the other lines are kept.
    @Test(arguments: [(64, 64), (641, 480), (480, 640)])
    func anImageSizeThatIsNotThePhotosIsRefusedWithItsLine(width: Int, height: Int) throws {
        let folder = try TemporaryFolder(prefix: "panya-mock-tests")
        defer { folder.remove() }
        let backend = try backendWithDatasets()
        let lines = [manifestLine("anpan-03.jpg"), manifestLine("anpan-04.jpg"), manifestLine("anpan-05.jpg"), manifestLine("anpan-06.jpg"),
                     manifestLine("melonpan-04.jpg", width: width, height: height, box: "\"top\":1,\"left\":1,\"width\":10,\"height\":10")]
        let path = folder.file("size.manifest")
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        let imported = try backend.importManifest(project: "m", kind: .training, path: path)
        #expect(imported.added.count == 4)
        let issue = try #require(imported.issues.first)
        #expect(issue.code == "ERROR_INVALID_IMAGE_DIMENSION")
        #expect(issue.line == 5)
        #expect(issue.message.en.contains("image_size says \(width)×\(height) but the photo is 640×480"))
    }

    /// Bytes that are not UTF-8 in a line: the line is refused with its line and byte, never read as U+FFFD.
    @Test(arguments: [[UInt8(0xFF)], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE3, 0x81]])
    func bytesThatAreNotUTF8AreRefusedWhereTheyAre(bad: [UInt8]) throws {
        let good = Array(manifestLine("anpan-07.jpg").utf8)
        var line = Array(manifestLine("anpan-08.jpg", label: "XY").utf8)
        let at = try #require(line.firstIndex(of: UInt8(ascii: "X")))
        line.replaceSubrange(at...at, with: bad)
        let reading = ManifestReader.read(bytes: good + [10] + line + [10])
        #expect(reading.rows.count == 1)
        let issue = try #require(reading.issues.first)
        #expect(issue.code == "ERROR_INVALID_JSON_LINE")
        #expect(issue.line == 2)
        #expect(issue.column == at + 1)
        #expect(issue.message.en.contains("line 2, byte \(at + 1): not UTF-8"))
    }

    /// A label with a NUL character (`\u0000` in the JSON) refuses its line; a source-ref with one too.
    @Test func aNulInALabelOrASourceRefIsRefused() throws {
        let reading = ManifestReader.read(manifestLine("anpan-09.jpg", label: "パン\u{0}x") + "\n" + manifestLine("anpan-10.jpg") + "\n"
                                          + manifestLine("anpan-10.jpg\u{0}.png").replacingOccurrences(of: "\u{0}", with: "\\u0000"))
        #expect(reading.rows.map(\.line) == [2])
        #expect(reading.issues.map(\.code) == ["ERROR_INVALID_LABEL_ATTRIBUTE_METADATA_FORMAT", "ERROR_INVALID_SOURCE_REF_FORMAT",
                                                "ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST"])
        #expect(reading.issues[0].message.en.contains("NUL character (\\u{0}) at character 3"))
    }

    /// A manifest of one enormous line is read a piece at a time: the line is refused by its
    /// length, the next line is read.
    @Test func anEnormousLineIsRefusedByItsLengthUnread() throws {
        let folder = try TemporaryFolder(prefix: "panya-mock-tests")
        defer { folder.remove() }
        let path = folder.file("long.manifest")
        var text = "{\"source-ref\":\"" + String(repeating: "a", count: ManifestReader.maxLineBytes + 10) + "\"}\n"
        text += manifestLine("melonpan-05.jpg", label: "メロンパン") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reading = try ManifestFile.read(path: path, limits: LocalWorkbench.manifestLimits)
        #expect(reading.rows.map(\.line) == [2])
        #expect(reading.issues.first?.code == "ERROR_INVALID_JSON_LINE")
        #expect(reading.issues.first?.line == 1)
        #expect(reading.issues.first?.message.en.contains("bytes or more; a manifest line has at most 1,048,576") == true)
        // The same bytes read whole give the same lines.
        let whole = ManifestReader.read(bytes: Array(text.utf8))
        #expect(whole.rows == reading.rows)
    }

    /// One rule for labels on every path: a 300-character label is refused by `dataset label`,
    /// `dataset add --label` and a manifest alike, and a NUL by each of them.
    @Test(arguments: [String(repeating: "パ", count: 300), "a\u{0}b", ""])
    func everyPathRefusesTheLabelsAManifestRefuses(label: String) throws {
        let backend = try backendWithDatasets()
        let expected = try #require(TextRule.label.problem(label))
        #expect(throws: WorkbenchError.invalidText(expected)) { _ = try backend.addLabels(project: "m", [label]) }
        #expect(throws: WorkbenchError.invalidText(expected)) {
            _ = try backend.addPhotos(project: "m", kind: .training, paths: [photosFolder + "/train/anpan-01.jpg"], label: label)
        }
        let manifest = ManifestReader.read(manifestLine("anpan-01.jpg", label: label))
        #expect(manifest.rows.isEmpty)
        #expect(try backend.workbench.store.labels(project: "m").isEmpty)
        #expect(throws: TrainingError.invalidText(try #require(TextRule.versionName.problem("v\u{0}1")))) {
            _ = try backend.train(project: "m", versionName: "v\u{0}1")
        }
    }

    @Test func aNulIsFoundByItsCharacter() {
        #expect(TextRule.nulPosition(in: "パン\u{0}") == 3)
        #expect(TextRule.nulPosition(in: "パン") == nil)
        #expect(TextRule.invalidUTF8Offset(in: Array("パン".utf8)) == nil)
        #expect(TextRule.invalidUTF8Offset(in: Array("パ".utf8) + [0xF5]) == 4)
        #expect(TextRule.invalidUTF8Offset(in: [0x61, 0xF4, 0x90, 0x80, 0x80]) == 2)
    }
}
