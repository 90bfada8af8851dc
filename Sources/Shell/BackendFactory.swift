import AWSBackend
import CustomLabels
import MockBackend
import PanyaStore
import PanyaSupport

/// Builds the backend a session's options name.
enum BackendFactory {
    /// The mock over `mockDirectory` (default: the bundled `mock-responses/`), or AWS resolved
    /// from the flags and the environment (failing before any call when something is missing).
    static func make(options: ShellOptions, assetsRoot: String, database: PanyaDatabase) throws -> CustomLabelsBackend {
        switch options.backend {
        case .mock:
            return try makeMock(directory: options.mockDirectory, assetsRoot: assetsRoot, database: database)
        case .aws:
            return try AWSBackend(options: AWSOptions(profile: options.profile, region: options.region, endpointURL: options.endpointURL))
        }
    }

    /// The mock over a recordings folder.
    static func makeMock(directory: String?, assetsRoot: String, database: PanyaDatabase) throws -> CustomLabelsBackend {
        try MockBackend(directory: directory ?? (assetsRoot + "/mock-responses"), database: database)
    }
}
