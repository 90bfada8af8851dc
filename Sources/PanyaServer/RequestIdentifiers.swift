import Synchronization

/// The request ids every answer carries (`x-amzn-RequestId` for Rekognition, `x-amz-request-id`
/// and `x-amz-id-2` for S3): a random prefix drawn once at start and a counter, so making one
/// costs an atomic add and one string written in place (no random draw per request).
final class RequestIdentifiers: Sendable {
    /// `8-4-4-4-` hex digits, as Rekognition's ids are shaped (a UUID's first four groups).
    private let rekognitionPrefix: [UInt8]
    /// Four upper-case hex digits ahead of S3's sixteen.
    private let s3Prefix: [UInt8]
    private let counter = Atomic<UInt64>(0)
    /// The counter's hex digits after the prefix (its last twelve when it ever grows longer).
    static let counterDigits = 12

    init() {
        var generator = SystemRandomNumberGenerator()
        func hex(_ count: Int) -> String {
            String((0..<count).map { _ in Self.digits[Int(generator.next(upperBound: UInt(16)))] })
        }
        rekognitionPrefix = Array("\(hex(8))-\(hex(4))-4\(hex(3))-a\(hex(3))-".utf8)
        s3Prefix = Array(hex(4).uppercased().utf8)
    }

    private static let digits = Array("0123456789abcdef")

    /// The next number (never 0).
    func next() -> UInt64 {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// `x-amzn-RequestId` for request `number`: a UUID-shaped id.
    func rekognition(_ number: UInt64) -> String {
        Self.identifier(prefix: rekognitionPrefix, number: number, uppercase: false)
    }

    /// `x-amz-request-id` (16 upper-case hex digits) and `x-amz-id-2` for request `number`.
    func s3(_ number: UInt64) -> (requestId: String, id2: String) {
        let id = Self.identifier(prefix: s3Prefix, number: number, uppercase: true)
        return (id, "panya/" + id.lowercased() + "/" + String(number, radix: 36))
    }

    /// `prefix` and then `number`'s last ``counterDigits`` hex digits, zero-padded, written into
    /// the string's own storage.
    static func identifier(prefix: [UInt8], number: UInt64, uppercase: Bool) -> String {
        let letters = uppercase ? UInt8(ascii: "A") - 10 : UInt8(ascii: "a") - 10
        return String(unsafeUninitializedCapacity: prefix.count + counterDigits) { buffer in
            var end = buffer.initialize(fromContentsOf: prefix)
            var value = number
            end += counterDigits
            for index in (end - counterDigits..<end).reversed() {
                let digit = UInt8(truncatingIfNeeded: value & 0xF)
                buffer[index] = digit < 10 ? UInt8(ascii: "0") + digit : letters + digit
                value >>= 4
            }
            return end
        }
    }
}
