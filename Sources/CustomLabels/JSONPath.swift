/// Where a value sits in a JSON document: `CustomLabels[2].Confidence`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// One step: an object key or a list index.
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// The steps from the top of the document.
    public var components: [Component]

    /// The top of the document.
    public static let root = JSONPath(components: [])

    public init(components: [Component]) {
        self.components = components
    }

    /// This path followed by an object key.
    public func appending(key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }

    /// This path followed by a list index.
    public func appending(index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }

    /// True at the top of the document.
    public var isRoot: Bool { components.isEmpty }

    /// `CustomLabels[2].Confidence`; the top of the document is `(top level)`.
    public var description: String {
        if components.isEmpty { return "(top level)" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}

/// A place in a JSON text: line and column, both counted from 1 (columns in characters).
public struct JSONLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `3:14`.
    public var description: String { "\(line):\(column)" }
}
