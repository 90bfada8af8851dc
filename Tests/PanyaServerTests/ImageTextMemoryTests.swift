import CustomLabels
import Foundation
import Photos
@testable import PanyaServer
import Testing

@Suite struct ImageTextMemoryTests {
    private static func text(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    private final class Decodes: @unchecked Sendable {
        var count = 0
        func decode(_ text: String) throws -> [UInt8] {
            count += 1
            guard let data = Data(base64Encoded: text) else { throw CocoaError(.coderInvalidValue) }
            return [UInt8](data)
        }
    }

    @Test func aTextSentAgainIsDecodedOnce() throws {
        let memory = ImageTextMemory()
        let decodes = Decodes()
        let bytes: [UInt8] = Array(0..<200).map { UInt8($0 % 251) }
        let first = try memory.photo(for: Self.text(bytes), decode: decodes.decode)
        let second = try memory.photo(for: Self.text(bytes), decode: decodes.decode)
        #expect(decodes.count == 1)
        #expect(first.bytes == bytes && second.bytes == bytes)
        #expect(first.sha256 == PhotoFingerprint.sha256(bytes) && second.sha256 == first.sha256)
    }

    /// Same length, one byte apart: never taken for the remembered one.
    @Test func aDifferentTextOfTheSameLengthIsDecoded() throws {
        let memory = ImageTextMemory()
        let decodes = Decodes()
        var bytes = [UInt8](repeating: 7, count: 300)
        let first = try memory.photo(for: Self.text(bytes), decode: decodes.decode)
        bytes[299] = 8
        let second = try memory.photo(for: Self.text(bytes), decode: decodes.decode)
        #expect(decodes.count == 2)
        #expect(second.bytes == bytes)
        #expect(second.sha256 != first.sha256)
    }

    @Test func aTextThatDoesNotDecodeIsNotRemembered() {
        let memory = ImageTextMemory()
        let decodes = Decodes()
        for _ in 0..<2 {
            #expect(throws: (any Error).self) { try memory.photo(for: "not base64!", decode: decodes.decode) }
        }
        #expect(decodes.count == 2)
        #expect(memory.count == 0)
    }

    @Test func theOldestTextIsForgottenFirst() throws {
        let memory = ImageTextMemory(capacity: 2)
        let decodes = Decodes()
        let texts = (0..<3).map { Self.text([UInt8]($0 * 10..<$0 * 10 + 10)) }
        for text in texts { _ = try memory.photo(for: text, decode: decodes.decode) }
        #expect(memory.count == 2)
        _ = try memory.photo(for: texts[2], decode: decodes.decode)   // kept
        _ = try memory.photo(for: texts[1], decode: decodes.decode)   // kept
        #expect(decodes.count == 3)
        _ = try memory.photo(for: texts[0], decode: decodes.decode)   // forgotten: decoded again
        #expect(decodes.count == 4)
    }

    /// The body's parser is handed a remembered text only where the body holds it whole, up to
    /// its closing quote.
    @Test func theParserIsHandedARememberedTextOnlyWhereItEndsWithAQuote() throws {
        let memory = ImageTextMemory()
        let text = Self.text([UInt8](0..<100))
        _ = try memory.photo(for: text, decode: Decodes().decode)
        #expect(memory.knownString(startingAt: Array((text + "\"}").utf8)[...]) == text)
        #expect(memory.knownString(startingAt: Array(("x" + text + "\"").utf8)[1...]) == text)
        #expect(memory.knownString(startingAt: Array((text + "A\"").utf8)[...]) == nil)
        #expect(memory.knownString(startingAt: Array(text.utf8)[...]) == nil)
        var other = Array((text + "\"").utf8)
        other[10] = other[10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(memory.knownString(startingAt: other[...]) == nil)
    }

    /// A text the parser would have read differently (an escape, a quote) is never handed to it.
    @Test func aTextWithEscapesIsNotHandedToTheParser() throws {
        let memory = ImageTextMemory()
        let text = "a\\nb"
        _ = try memory.photo(for: text) { _ in [1, 2, 3] }
        #expect(memory.count == 1)
        #expect(memory.knownString(startingAt: Array((text + "\"").utf8)[...]) == nil)
    }

    /// Parsed with the memory, a body gives the same document as without it.
    @Test func aBodyParsedWithTheMemoryIsTheSame() throws {
        let memory = ImageTextMemory()
        let text = Self.text([UInt8](0..<200))
        _ = try memory.photo(for: text, decode: Decodes().decode)
        let body = Array(#"{"ProjectVersionArn": "arn", "Image": {"Bytes": "\#(text)"}, "MaxResults": 3}"#.utf8)
        let plain = try JSONParser.parse(bytes: body)
        let remembered = try JSONParser.parse(bytes: body, knownStrings: memory)
        #expect(plain.root == remembered.root)
        #expect(plain.locations == remembered.locations)
    }
}
