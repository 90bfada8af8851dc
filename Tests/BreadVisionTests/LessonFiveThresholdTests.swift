import CustomLabels
import Foundation
import PhotoGenerator
import Photos
import Testing
@testable import BreadVision

/// Whether heavy pixel work runs: always in release builds, in debug only when asked.
enum HeavyVision {
    static var allowed: Bool {
        #if DEBUG
        return ProcessInfo.processInfo.environment["PANYA_VISION_HEAVY"] == "1"
        #else
        return true
        #endif
    }
}

/// A student's own model answers: lesson 5's model (trained on train/), with the assumed thresholds
/// its test set gives (three single breads per label and six trays of three), returns most breads of
/// trays it never saw — the shipped trays and freshly drawn ones. Heavy: it runs in release builds
/// (`swift test -c release -Xswiftc -enable-testing --filter LessonFiveThresholdTests`), or in debug
/// with `PANYA_VISION_HEAVY=1`.
@Suite(.enabled(if: HeavyVision.allowed)) struct LessonFiveThresholdTests {
    /// The share of breads that must come back at the assumed thresholds.
    static let wanted = 0.75

    struct Count: CustomStringConvertible {
        var returned = 0, total = 0
        var share: Double { Double(returned) / Double(max(1, total)) }
        var description: String { "\(returned)/\(total) (\(Int((share * 100).rounded())) %)" }

        /// Each bread counts when a region at IoU ≥ 0.5 carries its label at or above the label's threshold.
        mutating func add(_ breads: [BreadPlacement], _ detections: [CustomLabel], thresholds: [String: Double]) {
            for bread in breads {
                total += 1
                let threshold = thresholds[bread.kind.label] ?? 100
                if detections.contains(where: { $0.name == bread.kind.label && $0.confidence >= threshold
                    && ($0.boundingBox?.intersectionOverUnion(bread.box) ?? 0) >= 0.5 }) {
                    returned += 1
                }
            }
        }
    }

    static let measured: (shipped: Count, fresh: Count, thresholds: [String: Double], temperature: Double)? = {
        guard let train = try? VisionTestSupport.lessonTraining(role: .train),
              let tests = try? VisionTestSupport.lessonTraining(role: .test),
              let model = try? BreadTrainer.train(examples: train) else { return nil }
        let thresholds = VisionTestSupport.assumedThresholds(model, tests: tests)
        var shipped = Count(), fresh = Count()
        for lesson in LessonPhotoSet.all where lesson.role == .detect && lesson.file.hasSuffix(".jpg") && !lesson.file.hasPrefix("improve/") {
            guard let photo = try? Photo.load(path: VisionTestSupport.lessonPhotos + "/" + lesson.file) else { return nil }
            shipped.add(lesson.tray.breads, model.detect(photo), thresholds: thresholds)
        }
        for seed in UInt64(0)..<40 {
            let tray = VisionTestSupport.heldOutTray(seed: seed, width: 640, height: 480)
            guard let photo = try? Photo.decode(bytes: BreadPhotoGenerator.generate(tray: tray).encodeJPEG(quality: LessonPhotoSet.jpegQuality), name: "tray") else { return nil }
            fresh.add(tray.breads, model.detect(photo), thresholds: thresholds)
        }
        print("lesson 5 model: temperature \(model.temperature), thresholds \(thresholds.sorted { $0.key < $1.key }), shipped trays \(shipped), fresh trays \(fresh)")
        return (shipped, fresh, thresholds, model.temperature)
    }()

    @Test func mostBreadsOfTheShippedTraysComeBack() throws {
        let measured = try #require(Self.measured)
        #expect(measured.shipped.total == 11)
        #expect(measured.shipped.share >= Self.wanted, "\(measured.shipped)")
    }

    @Test func mostBreadsOfFreshlyDrawnTraysComeBack() throws {
        let measured = try #require(Self.measured)
        #expect(measured.fresh.total >= 80)
        #expect(measured.fresh.share >= Self.wanted, "\(measured.fresh)")
    }

    /// Calibrated: thresholds spread like the service's (0.7–0.95), not pinned at 0.99.
    @Test func thresholdsLookLikeTheServices() throws {
        let measured = try #require(Self.measured)
        #expect(measured.temperature > 1)
        for (label, threshold) in measured.thresholds {
            #expect((70.0...96.0).contains(threshold), "\(label) \(threshold)")
        }
    }
}
