import Foundation
import PanyaSupport

/// The key pairs `panya serve --auth` accepts: read from a file (`ACCESS_KEY_ID SECRET` per line,
/// `#` comments) or generated at start.
public struct AccessKeys: Sendable, Equatable {
    /// One key pair.
    public struct Pair: Sendable, Equatable {
        public var accessKeyId: String
        public var secretAccessKey: String

        public init(accessKeyId: String, secretAccessKey: String) {
            self.accessKeyId = accessKeyId
            self.secretAccessKey = secretAccessKey
        }
    }

    /// The pairs, in the file's order.
    public var pairs: [Pair]

    public init(pairs: [Pair]) {
        self.pairs = pairs
    }

    /// The secret of an access key id, if the list has it.
    public func secret(for accessKeyId: String) -> String? {
        pairs.first { $0.accessKeyId == accessKeyId }?.secretAccessKey
    }

    /// Reads a key file's text; `file` names it in errors (with the line).
    public static func parse(_ text: String, file: String) throws(ServerError) -> AccessKeys {
        var pairs: [Pair] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count == 2, fields.allSatisfy(Self.isKeyText) else {
                throw .badKeyLine(file: file, line: index + 1)
            }
            pairs.append(Pair(accessKeyId: fields[0], secretAccessKey: fields[1]))
        }
        guard !pairs.isEmpty else { throw .noKeys(file: file) }
        return AccessKeys(pairs: pairs)
    }

    /// Reads a key file.
    public static func load(path: String) throws(ServerError) -> AccessKeys {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableKeys(file: path) }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// A fresh pair from the system's secure generator (`AKIA` + 16, and 40 characters, as AWS shapes them).
    public static func generate() -> AccessKeys {
        var generator = SystemRandomNumberGenerator()
        let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let secretAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let id = "AKIA" + String((0..<16).map { _ in upper[Int(generator.next(upperBound: UInt(upper.count)))] })
        let secret = String((0..<40).map { _ in secretAlphabet[Int(generator.next(upperBound: UInt(secretAlphabet.count)))] })
        return AccessKeys(pairs: [Pair(accessKeyId: id, secretAccessKey: secret)])
    }

    /// The file form of the pairs (what `--keys FILE` reads).
    public var fileText: String {
        pairs.map { "\($0.accessKeyId) \($0.secretAccessKey)\n" }.joined()
    }

    private static func isKeyText(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }
    }
}
