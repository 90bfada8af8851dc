/// The pieces every Custom Labels ARN shares, and the checks the service applies to them
/// (`arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project/[a-zA-Z0-9_.\-]{1,255}/…/[0-9]+`).
public enum ArnSyntax {
    /// The placeholder account used offline and in recordings.
    public static let placeholderAccount = "123456789012"

    /// The regular expression the service states for version ARNs.
    public static let versionPattern = "(^arn:[a-z\\d-]+:rekognition:[a-z\\d-]+:\\d{12}:project\\/[a-zA-Z0-9_.\\-]{1,255}\\/version\\/[a-zA-Z0-9_.\\-]{1,255}\\/[0-9]+$)"
    /// The regular expression the service states for project ARNs.
    public static let projectPattern = "(^arn:[a-z\\d-]+:rekognition:[a-z\\d-]+:\\d{12}:project\\/[a-zA-Z0-9_.\\-]{1,255}\\/[0-9]+$)"

    /// True for a partition or region: lower-case letters, digits and `-`, not empty.
    public static func isRegionLike(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { isLowercase($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// True for a 12-digit account id.
    public static func isAccount(_ text: Substring) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy(isDigit)
    }

    /// True for a project or version name: 1–255 of `a-zA-Z0-9_.-`.
    public static func isName(_ text: Substring) -> Bool {
        (1...255).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            isLowercase(byte) || isUppercase(byte) || isDigit(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }

    /// The epoch milliseconds at the end of an ARN.
    public static func millis(_ text: Substring) -> Int64? {
        guard !text.isEmpty, text.utf8.allSatisfy(isDigit) else { return nil }
        return Int64(text)
    }

    // ARNs are ASCII: their parts are checked byte by byte (a byte outside these ranges, such as
    // any byte of a non-ASCII character, fails the check), which is what a service's pattern does
    // and many times faster than asking each `Character` for its Unicode properties.
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    /// Splits `arn:PARTITION:rekognition:REGION:ACCOUNT:RESOURCE`; nil when the head is wrong.
    static func head(_ arn: String) -> (partition: String, region: String, account: String, resource: [Substring])? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", isRegionLike(parts[1]), parts[2] == "rekognition",
              isRegionLike(parts[3]), isAccount(parts[4]) else { return nil }
        return (String(parts[1]), String(parts[3]), String(parts[4]),
                parts[5].split(separator: "/", omittingEmptySubsequences: false))
    }

    /// Replaces the account of every Rekognition ARN in `text` by `account`
    /// (recordings made from AWS keep no account id unless asked).
    public static func replacingAccounts(in text: String, with account: String = placeholderAccount) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: ":rekognition:") {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            // REGION:ACCOUNT:
            guard let colon = rest.firstIndex(of: ":") else { break }
            let region = rest[..<colon]
            let afterRegion = rest[rest.index(after: colon)...]
            let candidate = afterRegion.prefix(12)
            if isRegionLike(region), isAccount(candidate), afterRegion.dropFirst(12).first == ":" {
                result += region + ":" + account
                rest = afterRegion.dropFirst(12)
            }
        }
        return result + rest
    }
}
