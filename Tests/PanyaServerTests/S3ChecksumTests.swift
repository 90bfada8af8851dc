import Foundation
import Testing
@testable import PanyaServer

@Suite struct S3ChecksumTests {
    /// The catalogue's check values: the CRC of the nine bytes `123456789`.
    @Test(arguments: [(S3Checksum.crc32, "cbf43926"), (.crc32c, "e3069283"), (.crc64nvme, "ae8b14860a799888"),
                      (.sha1, "f7c3bc1d808e04732adf679965ccc34ca7ae3441"),
                      (.sha256, "15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225")])
    func knownVectors(algorithm: S3Checksum, hex: String) {
        var state = S3Checksum.State(algorithm)
        Array("123456789".utf8).withUnsafeBytes { state.update($0) }
        #expect(S3Endpoint.hex(state.digest()) == hex)
        #expect(state.digest().count == algorithm.byteCount)
    }

    @Test(arguments: S3Checksum.allCases)
    func piecesGiveTheSameChecksumAsTheWhole(algorithm: S3Checksum) {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var state = S3Checksum.State(algorithm)
        for start in stride(from: 0, to: bytes.count, by: 777) {
            Array(bytes[start..<min(start + 777, bytes.count)]).withUnsafeBytes { state.update($0) }
        }
        #expect(state.base64() == algorithm.base64(of: bytes))
    }

    @Test func emptyInputAndBase64Form() {
        #expect(S3Checksum.crc32.base64(of: []) == "AAAAAA==")
        #expect(S3Checksum.crc64nvme.base64(of: []) == "AAAAAAAAAAA=")
        #expect(S3Checksum.crc32.base64(of: Array("123456789".utf8)) == Data([0xCB, 0xF4, 0x39, 0x26]).base64EncodedString())
        #expect(S3Checksum(name: "crc32c") == .crc32c)
        #expect(S3Checksum.crc64nvme.header == "x-amz-checksum-crc64nvme")
        #expect(S3Checksum.sha256.element == "ChecksumSHA256")
    }
}
