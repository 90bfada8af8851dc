import Crypto

/// The SHA-256 of a photo's bytes: how recordings match a photo (docs/mock.md).
public enum PhotoFingerprint {
    /// Lowercase hex SHA-256 of `bytes` (64 characters).
    public static func sha256(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        let hex: [Character] = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return out
    }
}
