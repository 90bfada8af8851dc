import Foundation
import PanyaSupport

/// An IANA time zone read from the system's zoneinfo (TZif files), with the offsets of every
/// transition up to 2200, for turning local schedule times into instants and back.
///
/// panya reads the TZif files itself instead of using Foundation's `TimeZone`: on Linux,
/// Foundation answers from ICU's bundled time zone data, whose version follows the toolchain,
/// while the design asks for the system's zoneinfo; a sorted table and a binary search also
/// make a lookup a few nanoseconds, and the answers are the same on every machine with the
/// same tzdata.
public struct ScheduleTimeZone: Sendable, Hashable, CustomStringConvertible {
    /// The IANA name (`Asia/Tokyo`).
    public let identifier: String
    /// Instants (seconds since 1970, UTC) where the offset changes, ascending.
    let transitions: [Int]
    /// The offset from UTC in seconds in force from each transition on.
    let offsets: [Int]
    /// The offset before the first transition.
    let initialOffset: Int

    /// The default directory of zoneinfo files.
    public static let systemDirectory = "/usr/share/zoneinfo"

    /// The bakery's zone, and the default of `schedule add`.
    public static let defaultIdentifier = "Asia/Tokyo"

    /// Loads the zone `identifier` from `directory`, or throws ``ScheduleTimeZoneError/unknown(_:suggestions:)``
    /// with the closest known names.
    public static func named(_ identifier: String, directory: String = systemDirectory) throws(ScheduleTimeZoneError) -> ScheduleTimeZone {
        let safe = !identifier.isEmpty && !identifier.hasPrefix("/") && !identifier.split(separator: "/").contains("..")
            && identifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/_-+".contains($0)) }
        guard safe, let data = FileManager.default.contents(atPath: directory + "/" + identifier),
              let zone = TZifReader(bytes: Array(data)).read(identifier: identifier) else {
            throw .unknown(identifier, suggestions: suggestions(for: identifier, directory: directory))
        }
        return zone
    }

    /// UTC, for tests and for schedules that name it.
    public static let utc = ScheduleTimeZone(identifier: "UTC", transitions: [], offsets: [], initialOffset: 0)

    /// A zone with a fixed table (tests).
    init(identifier: String, transitions: [Int], offsets: [Int], initialOffset: Int) {
        self.identifier = identifier
        self.transitions = transitions
        self.offsets = offsets
        self.initialOffset = initialOffset
    }

    public var description: String { identifier }

    /// The offset from UTC in seconds at an instant (seconds since 1970).
    public func offset(at instant: Int) -> Int {
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= instant { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? initialOffset : offsets[low - 1]
    }

    /// The local wall-clock seconds of an instant.
    public func localSeconds(at instant: Int) -> Int { instant + offset(at: instant) }

    /// The first instant whose local time is `local` (wall-clock seconds since 1970), or nil when
    /// that local time does not exist (a daylight-saving gap). A repeated local time gives the earlier instant.
    public func firstInstant(local: Int) -> Int? {
        let before = offset(at: local - 86400), after = offset(at: local + 86400)
        var best: Int? = nil
        for candidateOffset in [before, after] {
            let instant = local - candidateOffset
            if offset(at: instant) == candidateOffset, best.map({ instant < $0 }) ?? true { best = instant }
        }
        return best
    }

    /// The zone names closest to `name` (case-insensitive, or the city alone), at most three, sorted.
    public static func suggestions(for name: String, directory: String = systemDirectory) -> [String] {
        let names = knownNames(directory: directory)
        let lower = name.lowercased()
        var scored: [(Int, String)] = []
        for candidate in names {
            let candidateLower = candidate.lowercased()
            let city = candidateLower.split(separator: "/").last.map(String.init) ?? candidateLower
            let d = min(Suggestions.distance(lower, candidateLower), Suggestions.distance(lower, city) + 1)
            if d <= max(2, lower.count / 3) { scored.append((d, candidate)) }
        }
        guard let best = scored.map(\.0).min() else { return [] }
        return scored.filter { $0.0 == best }.map(\.1).sorted().prefix(3).map { $0 }
    }

    /// The zone and link names of the system's tzdata (from `tzdata.zi`), sorted.
    public static func knownNames(directory: String = systemDirectory) -> [String] {
        guard let data = FileManager.default.contents(atPath: directory + "/tzdata.zi"),
              let text = String(data: data, encoding: .utf8) else { return [] }
        var names: Set<String> = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count >= 2, words[0] == "Z" { names.insert(String(words[1])) }
            if words.count >= 3, words[0] == "L" { names.insert(String(words[2])) }
        }
        return names.sorted()
    }
}

/// A time zone name panya cannot use.
public enum ScheduleTimeZoneError: UserFacingError, CustomStringConvertible, Equatable {
    /// No zoneinfo file has this name; `suggestions` are the closest names.
    case unknown(String, suggestions: [String])

    public var code: String? { "UnknownTimeZone" }
    public var message: Message {
        switch self {
        case .unknown(let name, let suggestions): return Catalog.unknownTimeZone(name, suggestions: suggestions)
        }
    }
    public var description: String { message.en }
}
