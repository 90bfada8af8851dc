import Foundation
import Testing
@testable import CustomLabels

/// The expected files were produced by the AWS CLI v1 itself (`aws rekognition
/// detect-custom-labels` against a local endpoint answering the same body) and equal
/// `json.dumps(obj, indent=4, ensure_ascii=False) + "\n"`.
func expectedFile(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(".expected/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

let breads3Candidates: [CustomLabel] = [
    CustomLabel(name: "焼きそばパン", confidence: 90.44999694824219,
                boundingBox: BoundingBox(width: 0.41152000427246094, height: 0.34727999567985535, left: 0.23639999330043793, top: 0.08641000092029572)),
    CustomLabel(name: "メロンパン", confidence: 88.00399780273438,
                boundingBox: BoundingBox(width: 0.31696000695228577, height: 0.48267999291419983, left: 0.5984500050544739, top: 0.33976998925209045)),
    CustomLabel(name: "あんぱん", confidence: 77.53700256347656,
                boundingBox: BoundingBox(width: 0.3001199960708618, height: 0.4251999855041504, left: 0.1973399966955185, top: 0.468860000371933)),
]

@Test func awsCLIFormMatchesTheCLI() throws {
    let response = DetectCustomLabelsResponse(customLabels: breads3Candidates)
    #expect(response.awsCLIJSON() == (try expectedFile("breads3-min75.aws-cli.json")))
    #expect(DetectCustomLabelsResponse(customLabels: []).awsCLIJSON() == (try expectedFile("empty.aws-cli.json")))
    let edge = DetectCustomLabelsResponse(customLabels: [
        CustomLabel(name: "Quote \"\\ tab\t", confidence: 1.0, boundingBox: BoundingBox(width: 1e-05, height: 1.0, left: 0.0, top: 0.5)),
    ])
    #expect(edge.awsCLIJSON() == (try expectedFile("edge-cases.aws-cli.json")))
}

@Test func responseRoundTripsThroughText() throws {
    let response = DetectCustomLabelsResponse(customLabels: breads3Candidates)
    let parsed = try DetectCustomLabelsResponse(json: JSONParser.parse(response.jsonValue.compactText).cursor)
    #expect(parsed == response)
    let again = try JSONParser.parse(try expectedFile("breads3-min75.aws-cli.json")).root
    #expect(again.awsCLIText == (try expectedFile("breads3-min75.aws-cli.json")))
}

@Test(arguments: [(1.0, "1.0"), (0.1, "0.1"), (1e-05, "1e-05"), (1e16, "1e+16"), (123456789.0, "123456789.0"), (0.0001, "0.0001"), (90.44999694824219, "90.44999694824219")])
func floatsPrintAsPythonRepr(value: Double, text: String) {
    #expect(JSONPrinter.pythonFloat(value) == text)
}

@Test func requestBodyIsCompactInServiceOrder() {
    let request = DetectCustomLabelsRequest(projectVersionArn: "arn", image: .s3Object(bucket: "b", name: "k.jpg", version: nil), maxResults: 2, minConfidence: 80)
    #expect(request.jsonValue.compactText == #"{"ProjectVersionArn":"arn","Image":{"S3Object":{"Bucket":"b","Name":"k.jpg"}},"MaxResults":2,"MinConfidence":80.0}"#)
    let bytes = DetectCustomLabelsRequest(projectVersionArn: "arn", image: .bytes([1, 2, 3]))
    #expect(bytes.jsonValue.compactText == #"{"ProjectVersionArn":"arn","Image":{"Bytes":"AQID"}}"#)
}

/// The compact form written as bytes: every kind of value, escapes, non-ASCII text, nesting.
@Test func compactBytesAreTheCompactText() {
    let value = JSONValue.object(JSONObject([
        ("名前", .string("あんぱん")), ("q", .string("say \"hi\"\\\n\t\u{01}")), ("n", .null), ("t", .bool(true)), ("f", .bool(false)),
        ("i", .int(-42)), ("d", .double(90.44999694824219)), ("e", .double(1e-05)), ("a", .array([.array([]), .object(JSONObject())])),
    ]))
    let expected = #"{"名前":"あんぱん","q":"say \"hi\"\\\n\t\u0001","n":null,"t":true,"f":false,"i":-42,"d":90.44999694824219,"e":1e-05,"a":[[],{}]}"#
    #expect(JSONPrinter.compact(value) == expected)
    #expect(JSONPrinter.compactUTF8(value) == Array(expected.utf8))
}
