import Crypto
import Foundation

/// The class's secrets: the code students type, the teacher's password, and session tokens
/// (128 random bits, kept in the roster only as their SHA-256).
public enum ClassSecrets {
    /// A short code to say aloud and type on a phone: `PAN-` and four digits.
    public static func newClassCode() -> String {
        "PAN-" + String(format: "%04d", Int.random(in: 1000...9999))
    }

    /// A password the teacher can type: three groups of four letters and digits without look-alikes.
    public static func newTeacherPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<3).map { _ in String((0..<4).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }) }.joined(separator: "-")
    }

    /// A new session token: 128 random bits as 32 hex digits.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// What the roster keeps of a token: its SHA-256 in hex (a stolen database gives no session).
    public static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }

    /// A class code as typed: upper case, spaces dropped, `pan4821` → `PAN-4821`.
    public static func normalizedCode(_ typed: String) -> String {
        let kept = typed.uppercased().filter { $0.isLetter || $0.isNumber }
        guard kept.count > 3 else { return kept }
        let letters = kept.prefix(while: { $0.isLetter })
        return letters.isEmpty ? kept : letters + "-" + kept.dropFirst(letters.count)
    }
}
