import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport
import Photos
import Workbench

/// The dataset operations by ARN (DescribeDataset, ListDatasetEntries, UpdateDatasetEntries …)
/// over the same store the shell's `dataset` commands use.
extension MockBackend: DatasetManagement {
    public func datasetArn(project: String, kind: DatasetKind) throws -> String {
        try workbench.requireProject(project)
        guard let created = try workbench.store.datasetCreatedSeconds(project: project, kind: kind),
              let stored = try workbench.store.project(named: project), let projectArn = ProjectArn(stored.projectArn) else {
            throw WorkbenchError.noDataset(project: project, kind: kind)
        }
        return DatasetArn(partition: projectArn.partition, region: projectArn.region, account: projectArn.account, projectName: project,
                          kind: kind, creationMillis: Int64((created * 1000).rounded(.down))).description
    }

    public func datasetMetadata(projectName: String) throws -> [JSONValue] {
        guard let stored = try workbench.store.project(named: projectName), let projectArn = ProjectArn(stored.projectArn) else { return [] }
        return try DatasetKind.allCases.compactMap { kind in
            guard let created = try workbench.store.datasetCreatedSeconds(project: projectName, kind: kind) else { return nil }
            let arn = DatasetArn(partition: projectArn.partition, region: projectArn.region, account: projectArn.account, projectName: projectName,
                                 kind: kind, creationMillis: Int64((created * 1000).rounded(.down)))
            return .object(["CreationTimestamp": .double(created), "DatasetType": .string(kind == .training ? "TRAIN" : "TEST"),
                            "DatasetArn": .string(arn.description), "Status": .string("CREATE_COMPLETE"),
                            "StatusMessage": .string("The dataset was successfully created."), "StatusMessageCode": .string("SUCCESS")])
        }
    }

    /// The project and kind of a dataset this backend has (ResourceNotFoundException otherwise).
    func dataset(arn: String) throws -> (project: String, kind: DatasetKind, createdSeconds: Double) {
        let parsed = try DatasetArn.parse(arn)
        let notFound = notFound(ServiceError(.resourceNotFound, "The dataset \(arn) could not be found."), region: parsed.region)
        guard let stored = try workbench.store.project(named: parsed.projectName), let projectArn = ProjectArn(stored.projectArn),
              projectArn.region == parsed.region, projectArn.account == parsed.account, projectArn.partition == parsed.partition,
              let created = try workbench.store.datasetCreatedSeconds(project: parsed.projectName, kind: parsed.kind),
              Int64((created * 1000).rounded(.down)) == parsed.creationMillis else { throw notFound }
        return (parsed.projectName, parsed.kind, created)
    }

    public func deleteProject(arn: String) throws -> String {
        let parsed = try ProjectArn.parse(arn)
        guard let project = try allProjects().first(where: { $0.projectArn.description == arn }) else {
            throw notFound(ServiceError.projectNotFound(arn), region: parsed.region)
        }
        guard project.versions.isEmpty else {
            throw ServiceError(.resourceInUse, "The project \(arn) has model versions; delete them first.")
        }
        guard try workbench.store.deleteProject(name: project.projectName) else { throw ServiceError.projectNotFound(arn) }
        return "DELETING"
    }

    public func describeDataset(arn: String) throws -> DatasetDescription {
        let found = try dataset(arn: arn)
        let photos = try workbench.store.photos(project: found.project, kind: found.kind)
        let labels = Set(photos.flatMap { $0.boxes.map(\.label) })
        return DatasetDescription(creationTimestamp: found.createdSeconds, lastUpdatedTimestamp: found.createdSeconds, status: "CREATE_COMPLETE",
                                  statusMessage: "The dataset was successfully created.", statusMessageCode: "SUCCESS",
                                  labeledEntries: photos.filter { !$0.boxes.isEmpty }.count, totalEntries: photos.count,
                                  totalLabels: labels.count, errorEntries: 0)
    }

    public func deleteDataset(arn: String) throws {
        let found = try dataset(arn: arn)
        _ = try workbench.store.deleteDataset(project: found.project, kind: found.kind)
    }

    public func datasetEntries(arn: String) throws -> [DatasetEntryLine] {
        let found = try dataset(arn: arn)
        let labels = try workbench.store.labels(project: found.project)
        let bucketRoot = URL(fileURLWithPath: s3.root).resolvingSymlinksInPath().standardizedFileURL.path + "/"
        return try workbench.store.photos(project: found.project, kind: found.kind).map { photo in
            // A photo from the bucket folder is named by its s3:// URI, as the service names it.
            let ref = photo.name.hasPrefix(bucketRoot) ? "s3://" + photo.name.dropFirst(bucketRoot.count) : photo.name
            let entry = ManifestEntry(sourceRef: ref, imageWidth: photo.width, imageHeight: photo.height, boxes: photo.boxes)
            let line = ManifestWriter.write([entry], labels: labels).trimmingCharacters(in: .newlines)
            return DatasetEntryLine(line: line, sourceRef: ref, labels: Set(photo.boxes.map(\.label)))
        }
    }

    public func datasetLabels(arn: String) throws -> [DatasetLabelStats] {
        let found = try dataset(arn: arn)
        let photos = try workbench.store.photos(project: found.project, kind: found.kind)
        return try workbench.store.labels(project: found.project).map { label in
            DatasetLabelStats(name: label, entryCount: photos.filter { $0.boxes.contains { $0.label == label } }.count,
                              boxCount: photos.reduce(0) { $0 + $1.boxes.filter { $0.label == label }.count })
        }
    }

