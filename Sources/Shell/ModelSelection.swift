import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport

/// Which model version the session works with: chosen by `model use`, kept in the store per
/// backend, and by default the newest version of the first project the backend lists.
extension ShellSession {
    /// The store key of the current backend's selection.
    var selectionKey: String { backendKind.rawValue }

    /// The ARN of the current model version.
    func currentVersionArn() throws -> String {
        if let arn = try MockStateStore(database).selection(backend: selectionKey)?.versionArn { return arn }
        let projects = try backend.describeProjects()
        guard let project = projects.first else { throw ShellError.noProjects }
        let versions = try backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil)
        guard let newest = versions.max(by: { ($0.creationTimestamp ?? 0) < ($1.creationTimestamp ?? 0) }) else {
            throw ShellError.noVersions(project: project.projectName)
        }
        try MockStateStore(database).setSelection(MockSelection(backend: selectionKey, projectArn: project.projectArn, versionArn: newest.projectVersionArn))
        return newest.projectVersionArn
    }

    /// Chooses the current version by name or ARN.
    func useVersion(_ nameOrArn: String) throws -> ProjectVersionDescription {
        if let arn = ProjectVersionArn(nameOrArn) {
            if backendKind == .aws {
                // On AWS the ARN is taken as given (checked against the pattern, no call).
                try MockStateStore(database).setSelection(MockSelection(backend: selectionKey, projectArn: nil, versionArn: arn.description))
                return ProjectVersionDescription(projectVersionArn: arn.description, versionName: arn.versionName, status: .trainingCompleted)
            }
            let version = try describeVersion(arn: arn.description)
            try MockStateStore(database).setSelection(MockSelection(backend: selectionKey, projectArn: nil, versionArn: version.projectVersionArn))
            return version
        }
        if nameOrArn.hasPrefix("arn:") { _ = try ProjectVersionArn.parse(nameOrArn) }
        for project in try backend.describeProjects() {
            for version in try backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil)
            where version.versionName == nameOrArn {
                try MockStateStore(database).setSelection(MockSelection(backend: selectionKey, projectArn: project.projectArn, versionArn: version.projectVersionArn))
                return version
            }
        }
        throw ShellError.unknownVersion(nameOrArn)
    }

    /// DescribeProjectVersions for one version ARN.
    func describeVersion(arn: String) throws -> ProjectVersionDescription {
        let parsed = try ProjectVersionArn.parse(arn)
        let projects = try backend.describeProjects()
        guard let project = projects.first(where: { $0.projectName == parsed.projectName }) else {
            throw ServiceError(.resourceNotFound, "The project \(parsed.projectName) was not found.")
        }
        let versions = try backend.describeProjectVersions(projectArn: project.projectArn, versionNames: [parsed.versionName])
        guard let version = versions.first(where: { $0.projectVersionArn == arn }) ?? versions.first(where: { $0.versionName == parsed.versionName }) else {
            throw ServiceError(.resourceNotFound, "The version \(parsed.versionName) was not found.")
        }
        return version
    }

    /// The current version as the service describes it.
    func currentVersion() throws -> ProjectVersionDescription {
        try describeVersion(arn: currentVersionArn())
    }

    /// Label → assumed threshold (0–1) of a version (the current one when `arn` is nil).
    func thresholdMap(forModel arn: String?) throws -> [String: Double] {
        let key = try arn ?? currentVersionArn()
        if let cached = thresholdCache[key] { return cached }
        let version = try describeVersion(arn: key)
        let map = Dictionary(version.labels.map { ($0.label, $0.threshold) }, uniquingKeysWith: { first, _ in first })
        thresholdCache[key] = map
        return map
    }
}
