import Foundation

/// The environment panya was started with, read once: Foundation builds a new dictionary of
/// every variable on each read of `ProcessInfo.processInfo.environment`, and panya never changes
/// its own environment.
public enum ProcessEnvironment {
    /// The variables panya was started with.
    public static let current: [String: String] = ProcessInfo.processInfo.environment
}