    public func updateDatasetEntries(arn: String, manifest: [UInt8]) throws {
        let found = try dataset(arn: arn)
        let reading = ManifestReader.read(bytes: manifest)
        let errors = reading.issues.filter { $0.manifestCode.scope != .warning }
        if !errors.isEmpty {
            throw ServiceError(.invalidParameter, "The manifest file has errors: " + errors.map(\.message.en).joined(separator: "; "),
                               detail: WorkbenchError.unusableManifest(path: arn, issues: reading.issues).message)
        }
        var photos: [TrainingPhoto] = []
        for row in reading.rows {
            guard S3Location(row.entry.sourceRef) != nil else {
                throw ServiceError(.invalidParameter, "The manifest file has errors: line \(row.line): source-ref \(row.entry.sourceRef) is not an s3:// URI")
            }
            photos.append(try workbench.manifestPhoto(row.entry, folder: nil))
        }
        try workbench.store.addLabels(project: found.project, reading.labels)
        try workbench.store.addPhotos(project: found.project, kind: found.kind, photos)
    }

    public func distributeDatasetEntries(arns: [String]) throws {
        guard arns.count == 2 else {
            throw ServiceError(.invalidParameter, "Datasets must hold the ARNs of a training dataset and a test dataset of one project.")
        }
        let first = try dataset(arn: arns[0]), second = try dataset(arn: arns[1])
        guard first.project == second.project, first.kind != second.kind else {
            throw ServiceError(.invalidParameter, "Datasets must hold the ARNs of a training dataset and a test dataset of one project.")
        }
        let project = first.project
        let training = try workbench.store.photos(project: project, kind: .training)
        guard try workbench.store.photos(project: project, kind: .test).isEmpty else {
            throw ServiceError(.invalidParameter, "The test dataset must be empty to distribute entries into it.")
        }
        guard training.count >= 2 else {
            throw ServiceError(.invalidParameter, "The training dataset needs at least 2 entries to distribute.")
        }
        // Every fifth entry (a fifth of the dataset, at least one) moves to the test dataset.
        let moving = training.enumerated().filter { $0.offset % 5 == 4 }.map(\.element)
        let moved = moving.isEmpty ? [training[training.count - 1]] : moving
        try workbench.store.addPhotos(project: project, kind: .test, moved)
        for photo in moved {
            _ = try workbench.store.removePhoto(project: project, kind: .training, path: photo.name)
        }
    }

    public func copyProjectVersion(sourceProjectArn: String, sourceVersionArn: String, destinationProjectArn: String, versionName: String,
                                   output: OutputConfig) throws -> String {
        let sourceProject = try ProjectArn.parse(sourceProjectArn, member: "sourceProjectArn")
        let source = try ProjectVersionArn.parse(sourceVersionArn, member: "sourceProjectVersionArn")
        let destination = try ProjectArn.parse(destinationProjectArn, member: "destinationProjectArn")
        guard versionName.utf8.count <= 255, ArnSyntax.isName(Substring(versionName)) else {
            throw ServiceError.validation(value: versionName, member: "versionName", constraint: #"Member must satisfy regular expression pattern: [a-zA-Z0-9_.\-]+"#)
        }
        guard try allProjects().contains(where: { $0.projectArn.description == sourceProjectArn }) else {
            throw notFound(ServiceError.projectNotFound(sourceProjectArn), region: sourceProject.region)
        }
        guard let target = try allProjects().first(where: { $0.projectArn.description == destinationProjectArn }) else {
            throw notFound(ServiceError.projectNotFound(destinationProjectArn), region: destination.region)
        }
        guard source.projectName == sourceProject.projectName, let stored = try trained.store.versionWithResults(arn: sourceVersionArn) else {
            if library.version(arn: sourceVersionArn) != nil {
                throw ServiceError(.invalidParameter, "The project version \(sourceVersionArn) cannot be copied.",
                                   detail: TrainingError.recordedVersion(sourceVersionArn).message)
            }
            throw notFound(ServiceError.versionNotFound(sourceVersionArn), region: source.region)
        }
        let status = try status(versionArn: sourceVersionArn)
        guard ![.trainingInProgress, .trainingFailed].contains(status) else {
            throw ServiceError.wrongState(sourceVersionArn, status: status, operation: "CopyProjectVersion")
        }
        if target.versions.contains(where: { $0.versionName == versionName }) { throw TrainingError.versionExists(versionName) }
        if !s3.bucketExists(output.s3Bucket) { throw TrainingError.outputBucketMissing(output.s3Bucket) }
        try workbench.requireProject(target.projectName)
        let now = try clock().seconds
        let arn = ProjectVersionArn(partition: destination.partition, region: destination.region, account: destination.account,
                                    projectName: target.projectName, versionName: versionName,
                                    creationMillis: Int64((now * 1000).rounded(.down))).description
        var copy = stored
        copy.arn = arn
        copy.project = target.projectName
        copy.name = versionName
        copy.createdSeconds = now
        copy.trainingSeconds = 0
        copy.outputBucket = output.s3Bucket
        copy.outputKeyPrefix = output.s3KeyPrefix
        if let summary = copy.evaluationJSON {
            try s3.write(bucket: output.s3Bucket, key: output.key(for: EvaluationSummaryFile.fileName(project: target.projectName, version: versionName)),
                         bytes: Array(summary.utf8))
        }
        try trained.store.saveVersion(copy)
        return arn
    }
}
