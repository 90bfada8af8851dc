import Foundation
import PanyaTestSupport

/// A fresh temporary folder used as HOME (for `~/.aws/config` and friends), removed when the value is released.
final class TemporaryHome {
    /// The folder that holds the files; it goes when the home goes.
    let folder: TemporaryFolder

    /// The folder's path (what HOME is set to).
    var path: String { folder.path }

    init() throws {
        folder = try TemporaryFolder(prefix: "panya-aws")
    }

    /// Writes `text` to `relative` (folders created).
    func write(_ relative: String, _ text: String) throws {
        try folder.write(relative, text)
    }

    /// An environment holding only HOME (plus `extra`).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": path].merging(extra) { _, new in new }
    }
}
