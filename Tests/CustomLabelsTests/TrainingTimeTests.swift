import Foundation
import Testing
@testable import CustomLabels

@Suite struct TrainingTimeTests {
    /// 480 s + 40 s per photo: the lesson's 33 photos take 480 + 1,320 = 1,800 s (30 minutes).
    @Test(arguments: [(33, 1800), (0, 480), (10, 880), (100, 4480), (2147, 86360), (2148, 86400), (1_000_000, 86400), (-5, 480)])
    func durationGrowsWithThePhotos(photos: Int, seconds: Int) {
        #expect(TrainingTime.durationSeconds(photos: photos) == seconds)
        #expect(TrainingTime.billableSeconds(photos: photos) == seconds)
    }

    @Test func moreDataNeverTrainsFaster() {
        let durations = (0...2200).map { TrainingTime.durationSeconds(photos: $0) }
        #expect(zip(durations, durations.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func theLessonCostsHalfAnHourOfTraining() {
        let usd = Pricing.walkthrough.trainingUSD(seconds: Double(TrainingTime.billableSeconds(photos: 33)))
        #expect(abs(usd - 0.685) < 1e-12)
    }

    @Test func versionNameInUTC() {
        #expect(TrainingTime.versionName(project: "verification001", startedAt: Date(timeIntervalSince1970: 1_690_884_000))
            == "verification001.2023-08-01T10.00.00")
        // Fractions of a second are dropped, never rounded up into the next minute.
        #expect(TrainingTime.versionName(project: "verification001", startedAt: 1_690_884_059.9996)
            == "verification001.2023-08-01T10.00.59")
        #expect(TrainingTime.versionName(project: "パン屋AI", startedAt: Date(timeIntervalSince1970: 1_767_225_599))
            == "パン屋AI.2025-12-31T23.59.59")
    }
}
