import CustomLabels
import Foundation
import PanyaSupport
import Session

/// The console's view of the student's project: its labels and both datasets with every photo's
/// boxes and the counts the console shows (labelled / unlabelled photos, boxes per label).
enum ConsoleProject {
    struct BoxJSON: Codable, Sendable, Equatable {
        var label: String
        var left: Double
        var top: Double
        var width: Double
        var height: Double

        init(label: String, left: Double, top: Double, width: Double, height: Double) {
            (self.label, self.left, self.top, self.width, self.height) = (label, left, top, width, height)
        }

        init(_ labelled: LabelledBox) {
            self.init(label: labelled.label, left: labelled.box.left, top: labelled.box.top, width: labelled.box.width, height: labelled.box.height)
        }
    }

    struct PhotoJSON: Encodable, Sendable {
        var path: String
        var name: String
        var width: Int
        var height: Int
        var boxes: [BoxJSON]
    }

    struct DatasetJSON: Encodable, Sendable {
        var kind: String
        var created: Bool
        var photos: [PhotoJSON]
        var labelled: Int
        var unlabelled: Int
        var boxesPerLabel: [String: Int]
    }

    struct StateJSON: Encodable, Sendable {
        var project: String?
        var labels: [String]
        var datasets: [DatasetJSON]
    }

    /// The backend as a model builder (the mock, with panya's own engine).
    static func trainer(_ session: StudentSession) throws -> any ModelTraining {
        guard let trainer = session.backend.training else { throw ConsoleError.cannotBuildModels }
        return trainer
    }

    /// `train` or `test` as the page sends it.
    static func kind(_ text: String?) throws -> DatasetKind {
        switch text {
        case "train", "training": return .training
        case "test": return .test
        default: throw ConsoleError.unknownDataset
        }
    }

    /// The project, its labels and datasets now (no project yet: an empty state).
    static func state(_ session: StudentSession) throws -> StateJSON {
        let trainer = try trainer(session)
        guard let project = try? trainer.currentTrainingProject() else { return StateJSON(project: nil, labels: [], datasets: []) }
        let datasets = try trainer.datasets(project: project)
        let views = DatasetKind.allCases.map { kind in
            let photos = datasets.photos(kind)
            var perLabel: [String: Int] = [:]
            for photo in photos ?? [] { for box in photo.boxes { perLabel[box.label, default: 0] += 1 } }
            let labelled = (photos ?? []).filter { !$0.boxes.isEmpty }.count
            return DatasetJSON(kind: kind == .training ? "train" : "test", created: photos != nil,
                               photos: (photos ?? []).map { photoJSON($0) },
                               labelled: labelled, unlabelled: (photos?.count ?? 0) - labelled, boxesPerLabel: perLabel)
        }
        return StateJSON(project: project, labels: datasets.labels, datasets: views)
    }

    static func photoJSON(_ photo: TrainingPhoto) -> PhotoJSON {
        PhotoJSON(path: photo.name, name: (photo.name as NSString).lastPathComponent, width: photo.width, height: photo.height,
                  boxes: photo.boxes.map(BoxJSON.init))
    }

    /// CreateProject with both datasets (empty), as the console's "create project" does.
    static func create(_ session: StudentSession, name: String) throws -> StateJSON {
        let trainer = try trainer(session)
        _ = try trainer.createProject(name: name)
        _ = try trainer.useProject(name: name)
        for kind in DatasetKind.allCases { try trainer.createDataset(project: name, kind: kind) }
        return try state(session)
    }

    /// Adds labels (each checked as a box's label is).
    static func addLabels(_ session: StudentSession, _ names: [String]) throws -> StateJSON {
        let trainer = try trainer(session)
        let project = try trainer.currentTrainingProject()
        let cleaned = try names.map { try ConsoleBoxes.checkedLabel($0) }
        _ = try trainer.addLabels(project: project, cleaned)
        return try state(session)
    }

    /// Takes a photo out of its dataset.
    static func remove(_ session: StudentSession, path: String) throws -> StateJSON {
        let trainer = try trainer(session)
        let project = try trainer.currentTrainingProject()
        let (kind, _) = try trainer.datasetPhoto(project: project, path: path)
        try trainer.removePhoto(project: project, kind: kind, path: path)
        return try state(session)
    }

    /// The file of a photo the page may show: one in a dataset of the current project (nothing else is served).
    static func servablePhoto(_ session: StudentSession, path: String) throws -> String {
        let trainer = try trainer(session)
        let project = try trainer.currentTrainingProject()
        guard !path.isEmpty, (try? trainer.datasetPhoto(project: project, path: path)) != nil else { throw ClassError.unknownPhoto }
        return path
    }
}
