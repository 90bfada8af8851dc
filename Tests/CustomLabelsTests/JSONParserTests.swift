import Testing
@testable import CustomLabels

@Test func parsesOrderedObjectsAndNumberForms() throws {
    let doc = try JSONParser.parse(#"{"b": 1, "a": 1.0, "c": [true, null, "あ\u3042\n"], "d": -0.5e-3}"#)
    guard case .object(let object) = doc.root else { Issue.record("not an object"); return }
    #expect(object.keys == ["b", "a", "c", "d"])
    #expect(object["b"] == .int(1))
    #expect(object["a"] == .double(1.0))
    #expect(object["c"] == .array([.bool(true), .null, .string("ああ\n")]))
    #expect(object["d"] == .double(-0.0005))
}

@Test func syntaxErrorsTellLineColumnAndKeyPath() throws {
    let text = """
    {
      "CustomLabels": [
        {"Name": "あんぱん", "Confidence": 77.5},
        {"Name": "メロンパン", "Confidence": 88.},
      ]
    }
    """
    let error = try #require(throws: JSONError.self) { try JSONParser.parse(text) }
    #expect(error.location == JSONLocation(line: 4, column: 37))
    #expect(error.path.description == "CustomLabels[1].Confidence")
    #expect(error.message.en.contains("line 4, column 37, at CustomLabels[1].Confidence"))
    #expect(error.message.ja.contains("4 行 37 列"))
}

@Test(arguments: [
    ("{\"a\": 1,}", 1, 9),
    ("{\"a\" 1}", 1, 6),
    ("[1 2]", 1, 4),
    ("{'a': 1}", 1, 2),
    ("{\"a\": tru}", 1, 7),
    ("\"open", 1, 1),
    ("", 1, 1),
    ("{\"a\": 1, \"a\": 2}", 1, 10),
    ("[01]", 1, 2),
])
func syntaxErrorPositions(text: String, line: Int, column: Int) throws {
    let error = try #require(throws: JSONError.self) { try JSONParser.parse(text) }
    #expect(error.location == JSONLocation(line: line, column: column), "\(error)")
}

@Test func cursorErrorsNameTheKey() throws {
    let doc = try JSONParser.parse("{\n  \"CustomLabels\": [\n    {\"Name\": \"x\", \"Confidence\": \"high\"}\n  ]\n}")
    let label = try doc.cursor.member("CustomLabels").elements()[0]
    let error = try #require(throws: JSONError.self) { try label.member("Confidence").double() }
    #expect(error.path.description == "CustomLabels[0].Confidence")
    #expect(error.location == JSONLocation(line: 3, column: 33))
    #expect(error.message.en.contains("expected a number, found a string"))
    let missing = try #require(throws: JSONError.self) { try label.member("Geometry") }
    #expect(missing.message.en.contains("the key \"Geometry\" is missing"))
    let unknown = try #require(throws: JSONError.self) { try label.rejectUnknownKeys(["Name", "Confidance2"]) }
    #expect(unknown.message.en.contains("did you mean"))
}

/// Strings are scanned eight bytes at a time: a quote, an escape or a control byte at any place
/// within or across those words (ten words and more) ends the plain run exactly where it is.
@Test(arguments: 0..<80)
func stringStopsAreFoundAtEveryOffset(offset: Int) throws {
    let before = String(repeating: "a", count: offset)
    let after = String(repeating: "b", count: 79 - offset)
    let escaped = try JSONParser.parse("[\"\(before)\\\"\(after)\", \"\(before)あ\(after)\"]")
    #expect(escaped.root == .array([.string(before + "\"" + after), .string(before + "あ" + after)]))
    let control = try #require(throws: JSONError.self) { try JSONParser.parse("\"\(before)\t\(after)\"") }
    #expect(control.location == JSONLocation(line: 1, column: offset + 2), "\(control)")
}

@Test(arguments: [UInt8](0...255))
func eachByteIsAStringStopOnlyWhenJSONSaysSo(byte: UInt8) {
    let isStop = byte == 0x22 || byte == 0x5C || byte < 0x20
    for lane in 0..<8 {
        let word = (UInt64(0x61) &* 0x0101_0101_0101_0101) & ~(UInt64(0xFF) << (lane * 8)) | (UInt64(byte) << (lane * 8))
        #expect(JSONParser.holdsStringStop(word) == isStop, "byte \(byte) in lane \(lane)")
    }
}

/// Every ASCII byte at each of the first 33 places of a string (four words and one more): plain bytes
/// stay in the string, a control byte is refused (at its column, a line break where the string began).
@Test(arguments: [UInt8](0...127))
func eachASCIIByteInEveryLaneOfABlock(byte: UInt8) throws {
    guard byte != 0x22, byte != 0x5C else { return }   // quote and backslash: the test above
    for lane in 0..<33 {
        var text = [UInt8](repeating: UInt8(ascii: "a"), count: 70)
        text[lane] = byte
        let json = [UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")]
        if byte < 0x20 {
            let error = try #require(throws: JSONError.self) { try JSONParser.parse(bytes: json) }
            // A line break inside a string is reported where the string began (it was left open).
            let column = byte == 0x0A ? 1 : lane + 2
            #expect(error.location == JSONLocation(line: 1, column: column), "byte \(byte) in lane \(lane)")
        } else {
            #expect(try JSONParser.parse(bytes: json).root == .string(String(decoding: text, as: UTF8.self)), "byte \(byte) in lane \(lane)")
        }
    }
}

/// Hands over "known" where a string's text starts with it and a quote follows; counts the asks.
private final class OneKnownString: JSONKnownStrings, @unchecked Sendable {
    let known = "known"
    var asked = 0
    func knownString(startingAt bytes: ArraySlice<UInt8>) -> String? {
        asked += 1
        return bytes.starts(with: Array((known + "\"").utf8)) ? known : nil
    }
}

@Test func aKnownStringIsTakenAndTheRestIsStillRead() throws {
    let strings = OneKnownString()
    let doc = try JSONParser.parse(bytes: Array(#"{"a": "known", "b": "known2", "c": "x\n"}"#.utf8), knownStrings: strings)
    #expect(doc.root == .object(JSONObject([("a", .string("known")), ("b", .string("known2")), ("c", .string("x\n"))])))
    #expect(strings.asked == 6)
    #expect(doc.locations[JSONPath.root.appending(key: "c")] == JSONLocation(line: 1, column: 36))
    #expect(throws: JSONError.self) { try JSONParser.parse(bytes: Array(#"{"a": "known" "b": 1}"#.utf8), knownStrings: strings) }
}
