import CustomLabels
import Foundation
import PanyaSupport
import Photos

/// Building a model on AWS from what the student prepared locally: the datasets, labels and boxes
/// stay on the ``DatasetWorkbench`` it was given (every step but `createProject` is the
/// workbench's, through ``WorkbenchModelTraining``); `train` uploads every dataset photo and a
/// Ground Truth manifest per dataset to the training bucket, then calls CreateProject (when the
/// project is not on AWS yet), CreateDataset ×2 and CreateProjectVersion.
extension AWSBackend: WorkbenchModelTraining {
    /// The workbench, or the error saying this backend has none.
    public func datasetWorkbench() throws -> any DatasetWorkbench {
        guard let workbench else {
            throw AWSError(kind: .configuration, message: Catalog.awsNoWorkbench, serviceCode: "NoWorkbench")
        }
        return workbench
    }

    /// CreateProject on AWS, then the same project on the workbench (for its datasets); the
    /// description carries the AWS ProjectArn.
    public func createProject(name: String) throws -> ProjectDescription {
        let workbench = try datasetWorkbench()
        let json = try callRekognition("CreateProject", body: .object(["ProjectName": .string(name)]))
        let arn = try decode("CreateProject", json) { try $0.member("ProjectArn").string() }
        var project = try workbench.createProject(name: name)
        project.projectArn = arn
        return project
    }

    /// CreateDataset on AWS from a manifest already in S3 (the workbench is not changed).
    public func createDataset(project: String, kind: DatasetKind, manifest: S3Location) throws -> (datasetArn: String, imported: ManifestImport) {
        let projectArn = try awsProjectArn(named: project, create: false)
        return (try createDataset(projectArn: projectArn, kind: kind, manifest: manifest), ManifestImport(added: [], issues: []))
    }

    /// Uploads the project's datasets to the training bucket and starts CreateProjectVersion;
    /// returns the new version as DescribeProjectVersions gives it (TRAINING_IN_PROGRESS).
    /// `output` defaults to `s3://<training bucket>/panya/<project>/output`.
    public func train(project: String, versionName: String?, output: OutputConfig?) throws -> ProjectVersionDescription {
        let workbench = try datasetWorkbench()
        guard let bucket = settings.trainingBucket, !bucket.isEmpty else {
            throw AWSError(kind: .configuration, message: Catalog.awsNoTrainingBucket, serviceCode: "MissingTrainingBucket")
        }
        let datasets = try workbench.datasets(project: project)
        guard let training = datasets.training else {
            throw AWSError(kind: .configuration, message: Catalog.awsTrainingNeedsDataset("train"), serviceCode: "MissingDataset")
        }
        guard let test = datasets.test else {
            throw AWSError(kind: .configuration, message: Catalog.awsTrainingNeedsDataset("test"), serviceCode: "MissingDataset")
        }
        var manifests: [(kind: DatasetKind, location: S3Location, text: String)] = []
        for (kind, photos) in [(DatasetKind.training, training), (.test, test)] {
            var entries: [ManifestEntry] = []
            for photo in photos {
                let key = try uploadPhoto(photo, bucket: bucket, project: project)
                entries.append(ManifestEntry(sourceRef: S3Location(bucket: bucket, key: key).description, imageWidth: photo.width,
                                             imageHeight: photo.height, boxes: photo.boxes))
            }
            let location = S3Location(bucket: bucket, key: Self.manifestKey(project: project, kind: kind))
            let text = ManifestWriter.write(entries, labels: datasets.labels)
            try putObject(bucket: bucket, key: location.key, bytes: Array(text.utf8), contentType: "application/x-ndjson")
            manifests.append((kind, location, text))
        }
        let projectArn = try awsProjectArn(named: project, create: true)
        for manifest in manifests {
            do {
                _ = try createDataset(projectArn: projectArn, kind: manifest.kind, manifest: manifest.location)
            } catch let error as AWSError where error.serviceCode == "ResourceAlreadyExistsException" {
                // Training again in the same project: the datasets are there, their entries are updated in place.
                guard let datasetArn = try datasetArn(projectName: project, kind: manifest.kind) else { throw error }
                let changes: JSONValue = .object(["GroundTruth": .string(Data(manifest.text.utf8).base64EncodedString())])
                _ = try callRekognition("UpdateDatasetEntries", body: .object(["DatasetArn": .string(datasetArn), "Changes": changes]))
                try waitForDatasetUpdate(datasetArn)
            }
        }
        let name = versionName ?? TrainingTime.versionName(project: project, startedAt: Date())
        let outputConfig = output ?? OutputConfig(s3Bucket: bucket, s3KeyPrefix: Self.keyPrefix(project: project) + "output")
        let body: JSONValue = .object(["ProjectArn": .string(projectArn), "VersionName": .string(name), "OutputConfig": outputConfig.jsonValue])
        let json = try callRekognition("CreateProjectVersion", body: body)
        let versionArn = try decode("CreateProjectVersion", json) { try $0.member("ProjectVersionArn").string() }
        let versions = try describeProjectVersionsWithoutEvaluation(projectArn: projectArn, versionNames: [name])
        return versions.first(where: { $0.projectVersionArn == versionArn })
            ?? ProjectVersionDescription(projectVersionArn: versionArn, versionName: name, status: .trainingInProgress,
                                         trainingImages: training.count, testingImages: test.count, outputConfig: outputConfig)
    }

