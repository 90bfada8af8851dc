import Foundation

/// Where panya keeps its data and finds its bundled assets.
public enum Paths {
    /// `$XDG_DATA_HOME/panya/panya.sqlite` (default `~/.local/share/panya/panya.sqlite`).
    public static func defaultDatabase(environment: [String: String] = ProcessEnvironment.current) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home(environment) + "/.local/share")
        return base + "/panya/panya.sqlite"
    }

    /// `$XDG_DATA_HOME/panya/s3` (default `~/.local/share/panya/s3`): the buckets `panya serve`
    /// keeps beside the database, so uploads never land in the repository's recordings.
    public static func bucketsFolder(environment: [String: String] = ProcessEnvironment.current) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home(environment) + "/.local/share")
        return base + "/panya/s3"
    }

    /// `$XDG_STATE_HOME/panya/history` (default `~/.local/state/panya/history`).
    public static func historyFile(environment: [String: String] = ProcessEnvironment.current) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home(environment) + "/.local/state")
        return base + "/panya/history"
    }

    /// The home directory.
    public static func home(_ environment: [String: String] = ProcessEnvironment.current) -> String {
        environment["HOME"] ?? NSHomeDirectory()
    }

    /// The folder holding `lessons/` and `mock-responses/`: `PANYA_HOME`, else the current
    /// directory when it has them, else the repository or install prefix beside the executable.
    public static func assetsRoot(environment: [String: String] = ProcessEnvironment.current) -> String {
        let fm = FileManager.default
        func hasAssets(_ dir: String) -> Bool {
            fm.fileExists(atPath: dir + "/mock-responses") && fm.fileExists(atPath: dir + "/lessons")
        }
        if let home = environment["PANYA_HOME"], !home.isEmpty { return home }
        let cwd = fm.currentDirectoryPath
        if hasAssets(cwd) { return cwd }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? cwd).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            if hasAssets(dir.path) { return dir.path }
            let share = dir.appendingPathComponent("share/panya").path
            if hasAssets(share) { return share }
            dir = dir.deletingLastPathComponent()
        }
        return cwd
    }
}
