import Foundation

/// A fresh temporary folder used as HOME, removed when the value is released.
final class TemporaryHome {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("panya-aws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative` (folders created).
    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// An environment holding only HOME (plus `extra`).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": path].merging(extra) { _, new in new }
    }
}
