import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport
import PanyaTestSupport
import Register
import Schedules
import Testing
@testable import Session

/// A student's session without a terminal: the backend, the model in use, the register, the
/// clock and the schedules, reached with no shell and no text command line.
@Suite struct StudentSessionTests {
    static func options(database: String = ":memory:", student: String? = nil) -> SessionOptions {
        var options = SessionOptions()
        options.databasePath = database
        options.assetsRoot = RepositoryRoot.path
        options.student = student
        return options
    }

    @Test func aSessionOpensTheMockAndChoosesTheNewestVersionOfTheFirstProject() throws {
        let session = try StudentSession(options: Self.options())
        #expect(session.backend.kind == .mock)
        #expect(session.simulator != nil)
        let arn = try session.models.currentVersionArn()
        let project = try #require(try session.backend.describeProjects().first)
        let versions = try session.backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil)
        let newest = try #require(versions.max(by: { ($0.creationTimestamp ?? 0) < ($1.creationTimestamp ?? 0) }))
        #expect(arn == newest.projectVersionArn)
    }

    @Test func aBackendThatCannotOpenStandsInAndSaysWhyOnEveryCall() throws {
        var options = Self.options()
        options.mockDirectory = "/nonexistent/recordings"
        let session = try StudentSession(options: options)
        #expect(session.backend is UnavailableBackend)
        #expect(throws: (any Error).self) { try session.backend.describeProjects() }
        #expect(throws: (any Error).self) { try session.models.currentVersionArn() }
    }

    @Test func aScheduleStartsTheModelWhenTheClockPassesIt() throws {
        let session = try StudentSession(options: Self.options())
        let simulator = try #require(session.simulator)
        let now = try simulator.setClock("2026-04-01T00:00:00Z")
        let arn = try session.models.currentVersionArn()
        try ScheduleStore(session.database).save(Schedule(name: "open", expression: try ScheduleExpression.parse("cron(0 8 * * ? *)"),
                                                          timeZone: .utc, action: .start, versionArn: arn, createdAt: now.seconds))
        #expect(try session.scheduleBook.schedules().map(\.name) == ["open"])
        let runner = try #require(session.scheduleRunner)
        #expect(try runner.nextFire() == Int(now.seconds) + 8 * 3600)
        let events = try runner.advance(by: 12 * 3600)
        #expect(events.map(\.schedule) == ["open"])
        #expect(events.map(\.result) == ["STARTING"])
        #expect(try simulator.clock().seconds == now.seconds + 12 * 3600)
        #expect(try session.models.describeVersion(arn: arn).status == .running)
    }

    @Test func aSaleHappensOnTheSimulatedClock() throws {
        let session = try StudentSession(options: Self.options())
        _ = try #require(session.simulator).setClock("2026-04-01T09:30:00+09:00")
        let sale = session.saleTime()
        #expect(sale.offsetSeconds == 9 * 3600)
        #expect(ISO8601.Timestamp(seconds: sale.time.timeIntervalSince1970, offsetSeconds: 9 * 3600).text.hasPrefix("2026-04-01T09:30:00"))
    }

    @Test func aNamedStudentsRegisterOutlivesTheSessionAndAnAnonymousOneDoesNot() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("panya.sqlite")
        var anonymousKey = ""
        do {
            let hana = try StudentSession(options: Self.options(database: path, student: "hana"))
            #expect(hana.registerKey == "student:hana")
            _ = try hana.cashRegister.add(label: "メロンパン")
            let anonymous = try StudentSession(options: Self.options(database: path))
            anonymousKey = anonymous.registerKey
            #expect(anonymousKey.hasPrefix("shell:"))
            _ = try anonymous.cashRegister.add(label: "あんぱん")
        }
        let again = try StudentSession(options: Self.options(database: path, student: "hana"))
        #expect(try again.cashRegister.items().map(\.name) == ["メロンパン"])
        let left = try Register(database: again.database, register: anonymousKey)
        #expect(try left.items().isEmpty)
    }

    @Test func switchingTheBackendMovesTheModelSelectionWithIt() throws {
        let session = try StudentSession(options: Self.options())
        let stand = UnavailableBackend(kind: .aws, error: SessionError.noProjects)
        session.switchBackend(to: stand)
        #expect(session.backend === stand)
        #expect(session.models.backend === stand)
        #expect(session.simulator != nil)
        #expect(throws: SessionError.notAvailableOnBackend(command: "clock", backend: "aws")) { try session.simulator?.clock() }
    }
}

/// Detection asked of the session: the service checks what is sent to it, the session what it filters itself.
@Suite struct StudentSessionDetectionTests {
    static func running() throws -> StudentSession {
        let session = try StudentSession(options: StudentSessionTests.options())
        let arn = try session.models.currentVersionArn()
        _ = try session.backend.startProjectVersion(arn: arn, minInferenceUnits: 1, maxInferenceUnits: nil)
        _ = try session.backend.waitUntilStable(arn: arn) { _ in }
        return session
    }

    @Test func detectAsksTheCurrentModel() throws {
        let session = try Self.running()
        let detection = try session.detect(photo: "lessons/photos/breads3.jpg", minConfidence: 75, maxResults: nil)
        #expect(detection.modelArn == (try session.models.currentVersionArn()))
        #expect(detection.labels.map(\.name).contains("メロンパン"))
        let one = try session.detect(photo: "lessons/photos/breads3.jpg", minConfidence: 75, maxResults: 1)
        #expect(one.labels == Array(detection.labels.prefix(1)))
    }

    @Test func inspectShowsEveryCandidateWithItsVerdict() throws {
        let session = try Self.running()
        let shown = try session.detect(photo: "lessons/photos/breads3.jpg", minConfidence: nil, maxResults: nil)
        let inspection = try session.inspect(photo: "lessons/photos/breads3.jpg", limits: DetectionLimits(minConfidence: nil, maxResults: nil))
        #expect(inspection.rows.count > shown.labels.count)
        #expect(inspection.rows.filter(\.isShown).map(\.label) == shown.labels)
    }

    @Test(arguments: [(-0.1, nil), (100.5, nil), (50.0, -1)] as [(Double, Int?)])
    func limitsOutsideTheServicesRangeAreRefusedWhenMade(minConfidence: Double, maxResults: Int?) throws {
        let error = try #require(throws: ServiceError.self) { try DetectionLimits(minConfidence: minConfidence, maxResults: maxResults) }
        #expect(error.kind == .invalidParameter)
    }
}
