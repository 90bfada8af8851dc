import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An AWS shared config or credentials file (INI), read as botocore reads it.
///
/// - `~/.aws/credentials`: sections are profile names, `[dev]`.
/// - `~/.aws/config`: `[default]` and `[profile dev]` (`[profile default]` too); other sections
///   (`[sso-session x]`, `[services x]`, a bare `[dev]`) are not profiles.
/// Keys are `key = value` (or `key: value`); lines starting with `#` or `;` are comments; an
/// indented line under `key =` is a nested setting (`s3 =` / `  addressing_style = path`), kept as
/// `key.sub`.
public struct AWSConfigFile: Sendable, Equatable {
    /// Which of the two files this is: it decides how section names map to profiles.
    public enum Kind: Sendable { case config, credentials }

    /// Profile name → settings, in the file's order of profiles.
    public private(set) var profiles: [String: [String: String]] = [:]
    /// Profile names in the order they first appear.
    public private(set) var profileNames: [String] = []

    public init() {}

    /// Parses `text` as a file of `kind`.
    public init(text: String, kind: Kind) {
        var current: String? = nil
        var lastKey: String? = nil
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                let name = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = Self.profileName(section: name, kind: kind)
                lastKey = nil
                if let current, profiles[current] == nil {
                    profiles[current] = [:]
                    profileNames.append(current)
                }
                continue
            }
            guard let profile = current else { continue }
            let indented = line.first == " " || line.first == "\t"
            guard let separator = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = trimmed[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            if indented, let parent = lastKey {
                profiles[profile, default: [:]][parent + "." + key] = value
            } else {
                profiles[profile, default: [:]][key] = value
                lastKey = key
            }
        }
    }

    /// Reads the file at `path`; a missing file is an empty one. Nil only if it exists but can't be read.
    public static func load(path: String, kind: Kind) -> AWSConfigFile? {
        guard FileManager.default.fileExists(atPath: path) else { return AWSConfigFile() }
        guard let bytes = readAll(path: path) else { return nil }
        return AWSConfigFile(text: String(decoding: bytes, as: UTF8.self), kind: kind)
    }

    /// Reads a file to its end with read(2), so character devices such as `/dev/null` (which the
    /// AWS CLI accepts as "no file") read as empty; nil when it cannot be opened or read.
    static func readAll(path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The profile a section header names, or nil when the section is not a profile.
    static func profileName(section: String, kind: Kind) -> String? {
        switch kind {
        case .credentials:
            return section
        case .config:
            if section == "default" { return "default" }
            let parts = section.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            if parts.count == 2, parts[0] == "profile" {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
            return nil
        }
    }

    /// The settings of `profile`, nil if the file has no such profile.
    public subscript(profile: String) -> [String: String]? { profiles[profile] }

    /// This file's profiles with `other`'s merged over them (botocore lets the credentials
    /// file's values win over the config file's).
    public func merging(_ other: AWSConfigFile) -> AWSConfigFile {
        var merged = self
        for name in other.profileNames {
            if merged.profiles[name] == nil { merged.profileNames.append(name) }
            merged.profiles[name, default: [:]].merge(other.profiles[name] ?? [:]) { _, new in new }
        }
        return merged
    }
}