    /// DeleteProjectVersion; returns the status the service gives (DELETING).
    public func deleteProjectVersion(arn: String) throws -> VersionStatus {
        let json = try callRekognition("DeleteProjectVersion", body: .object(["ProjectVersionArn": .string(arn)]))
        return try decode("DeleteProjectVersion", json, StatusResponse.decode)
    }

    /// The version's StatusMessage when it is TRAINING_FAILED (the service's English, in both languages).
    public func trainingFailure(versionArn: String) throws -> Message? {
        let version = try describeVersion(arn: versionArn)
        guard version.status == .trainingFailed else { return nil }
        let text = version.statusMessage ?? VersionStatus.trainingFailed.rawValue
        return Message(en: text, ja: text)
    }

    /// The evaluation of a trained version read from its summary object in S3 (nil while
    /// training, after a failure, or when the summary cannot be read — then with a warning).
    /// The summary has no per-photo results, so `evaluation.images` is empty.
    public func trainedEvaluation(versionArn: String) throws -> TrainedEvaluation? {
        let version = try describeVersion(arn: versionArn)
        guard ![.trainingInProgress, .trainingFailed].contains(version.status), let location = version.evaluationSummaryS3 else { return nil }
        do {
            let bytes = try getObject(bucket: location.bucket, key: location.key)
            let file: EvaluationSummaryFile
            do {
                file = try EvaluationSummaryFile(text: String(decoding: bytes, as: UTF8.self))
            } catch {
                throw invalidResponse("GetObject", error)
            }
            return TrainedEvaluation(versionArn: versionArn, evaluation: Evaluation(summaryFile: file), summaryFile: file)
        } catch let error as AWSError {
            addWarning(Catalog.awsRecorderNoEvaluation(reason: error.message))
            return nil
        }
    }

    // MARK: Parts of train

    /// `panya/<project>/`: where `train` puts a project's objects in the bucket.
    static func keyPrefix(project: String) -> String { "panya/\(project)/" }

    /// `panya/<project>/train.manifest` or `test.manifest`.
    static func manifestKey(project: String, kind: DatasetKind) -> String {
        keyPrefix(project: project) + (kind == .training ? "train" : "test") + ".manifest"
    }

    /// `panya/<project>/<sha256>.jpg` (`.png` for a PNG): the same photo is one object.
    static func photoKey(project: String, photo: TrainingPhoto) -> String {
        keyPrefix(project: project) + photo.sha256 + (photo.format == .png ? ".png" : ".jpg")
    }

    /// PutObject of one dataset photo, checked against the hash it was added with; returns its key.
    func uploadPhoto(_ photo: TrainingPhoto, bucket: String, project: String) throws -> String {
        guard let bytes = try? Photo.readBytes(path: photo.name, limits: .serviceS3Object), PhotoFingerprint.sha256(bytes) == photo.sha256 else {
            throw AWSError(kind: .file, message: Catalog.awsTrainingPhotoChanged(photo.name), serviceCode: "PhotoChanged")
        }
        let key = Self.photoKey(project: project, photo: photo)
        try putObject(bucket: bucket, key: key, bytes: bytes, contentType: photo.format == .png ? "image/png" : "image/jpeg")
        return key
    }

