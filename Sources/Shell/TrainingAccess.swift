import CustomLabels
import Foundation
import PanyaSupport
import Session

/// What the project, dataset, boxes and training families need: the service, the model in use
/// (a new version becomes it), and how to show a photo's path short.
protocol TrainingAccess: ServiceAccess {
    /// Where `lessons/` lives (paths under it are shown relative to it).
    var assetsRoot: String { get }
}

extension TrainingAccess {
    /// The backend as a model builder, or the error saying this backend cannot build models.
    func trainer(_ command: String) throws -> any ModelTraining {
        guard let trainer = backend.training else {
            throw SessionError.notAvailableOnBackend(command: command, backend: backend.kind.rawValue)
        }
        return trainer
    }

    /// A stored photo path as the student would type it: relative to the working folder or to
    /// the bundled assets when under one of them.
    func shortPath(_ path: String) -> String {
        for base in [FileManager.default.currentDirectoryPath, assetsRoot] where !base.isEmpty {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        }
        return path
    }
}
