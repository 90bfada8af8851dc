import CustomLabels
import Foundation
import PanyaSupport
import Shell

/// The model page: every version of every project with its ARN and status (retraining adds one),
/// the version the register screen uses, the bill as `bill` gives it, and "use this version",
/// which is `model use` on the student's session (the one the register screen asks) — for a
/// RUNNING version only, since no other can answer a photo.
enum ConsoleModels {
    struct VersionJSON: Encodable, Sendable {
        var project: String
        var name: String
        var arn: String
        var status: String
        var created: String?
        var f1: Double?
        var units: Int?
        /// The version the register screen (and `detect`) uses.
        var inUse: Bool
        /// Only a RUNNING version answers photos.
        var canAnswer: Bool
    }

    struct PageJSON: Encodable, Sendable {
        var clock: String
        var inUse: String?
        var inUseName: String?
        var versions: [VersionJSON]
        /// `bill` as the shell's record (the meter: per version, running or not, and the total).
        var bill: ConsoleValue?
        /// `bill` as the shell prints it.
        var billText: String
    }

    struct UseRequest: Decodable, Sendable { var arn: String }

    /// Every project's versions, newest first within a project, the student's own projects first.
    static func page(_ session: ShellSession, language: UILanguage) throws -> PageJSON {
        let inUse = try? session.core.currentModelArn()
        let offset = (try? session.backend.simulatedTime?.clock().offsetSeconds) ?? 9 * 3600
        var versions: [VersionJSON] = []
        for project in try session.backend.describeProjects() {
            let described = try session.backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil)
            for version in described.sorted(by: { ($0.creationTimestamp ?? 0) > ($1.creationTimestamp ?? 0) }) {
                versions.append(VersionJSON(project: project.projectName, name: version.versionName, arn: version.projectVersionArn,
                                            status: version.status.rawValue,
                                            created: version.creationTimestamp.map { ISO8601.format(seconds: $0, offsetSeconds: offset) },
                                            f1: version.f1Score, units: version.minInferenceUnits,
                                            inUse: version.projectVersionArn == inUse, canAnswer: version.status == .running))
            }
        }
        let clock = try ConsoleCommand.run(session, ["clock"], language: language).output
        let bill = try ConsoleCommand.run(session, ["bill"], language: language).output
        return PageJSON(clock: clock, inUse: inUse, inUseName: inUse.map { ProjectVersionArn($0)?.versionName ?? $0 },
                        versions: versions, bill: try? ConsoleCommand.value(session, "bill"), billText: bill)
    }

    /// Makes the register screen use `arn` (`model use`): a version of the student's service that is RUNNING.
    static func use(_ session: ShellSession, arn: String, language: UILanguage) throws -> PageJSON {
        let listed = try page(session, language: language).versions
        guard let version = listed.first(where: { $0.arn == arn }) else { throw ConsoleError.unknownVersion }
        guard version.canAnswer else { throw ConsoleError.versionNotRunning(version.name, version.status) }
        _ = try ConsoleCommand.text(session, "model use \"\(version.arn)\"")
        return try page(session, language: language)
    }
}
