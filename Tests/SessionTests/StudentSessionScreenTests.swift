import CustomLabels
import Foundation
import PanyaSupport
import Register
import Testing
@testable import Session

/// The register screen on the session core: the candidates of a shipped photo from the bundled
/// model (verification001, thresholds あんぱん 81.7, メロンパン 86.2, 焼きそばパン 90.7), the
/// breads the rules keep going into the register, and checkout on the session's clock.
@Suite struct StudentSessionScreenTests {
    static let photo = "lessons/photos/breads3.jpg"
    static let bundledArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"

    static func running(student: String? = "hana") throws -> StudentSession {
        let session = try StudentSession(options: StudentSessionTests.options(student: student))
        let arn = try session.models.currentVersionArn()
        _ = try session.backend.startProjectVersion(arn: arn, minInferenceUnits: 1, maxInferenceUnits: nil)
        _ = try session.backend.waitUntilStable(arn: arn) { _ in }
        return session
    }

    @Test func everyCandidateComesWithItsLabelsThreshold() throws {
        let session = try Self.running()
        let screen = try session.screenCandidates(photo: Self.photo)
        #expect(screen.modelArn == Self.bundledArn)
        #expect(try session.currentModelArn() == Self.bundledArn)
        #expect(screen.candidates.map(\.label.name) == ["焼きそばパン", "メロンパン", "あんぱん", "あんぱん", "メロンパン", "メロンパン"])
        #expect(screen.candidates.map { ($0.label.confidence * 100).rounded() / 100 } == [90.45, 88.0, 77.54, 41.2, 23.5, 18.9])
        #expect(screen.candidates.map(\.threshold) == [0.907, 0.862, 0.817, 0.817, 0.862, 0.862])
        #expect(screen.thresholds == ["あんぱん": 0.817, "メロンパン": 0.862, "焼きそばパン": 0.907])
    }

    @Test func byTheThresholdsOnlyTheMelonBreadGoesIn() throws {
        let session = try Self.running()
        let added = try session.addToRegister(try session.screenCandidates(photo: Self.photo), minConfidence: nil)
        #expect(added == [LineItem(name: "メロンパン", qty: 1, unitPrice: 180)])
        let state = try session.registerState()
        #expect(state.lines == added)
        // 180 yen, 8 % tax is 14.4, rounded down to 14.
        #expect(state.total == RegisterTotal(subtotal: 180, taxRate: 8, tax: 14, total: 194))
    }

    @Test func aMinConfidenceAloneDecidesAndBreadsUnderTheirThresholdAreFlagged() throws {
        let session = try Self.running()
        let screen = try session.screenCandidates(photo: Self.photo)
        let added = try session.addToRegister(screen, minConfidence: 75)
        #expect(added.map(\.name) == ["焼きそばパン", "メロンパン", "あんぱん"])
        #expect(added.map(\.needsConfirmation) == [true, false, true])
        // 220 + 180 + 150 = 550, tax 44.
        #expect(try session.registerState().total == RegisterTotal(subtotal: 550, taxRate: 8, tax: 44, total: 594))
        // The same photo again at 40: the second あんぱん (41.2) comes in too; the register counts on.
        try session.addToRegister(screen, minConfidence: 40)
        let lines = try session.registerState().lines
        #expect(lines.map(\.name) == ["焼きそばパン", "メロンパン", "あんぱん"])
        #expect(lines.map(\.qty) == [2, 2, 3])
        #expect(try session.registerState().total == RegisterTotal(subtotal: 1250, taxRate: 8, tax: 100, total: 1350))
        try session.clearRegister()
        #expect(try session.registerState().lines.isEmpty)
    }

    @Test func checkoutSavesTheReceiptAtTheSessionsClockAndEmptiesTheRegister() throws {
        let session = try Self.running()
        let now = try #require(session.simulator).setClock("2026-04-01T09:30:00+09:00")
        try session.addToRegister(try session.screenCandidates(photo: Self.photo), minConfidence: nil)
        let receipt = try session.checkout()
        #expect(receipt.number == 1)
        #expect(receipt.items == [LineItem(name: "メロンパン", qty: 1, unitPrice: 180)])
        #expect(receipt.totals == RegisterTotal(subtotal: 180, taxRate: 8, tax: 14, total: 194))
        #expect(receipt.time.timeIntervalSince1970 == now.seconds)
        #expect(receipt.offsetSeconds == 9 * 3600)
        #expect(receipt.realTime != nil)
        #expect(try session.registerState().lines.isEmpty)
    }

    @Test func aPhotoCanBeAskedOfAnotherVersionByItsArn() throws {
        let session = try Self.running()
        let missing = Self.bundledArn.replacingOccurrences(of: "1690851600000", with: "1")
        #expect(throws: (any Error).self) { try session.screenCandidates(photo: Self.photo, modelArn: missing) }
        #expect(try session.screenCandidates(photo: Self.photo, modelArn: Self.bundledArn) == session.screenCandidates(photo: Self.photo))
    }
}
