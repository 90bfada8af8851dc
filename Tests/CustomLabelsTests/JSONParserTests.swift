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
