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
    static func makeMock(directory: String?, assetsRoot: String, database: PanyaDatabase) throws -> MockBackend {
        try MockBackend(directory: directory ?? (assetsRoot + "/mock-responses"), database: database)
    }
}

extension ShellSession {
    /// The kind of the current backend.
    var backendKind: BackendChoice {
        if backend is AWSBackend { return .aws }
        if let unavailable = backend as? UnavailableBackend, unavailable.kind == .aws { return .aws }
        return .mock
    }

    /// The mock, or an error naming the command when the session is on AWS.
    func requireMock(_ command: String) throws -> MockBackend {
        if let unavailable = backend as? UnavailableBackend, unavailable.kind == .mock { throw unavailable.error }
        guard let mock = backend as? MockBackend else {
            throw ShellError.notAvailableOnBackend(command: command, backend: "aws")
        }
        return mock
    }

    /// The AWS backend, or an error naming the command when the session is on the mock.
    func requireAWS(_ command: String) throws -> AWSBackend {
        if let unavailable = backend as? UnavailableBackend, unavailable.kind == .aws { throw unavailable.error }
        guard let aws = backend as? AWSBackend else {
            throw ShellError.notAvailableOnBackend(command: command, backend: "mock")
        }
        return aws
    }
}
