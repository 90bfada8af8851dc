import Foundation

/// A fresh, empty folder under the system's temporary directory, removed when released.
///
/// Hold the value for as long as the folder is needed; `deinit` removes it and everything in it.
/// Call `remove()` to remove it earlier (for example in a `defer`, to make the end explicit).
public final class TemporaryFolder: Sendable {
    /// The folder's absolute path (no trailing slash).
    public let path: String

    /// Creates a unique folder named `<prefix>-<UUID>` under the system's temporary directory.
    public init(prefix: String = "panya-tests") throws {
        let base = FileManager.default.temporaryDirectory.path
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        path = trimmed + "/" + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { remove() }

    /// The folder as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of `name` inside the folder (nothing is created).
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` as UTF-8 to `relative` inside the folder (intermediate folders created); returns its path.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `relative` inside the folder (intermediate folders created); returns its path.
    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = file(relative)
        let parent = URL(fileURLWithPath: full).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Removes the folder and its contents now (doing nothing if it is already gone).
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
