import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport

/// Which model version the shell works with: chosen by `model use`, kept in the store per
/// backend kind, and by default the newest version of the first project the backend lists.
/// Also the assumed thresholds of versions, read once per backend.
public final class ModelSelection {
    private let database: PanyaDatabase
    private var thresholdCache: [String: [String: Double]] = [:]
    /// The backend the selection asks; switching clears what was read from the old one.
    public var backend: CustomLabelsBackend {
        didSet { thresholdCache = [:] }
    }

    /// A selection kept in `database`, asking `backend`.
    public init(database: PanyaDatabase, backend: CustomLabelsBackend) {
        self.database = database
        self.backend = backend
    }

    private var store: ModelSelectionStore { ModelSelectionStore(database) }
    private var key: String { backend.kind.rawValue }

    /// The ARN of the current model version.
    public func currentVersionArn() throws -> String {
        if let arn = try store.selection(backend: key)?.versionArn { return arn }
        let projects = try backend.describeProjects()
        guard let project = projects.first else { throw SessionError.noProjects }
        let versions = try backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil)
        guard let newest = versions.max(by: { ($0.creationTimestamp ?? 0) < ($1.creationTimestamp ?? 0) }) else {
            throw SessionError.noVersions(project: project.projectName)
        }
        try store.setSelection(BackendSelection(backend: key, projectArn: project.projectArn, versionArn: newest.projectVersionArn))
        return newest.projectVersionArn
    }

    /// Chooses the current version by name or ARN. On AWS an ARN is taken as given (checked
    /// against the pattern, no call).
    public func use(_ nameOrArn: String) throws -> ProjectVersionDescription {
        if let arn = ProjectVersionArn(nameOrArn) {
            if backend.kind == .aws {
                try store.setSelection(BackendSelection(backend: key, projectArn: nil, versionArn: arn.description))
                return ProjectVersionDescription(projectVersionArn: arn.description, versionName: arn.versionName, status: .trainingCompleted)
            }
            let version = try describeVersion(arn: arn.description)
            try store.setSelection(BackendSelection(backend: key, projectArn: nil, versionArn: version.projectVersionArn))
            return version
        }
        if nameOrArn.hasPrefix("arn:") { _ = try ProjectVersionArn.parse(nameOrArn) }
        for project in try backend.describeProjects() {
            for version in try backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil)
            where version.versionName == nameOrArn {
                try store.setSelection(BackendSelection(backend: key, projectArn: project.projectArn, versionArn: version.projectVersionArn))
                return version
            }
        }
        throw SessionError.unknownVersion(nameOrArn)
    }

    /// The project a version ARN belongs to, as the backend describes it.
    public func project(ofVersion arn: String) throws -> ProjectDescription {
        let parsed = try ProjectVersionArn.parse(arn)
        guard let project = try backend.describeProjects().first(where: { $0.projectName == parsed.projectName }) else {
            throw ServiceError(.resourceNotFound, "The project \(parsed.projectName) was not found.")
        }
        return project
    }

    /// DescribeProjectVersions for one version ARN.
    public func describeVersion(arn: String) throws -> ProjectVersionDescription {
        let parsed = try ProjectVersionArn.parse(arn)
        let project = try project(ofVersion: arn)
        let versions = try backend.describeProjectVersions(projectArn: project.projectArn, versionNames: [parsed.versionName])
        guard let version = versions.first(where: { $0.projectVersionArn == arn }) ?? versions.first(where: { $0.versionName == parsed.versionName }) else {
            throw ServiceError(.resourceNotFound, "The version \(parsed.versionName) was not found.")
        }
        return version
    }

    /// The current version as the service describes it.
    public func currentVersion() throws -> ProjectVersionDescription {
        try describeVersion(arn: currentVersionArn())
    }

    /// Label → assumed threshold (0–1) of a version (the current one when `arn` is nil).
    public func thresholds(forModel arn: String? = nil) throws -> [String: Double] {
        let key = try arn ?? currentVersionArn()
        if let cached = thresholdCache[key] { return cached }
        let version = try describeVersion(arn: key)
        let map = Dictionary(version.labels.map { ($0.label, $0.threshold) }, uniquingKeysWith: { first, _ in first })
        thresholdCache[key] = map
        return map
    }

    /// Every label whose threshold has been read (for completion).
    public var knownLabels: Set<String> { Set(thresholdCache.values.flatMap(\.keys)) }
}
