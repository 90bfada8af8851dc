import Foundation

/// The root of this checkout, found from this file's path (`Tests/PanyaTestSupport/RepositoryRoot.swift`).
public enum RepositoryRoot {
    /// The repository root's absolute path (no trailing slash).
    public static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The absolute path of `relative` under the repository root.
    public static func file(_ relative: String) -> String { path + "/" + relative }
}
