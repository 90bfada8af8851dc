import Synchronization

/// The request ids every answer carries (`x-amzn-RequestId` for Rekognition, `x-amz-request-id`
/// and `x-amz-id-2` for S3): a random prefix drawn once at start and a counter, so making one
/// costs an atomic add and a few characters (no random draw per request).
final class RequestIdentifiers: Sendable {
    /// `8-4-4-4-` hex digits, as Rekognition's ids are shaped (a UUID's first four groups).
    private let rekognitionPrefix: String
    /// Four upper-case hex digits ahead of S3's sixteen.
    private let s3Prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        var generator = SystemRandomNumberGenerator()
        func hex(_ count: Int) -> String {
            String((0..<count).map { _ in Self.digits[Int(generator.next(upperBound: UInt(16)))] })
        }
        rekognitionPrefix = "\(hex(8))-\(hex(4))-4\(hex(3))-a\(hex(3))-"
        s3Prefix = hex(4).uppercased()
    }

    private static let digits = Array("0123456789abcdef")

    /// The next number (never 0).
    func next() -> UInt64 {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// `x-amzn-RequestId` for request `number`: a UUID-shaped id.
    func rekognition(_ number: UInt64) -> String {
        rekognitionPrefix + Self.padded(number, width: 12, uppercase: false)
    }

    /// `x-amz-request-id` (16 upper-case hex digits) and `x-amz-id-2` for request `number`.
    func s3(_ number: UInt64) -> (requestId: String, id2: String) {
        let id = s3Prefix + Self.padded(number, width: 12, uppercase: true)
        return (id, "panya/" + id.lowercased() + "/" + String(number, radix: 36))
    }

    static func padded(_ number: UInt64, width: Int, uppercase: Bool) -> String {
        let text = String(number, radix: 16, uppercase: uppercase)
        return text.count >= width ? String(text.suffix(width)) : String(repeating: "0", count: width - text.count) + text
    }
}
