import AWSBackend
import CustomLabels
import Foundation
import MockBackend
import PanyaStore
import PanyaSupport
import Workbench

/// Builds the backend a session's options name.
public enum BackendFactory {
    /// The mock over `mockDirectory` (default: the bundled `mock-responses/`), or AWS resolved
    /// from the flags and the environment (failing before any call when something is missing).
    public static func make(options: SessionOptions, assetsRoot: String, database: PanyaDatabase) throws -> CustomLabelsBackend {
        switch options.backend {
        case .mock:
            return try makeMock(directory: options.mockDirectory, assetsRoot: assetsRoot, database: database)
        case .aws:
            return try makeAWS(AWSOptions(profile: options.profile, region: options.region, endpointURL: options.endpointURL),
                               trainingBucket: options.trainingBucket, assetsRoot: assetsRoot, database: database)
        }
    }

    /// The mock over a recordings folder.
    public static func makeMock(directory: String?, assetsRoot: String, database: PanyaDatabase) throws -> CustomLabelsBackend {
        try MockBackend(directory: directory ?? (assetsRoot + "/mock-responses"), database: database)
    }

    /// AWS, with the local dataset workbench on the same database (no recordings folder is read),
    /// and the training bucket from `trainingBucket`, else `PANYA_TRAINING_BUCKET`.
    public static func makeAWS(_ options: AWSOptions, trainingBucket: String?, assetsRoot: String, database: PanyaDatabase,
                        environment: [String: String] = ProcessEnvironment.current) throws -> CustomLabelsBackend {
        let bucket = trainingBucket ?? environment["PANYA_TRAINING_BUCKET"].flatMap { $0.isEmpty ? nil : $0 }
        // Dated by the wall clock: the live backend has no simulated one.
        let workbench = LocalWorkbench(database: database)
        return try AWSBackend(options: options, environment: environment, settings: AWSBackend.Settings(trainingBucket: bucket),
                              workbench: workbench)
    }
}