    /// CreateDataset (`TRAIN` or `TEST`) from a Ground Truth manifest object; returns the DatasetArn.
    func createDataset(projectArn: String, kind: DatasetKind, manifest: S3Location) throws -> String {
        var object: JSONObject = ["Bucket": .string(manifest.bucket), "Name": .string(manifest.key)]
        object.append("Version", manifest.version.map(JSONValue.string))
        let body: JSONValue = .object([
            "ProjectArn": .string(projectArn),
            "DatasetType": .string(kind == .training ? "TRAIN" : "TEST"),
            "DatasetSource": .object(["GroundTruthManifest": .object(["S3Object": .object(object)])]),
        ])
        let json = try callRekognition("CreateDataset", body: body)
        return try decode("CreateDataset", json) { try $0.member("DatasetArn").string() }
    }

    /// The ARN of the project's `kind` dataset on AWS (DescribeProjects' `Datasets`), nil when it has none.
    func datasetArn(projectName: String, kind: DatasetKind) throws -> String? {
        let json = try callRekognition("DescribeProjects", body: .object(["ProjectNames": .array([.string(projectName)])]))
        let type = kind == .training ? "TRAIN" : "TEST"
        for project in try json.optionalMember("ProjectDescriptions")?.elements() ?? [] {
            for dataset in try project.optionalMember("Datasets")?.elements() ?? []
            where try dataset.optionalMember("DatasetType")?.string() == type {
                if let arn = try dataset.optionalMember("DatasetArn")?.string() { return arn }
            }
        }
        return nil
    }

    /// Polls DescribeDataset until an update is over (UPDATE_COMPLETE; UPDATE_FAILED is an error), at most 60 polls 5 s apart.
    func waitForDatasetUpdate(_ datasetArn: String) throws {
        for attempt in 0..<60 {
            let json = try callRekognition("DescribeDataset", body: .object(["DatasetArn": .string(datasetArn)]))
            let description = try json.optionalMember("DatasetDescription")
            let status = try description?.optionalMember("Status")?.string() ?? ""
            if status == "UPDATE_FAILED" {
                let text = try description?.optionalMember("StatusMessage")?.string() ?? status
                throw AWSError(kind: .service, message: .verbatim("UpdateDatasetEntries: \(text)"), serviceCode: "UPDATE_FAILED",
                               operation: "UpdateDatasetEntries")
            }
            if status != "UPDATE_IN_PROGRESS" { return }
            if attempt < 59 { try RetryPolicy.sleep(min(5, settings.pollInterval), interrupt: settings.interrupt) }
        }
    }

    /// The project's ARN on AWS (DescribeProjects by name); with `create`, CreateProject when it is not there.
    func awsProjectArn(named project: String, create: Bool) throws -> String {
        if let found = try describeProjects(names: [project]).first(where: { $0.projectName == project }) { return found.projectArn }
        guard create else {
            throw AWSError(kind: .service, message: Catalog.awsProjectNotFound(project), serviceCode: "ResourceNotFoundException",
                           operation: "DescribeProjects")
        }
        let json = try callRekognition("CreateProject", body: .object(["ProjectName": .string(project)]))
        return try decode("CreateProject", json) { try $0.member("ProjectArn").string() }
    }

    /// One version, described (no S3 read).
    func describeVersion(arn: String) throws -> ProjectVersionDescription {
        guard let versionArn = ProjectVersionArn(arn) else {
            throw AWSError(kind: .configuration, message: Catalog.awsNotAVersionArn(arn), serviceCode: "InvalidParameterException")
        }
        let versions = try describeProjectVersionsWithoutEvaluation(projectArn: try projectArn(for: versionArn), versionNames: [versionArn.versionName])
        guard let version = versions.first(where: { $0.projectVersionArn == arn }) ?? versions.first else {
            throw AWSError(kind: .service, message: Catalog.awsVersionNotFound(arn), serviceCode: "ResourceNotFoundException",
                           operation: "DescribeProjectVersions")
        }
        return version
    }
}
