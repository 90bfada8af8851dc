import PanyaSupport

/// A value inside a parsed document, with its path and the document's locations, so that
/// decoding errors name the line, column and key of the mistake.
public struct JSONCursor: Sendable {
    public let value: JSONValue
    public let path: JSONPath
    let locations: [JSONPath: JSONLocation]

    /// A cursor over `value` (locations are empty when the value was not parsed from text).
    public init(value: JSONValue, path: JSONPath = .root, locations: [JSONPath: JSONLocation] = [:]) {
        self.value = value
        self.path = path
        self.locations = locations
    }

    /// Where this value starts in the text, when known.
    public var location: JSONLocation? { locations[path] }

    /// An error about this value.
    public func error(_ problem: JSONError.Problem, hint: Message? = nil) -> JSONError {
        JSONError(problem, path: path, location: location, hint: hint)
    }

    /// An "invalid value" error about this value.
    public func invalid(_ message: Message, hint: Message? = nil) -> JSONError {
        error(.invalidValue(message), hint: hint)
    }

    private func mismatch(_ expected: Message) -> JSONError {
        error(.typeMismatch(expected: expected, found: value.kindMessage))
    }

    /// The object's members as cursors; throws unless this is an object.
    public func object() throws -> JSONObject {
        guard case .object(let object) = value else { throw mismatch(Catalog.jsonKindObject) }
        return object
    }

    /// The required member `key` of this object.
    public func member(_ key: String) throws -> JSONCursor {
        let object = try object()
        guard let child = object[key] else { throw error(.missingKey(key)) }
        return JSONCursor(value: child, path: path.appending(key: key), locations: locations)
    }

    /// The member `key` of this object, or nil when absent or null.
    public func optionalMember(_ key: String) throws -> JSONCursor? {
        let object = try object()
        guard let child = object[key], child != .null else { return nil }
        return JSONCursor(value: child, path: path.appending(key: key), locations: locations)
    }

    /// Throws for the first key of this object not in `known`, suggesting the closest known key.
    public func rejectUnknownKeys(_ known: [String]) throws {
        let object = try object()
        for key in object.keys where !known.contains(key) {
            let child = JSONCursor(value: object[key] ?? .null, path: path.appending(key: key), locations: locations)
            throw child.error(.unknownKey(key, suggestion: Self.closest(to: key, in: known)))
        }
    }

    /// The elements of this list as cursors.
    public func elements() throws -> [JSONCursor] {
        guard case .array(let elements) = value else { throw mismatch(Catalog.jsonKindList) }
        return elements.enumerated().map { JSONCursor(value: $1, path: path.appending(index: $0), locations: locations) }
    }

    /// The string.
    public func string() throws -> String {
        guard case .string(let s) = value else { throw mismatch(Catalog.jsonKindString) }
        return s
    }

    /// The number as a Double (an int is accepted).
    public func double() throws -> Double {
        guard let d = value.doubleValue else { throw mismatch(Catalog.jsonKindNumber) }
        return d
    }

    /// The number as an Int (a double with no fraction is accepted, `1800.0`).
    public func int() throws -> Int {
        switch value {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: return Int(d)
        default: throw mismatch(Catalog.jsonKindInteger)
        }
    }

    /// The boolean.
    public func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw mismatch(Catalog.jsonKindBool) }
        return b
    }

    /// The known key closest to `key` (case-insensitive edit distance ≤ 3), if any.
    static func closest(to key: String, in known: [String]) -> String? {
        var best: (String, Int)?
        for candidate in known {
            let d = Suggestions.distance(key.lowercased(), candidate.lowercased())
            if d <= 3, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }
}
