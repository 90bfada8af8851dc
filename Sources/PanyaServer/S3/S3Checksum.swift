import Crypto
import Foundation

/// S3's flexible checksums: CRC32, CRC32C, CRC64NVME (table-driven here), SHA1, SHA256 (swift-crypto),
/// sent and returned in base64 as `x-amz-checksum-<name>`.
enum S3Checksum: String, CaseIterable, Sendable {
    case crc32 = "CRC32"
    case crc32c = "CRC32C"
    case crc64nvme = "CRC64NVME"
    case sha1 = "SHA1"
    case sha256 = "SHA256"

    /// The header that carries it (`x-amz-checksum-crc32`).
    var header: String { "x-amz-checksum-" + rawValue.lowercased() }

    /// The XML element that carries it (`ChecksumCRC32`).
    var element: String { "Checksum" + rawValue }

    /// The digest's length in bytes.
    var byteCount: Int {
        switch self {
        case .crc32, .crc32c: return 4
        case .crc64nvme: return 8
        case .sha1: return 20
        case .sha256: return 32
        }
    }

    /// The algorithm named `name` (any case), if S3 has it.
    init?(name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// The checksum of `bytes`, in base64.
    func base64(of bytes: [UInt8]) -> String {
        var state = State(self)
        bytes.withUnsafeBytes { state.update($0) }
        return state.base64()
    }

    /// A checksum being computed over bytes given a piece at a time.
    struct State {
        let algorithm: S3Checksum
        private var crc: UInt64
        private var sha1 = Insecure.SHA1()
        private var sha256 = SHA256()

        init(_ algorithm: S3Checksum) {
            self.algorithm = algorithm
            crc = algorithm == .crc64nvme ? UInt64.max : UInt64(UInt32.max)
        }

        mutating func update(_ buffer: UnsafeRawBufferPointer) {
            switch algorithm {
            case .crc32: crc = UInt64(CRCTables.update32(UInt32(truncatingIfNeeded: crc), buffer, table: CRCTables.crc32))
            case .crc32c: crc = UInt64(CRCTables.update32(UInt32(truncatingIfNeeded: crc), buffer, table: CRCTables.crc32c))
            case .crc64nvme: crc = CRCTables.update64(crc, buffer)
            case .sha1: sha1.update(bufferPointer: buffer)
            case .sha256: sha256.update(bufferPointer: buffer)
            }
        }

        /// The digest's bytes (big-endian for the CRCs, as S3 encodes them).
        func digest() -> [UInt8] {
            switch algorithm {
            case .crc32, .crc32c:
                let value = UInt32(truncatingIfNeeded: crc) ^ UInt32.max
                return (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
            case .crc64nvme:
                let value = crc ^ UInt64.max
                return (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
            case .sha1: return Array(sha1.finalize())
            case .sha256: return Array(sha256.finalize())
            }
        }

        func base64() -> String { Data(digest()).base64EncodedString() }
    }
}

/// The lookup tables of the reflected CRCs S3 uses.
enum CRCTables {
    /// CRC-32 (ISO-HDLC, zlib's), reflected polynomial 0xEDB88320.
    static let crc32 = table32(0xEDB8_8320)
    /// CRC-32C (Castagnoli), reflected polynomial 0x82F63B78.
    static let crc32c = table32(0x82F6_3B78)
    /// CRC-64/NVME, reflected polynomial 0x9A6C9329AC4BC9B5.
    static let crc64nvme: [UInt64] = (0..<256).map { index in
        var value = UInt64(index)
        for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0x9A6C_9329_AC4B_C9B5 : value >> 1 }
        return value
    }

    static func table32(_ polynomial: UInt32) -> [UInt32] {
        (0..<256).map { index in
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ polynomial : value >> 1 }
            return value
        }
    }

    /// Feeds bytes into a running 32-bit CRC (not inverted at either end).
    static func update32(_ start: UInt32, _ buffer: UnsafeRawBufferPointer, table: [UInt32]) -> UInt32 {
        var crc = start
        table.withUnsafeBufferPointer { entries in
            guard let lookup = entries.baseAddress else { return }
            for byte in buffer {
                crc = lookup[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        return crc
    }

    /// Feeds bytes into a running 64-bit CRC (not inverted at either end).
    static func update64(_ start: UInt64, _ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var crc = start
        crc64nvme.withUnsafeBufferPointer { entries in
            guard let lookup = entries.baseAddress else { return }
            for byte in buffer {
                crc = lookup[Int((crc ^ UInt64(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        return crc
    }
}
