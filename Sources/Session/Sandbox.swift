import Foundation
import PanyaSupport

/// Where a sandboxed session (a student in `panya class`) may read and write files: its own
/// folder (read and write) and the bundled assets (read only). A relative path is relative to the
/// student's folder. Paths are compared after resolving `.`, `..` and symbolic links, so a link in
/// the student's folder that points outside is refused like the path it points to.
public struct Sandbox: Sendable, Equatable {
    /// The student's folder: relative paths start here; the only place files are written.
    public var home: String
    /// Folders that may be read but never written (the bundled lessons, recordings and photos).
    public var readOnlyRoots: [String]

    /// A sandbox over `home` that may also read `readOnlyRoots`.
    public init(home: String, readOnlyRoots: [String]) {
        self.home = Self.canonical(home)
        self.readOnlyRoots = readOnlyRoots.map(Self.canonical)
    }

    /// The absolute path of `path` (relative to `home`), or nil when it is outside every folder that may be read.
    public func readablePath(_ path: String) -> String? {
        let absolute = Self.canonical(path.hasPrefix("/") ? path : home + "/" + path)
        return ([home] + readOnlyRoots).contains(where: { Self.isInside(absolute, $0) }) ? absolute : nil
    }

    /// The absolute path of `path` (relative to `home`), or nil when it is outside the student's folder.
    public func writablePath(_ path: String) -> String? {
        let absolute = Self.canonical(path.hasPrefix("/") ? path : home + "/" + path)
        return Self.isInside(absolute, home) ? absolute : nil
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// `path` with `.` and `..` removed and the links of its existing part resolved.
    static func canonical(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        // Resolve links on the longest prefix that exists (the rest does not exist yet: nothing to resolve).
        var existing = parts.count
        while existing > 0 {
            let prefix = "/" + parts[..<existing].joined(separator: "/")
            if let resolved = realpath(prefix, nil) {
                defer { free(resolved) }
                let rest = parts[existing...].joined(separator: "/")
                let base = String(cString: resolved)
                return rest.isEmpty ? base : (base == "/" ? "/" + rest : base + "/" + rest)
            }
            existing -= 1
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// Why a sandboxed session refused something.
public enum SandboxError: UserFacingError, Equatable {
    /// A file outside the student's folder and the bundled assets.
    case outsideRead(String)
    /// A file written outside the student's folder.
    case outsideWrite(String)
    /// A command a class does not allow (`backend aws`, `record`).
    case commandRefused(String)

    public var message: Message {
        switch self {
        case .outsideRead(let path):
            return Message(en: "'\(path)' is outside your folder: in a class you can open your own files and the lesson photos (lessons/photos/…).",
                           ja: "「\(path)」はあなたのフォルダーの外です。授業では自分のファイルとレッスンの写真 (lessons/photos/…) だけを開けます。")
        case .outsideWrite(let path):
            return Message(en: "'\(path)' is outside your folder: in a class, files are written in your own folder (use a name like out.png).",
                           ja: "「\(path)」はあなたのフォルダーの外です。授業では自分のフォルダーにだけ書き込めます (out.png のような名前にしましょう)。")
        case .commandRefused(let command):
            return Message(en: "`\(command)` is not available in a class: it would reach outside your own work. Ask your teacher.",
                           ja: "`\(command)` は授業では使えません (自分の作業の外に届くため)。先生に聞いてください。")
        }
    }

    public var code: String? { "SandboxRefused" }
}
