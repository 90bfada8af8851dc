import CustomLabels
import Foundation
import PanyaSupport
import Synchronization

/// Tags and project policies, kept for as long as the backend is open (they change nothing the
/// simulator does; a server restarted starts without them).
final class AnnotationStore: Sendable {
    struct State {
        var tags: [String: [String: String]] = [:]
        var policies: [String: [String: ProjectPolicy]] = [:]
        var revisions: UInt64 = 0
    }
    let state = Mutex(State())
}

extension MockBackend: ResourceAnnotations {
    /// Most tags on one resource, as the service allows.
    static let maxTags = 50
    /// Most policies on one project, as the service allows.
    static let maxPolicies = 5

    /// Throws ResourceNotFoundException unless `arn` is a project or model version this backend has.
    func requireTaggable(_ arn: String) throws {
        if let version = ProjectVersionArn(arn) {
            _ = try recordedVersion(arn: version.description)
        } else if let project = ProjectArn(arn) {
            guard try allProjects().contains(where: { $0.projectArn.description == arn }) else {
                throw notFound(ServiceError.projectNotFound(arn), region: project.region)
            }
        } else if let dataset = DatasetArn(arn) {
            _ = try self.dataset(arn: dataset.description)
        } else {
            throw ServiceError(.resourceNotFound, "The resource \(arn) could not be found.")
        }
    }

    func requireProject(arn: String) throws {
        let parsed = try ProjectArn.parse(arn)
        guard try allProjects().contains(where: { $0.projectArn.description == arn }) else {
            throw notFound(ServiceError.projectNotFound(arn), region: parsed.region)
        }
    }

    public func putProjectPolicy(projectArn: String, name: String, revisionId: String?, document: String) throws -> String {
        try requireProject(arn: projectArn)
        guard (try? JSONParser.value(document)).map({ if case .object = $0 { return true } else { return false } }) == true else {
            throw ServiceError(.malformedPolicyDocument, "The policy document is malformed.")
        }
        let now = try clock().seconds
        return try annotations.state.withLock { state throws -> String in
            var policies = state.policies[projectArn, default: [:]]
            let existing = policies[name]
            switch (existing, revisionId) {
            case (let existing?, let given?) where existing.revisionId != given:
                throw ServiceError(.invalidPolicyRevisionId, "The policy revision id \(given) does not match the current revision of \(name).")
            case (nil, let given?):
                throw ServiceError(.invalidPolicyRevisionId, "The policy \(name) has no revision \(given).")
            case (_?, nil):
                throw ServiceError(.resourceAlreadyExists, "The policy \(name) already exists; give its PolicyRevisionId to replace it.")
            default:
                break
            }
            if existing == nil, policies.count >= Self.maxPolicies {
                throw ServiceError(.limitExceeded, "A project can have at most \(Self.maxPolicies) policies.")
            }
            state.revisions += 1
            let revision = String(format: "%032llx", state.revisions)
            policies[name] = ProjectPolicy(projectArn: projectArn, policyName: name, revisionId: revision, document: document,
                                           creationTimestamp: existing?.creationTimestamp ?? now, lastUpdatedTimestamp: now)
            state.policies[projectArn] = policies
            return revision
        }
    }

    public func projectPolicies(projectArn: String) throws -> [ProjectPolicy] {
        try requireProject(arn: projectArn)
        return annotations.state.withLock { state in
            (state.policies[projectArn] ?? [:]).values.sorted { $0.policyName < $1.policyName }
        }
    }

    public func deleteProjectPolicy(projectArn: String, name: String, revisionId: String?) throws {
        try requireProject(arn: projectArn)
        try annotations.state.withLock { state throws in
            guard let existing = state.policies[projectArn]?[name] else {
                throw ServiceError(.resourceNotFound, "The policy \(name) could not be found.")
            }
            if let revisionId, revisionId != existing.revisionId {
                throw ServiceError(.invalidPolicyRevisionId, "The policy revision id \(revisionId) does not match the current revision of \(name).")
            }
            state.policies[projectArn]?[name] = nil
        }
    }

    public func tagResource(arn: String, tags: [(key: String, value: String)]) throws {
        try requireTaggable(arn)
        try annotations.state.withLock { state throws in
            var current = state.tags[arn, default: [:]]
            for tag in tags { current[tag.key] = tag.value }
            guard current.count <= Self.maxTags else {
                throw ServiceError(.serviceQuotaExceeded, "A resource can have at most \(Self.maxTags) tags.")
            }
            state.tags[arn] = current
        }
    }

    public func untagResource(arn: String, keys: [String]) throws {
        try requireTaggable(arn)
        annotations.state.withLock { state in
            for key in keys { state.tags[arn]?[key] = nil }
        }
    }

    public func tags(arn: String) throws -> [(key: String, value: String)] {
        try requireTaggable(arn)
        return annotations.state.withLock { state in
            (state.tags[arn] ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        }
    }
}
