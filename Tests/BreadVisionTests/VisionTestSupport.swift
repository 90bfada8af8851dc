import CustomLabels
import Foundation
import PanyaTestSupport
import PhotoGenerator
import Photos
import BreadVision

/// Paths, generated trays and measurements shared by the BreadVision tests and benchmarks.
enum VisionTestSupport {
    /// `lessons/photos/` in this checkout.
    static let lessonPhotos = RepositoryRoot.file("lessons/photos")

    /// The committed lesson photos of `role` whose file starts with `prefix`, decoded, with
    /// the boxes the generator drew them in.
    static func lessonTraining(role: LessonPhoto.Role, prefix: String = "") throws -> [LabelledPhoto] {
        try LessonPhotoSet.all.filter { $0.role == role && $0.file.hasPrefix(prefix) }.map { lesson in
            let photo = try Photo.load(path: lessonPhotos + "/" + lesson.file)
            return LabelledPhoto(name: lesson.file, photo: photo,
                                 boxes: lesson.tray.breads.map { LabelledBox(label: $0.kind.label, box: $0.box) })
        }
    }

    /// Per label, the assumed threshold as the service defines it: the confidence at which the
    /// label's F1 over the test photos is best (ties: the highest), boxes matched at IoU ≥ 0.5.
    static func assumedThresholds(_ model: BreadModel, tests: [LabelledPhoto]) -> [String: Double] {
        let predictions = tests.map { model.detect($0.photo) }
        var result: [String: Double] = [:]
        for label in model.labels {
            let candidates = Set(predictions.flatMap { $0.filter { $0.name == label }.map(\.confidence) }).sorted()
            var best = (f1: -1.0, threshold: 0.0)
            for threshold in candidates {
                var tp = 0, fp = 0, fn = 0
                for (index, test) in tests.enumerated() {
                    let truth = test.boxes.filter { $0.label == label }.map(\.box)
                    var used = Set<Int>()
                    for p in predictions[index].filter({ $0.name == label && $0.confidence >= threshold }).sorted(by: { $0.confidence > $1.confidence }) {
                        let match = truth.indices.filter { !used.contains($0) }.first { truth[$0].intersectionOverUnion(p.boundingBox ?? BoundingBox(width: 0, height: 0, left: 0, top: 0)) >= 0.5 }
                        if let match { used.insert(match); tp += 1 } else { fp += 1 }
                    }
                    fn += truth.count - used.count
                }
                let f1 = tp == 0 ? 0 : 2.0 * Double(tp) / Double(2 * tp + fp + fn)
                if f1 >= best.f1 { best = (f1, threshold) }
            }
            result[label] = best.threshold
        }
        return result
    }

    /// A generated training set: `perLabel` single-bread trays of each kind (small photos).
    static func generatedTraining(perLabel: Int, width: Int = 320, height: Int = 240, firstSeed: UInt64 = 50_000) -> [LabelledPhoto] {
        var result: [LabelledPhoto] = []
        for kind in BreadKind.allCases {
            for index in 0..<perLabel {
                let seed = firstSeed + UInt64(index) * 7 + UInt64(kind.rawValue.count)
                var tray = LessonPhotoSet.single(kind, seed: seed)
                tray.width = width
                tray.height = height
                result.append(LabelledPhoto(name: "generated-\(kind.rawValue)-\(index)", photo: BreadPhotoGenerator.generate(tray: tray),
                                            boxes: tray.breads.map { LabelledBox(label: $0.kind.label, box: $0.box) }))
            }
        }
        return result
    }

    /// A random tray the models never saw: 1–4 breads (or `count`), sizes, places, turns,
    /// light and warmth from `seed`; optionally a turned tray and two breads touching.
    static func heldOutTray(seed: UInt64, width: Int = 320, height: Int = 240, count: Int? = nil,
                            trayRotation: Double = 0, touching: Bool = false) -> TraySpec {
        var random = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 99)
        let aspect = Double(height) / Double(width)
        let wanted = count ?? random.integer(1...4)
        // The usable part of the tray, in image ratios around the centre (shrunk when turned).
        let c = abs(cosine(trayRotation)), s = abs(sine(trayRotation))
        let hw = 0.5 - 0.05, hh = (0.5 - 0.045) * aspect
        let fit = trayRotation == 0 ? 1 : min(1, hw / (hw * c + hh * s), hh / (hw * s + hh * c))
        let inner = 0.86 * fit
        var boxes: [BoundingBox] = []
        var breads: [BreadPlacement] = []
        var attempts = 0
        while breads.count < wanted && attempts < 400 {
            attempts += 1
            let kind = BreadKind.allCases[random.integer(0...2)]
            let size: (Double, Double)
            let scale = (wanted >= 3 ? 0.8 : 1.0) * (trayRotation == 0 ? 1.0 : 0.8)
            switch kind {
            case .anpan, .melonpan:
                let side = random.uniform(0.19, 0.27) * scale
                size = (side, side * random.uniform(0.95, 1.05) / aspect)
            case .yakisobapan:
                size = (random.uniform(0.30, 0.40) * scale, random.uniform(0.16, 0.23) * scale / aspect)
            }
            var left = random.uniform(0, 1 - size.0), top = random.uniform(0, 1 - size.1)
            if touching && breads.isEmpty {
                left = random.uniform(0.12, 0.2)
                top = 0.5 - size.1 / 2 + random.uniform(-0.05, 0.05)
            }
            if touching && breads.count == 1, let first = boxes.first {
                left = first.right - 0.012
                top = first.top + first.height / 2 - size.1 / 2
            }
            let box = BoundingBox(width: size.0, height: size.1, left: left, top: top)
            if !insideTray(box, rotation: trayRotation, inner: inner, aspect: aspect) { continue }
            let gap = 0.02
            if boxes.contains(where: { other in
                !(touching && breads.count == 1) &&
                    box.left < other.right + gap && other.left < box.right + gap && box.top < other.bottom + gap && other.top < box.bottom + gap
            }) { continue }
            boxes.append(box)
            let turn = random.uniform(-3.14159, 3.14159)
            breads.append(BreadPlacement(kind: kind, box: box, rotation: kind == .yakisobapan ? turn * 0.3 : turn, seed: random.next()))
        }
        return TraySpec(width: width, height: height, breads: breads, seed: random.next(),
                        light: random.uniform(0.86, 1.1), warmth: random.uniform(-0.5, 0.5), trayRotation: trayRotation)
    }

    /// Whether all four corners of `box` lie inside the tray's usable part (in a square frame).
    static func insideTray(_ box: BoundingBox, rotation: Double, inner: Double, aspect: Double) -> Bool {
        let c = cosine(rotation), s = sine(rotation)
        for (x, y) in [(box.left, box.top), (box.right, box.top), (box.left, box.bottom), (box.right, box.bottom)] {
            let dx = x - 0.5, dy = (y - 0.5) * aspect
            let rx = c * dx + s * dy, ry = -s * dx + c * dy
            if abs(rx) > inner * 0.5 || abs(ry) > inner * 0.5 * aspect { return false }
        }
        return true
    }

    static func cosine(_ x: Double) -> Double { Foundation.cos(x) }
    static func sine(_ x: Double) -> Double { Foundation.sin(x) }

    /// Per label: breads found (a region at IoU ≥ 0.5) and labelled right (its highest
    /// confidence), and breads in all. Also the highest confidence given to any region that
    /// matches no bread.
    struct Score {
        var right: [String: Int] = [:]
        var total: [String: Int] = [:]
        var found: [String: Int] = [:]
        var strayHighest = 0.0

        mutating func add(truth: [BreadPlacement], detections: [CustomLabel]) {
            var byBox: [(box: BoundingBox, labels: [CustomLabel])] = []
            for label in detections {
                guard let box = label.boundingBox else { continue }
                if let index = byBox.firstIndex(where: { $0.box == box }) { byBox[index].labels.append(label) } else { byBox.append((box, [label])) }
            }
            var used = Set<Int>()
            for bread in truth {
                total[bread.kind.label, default: 0] += 1
                var best = -1, bestOverlap = 0.5
                for (index, entry) in byBox.enumerated() where !used.contains(index) {
                    let overlap = entry.box.intersectionOverUnion(bread.box)
                    if overlap >= bestOverlap { bestOverlap = overlap; best = index }
                }
                if best < 0 { continue }
                used.insert(best)
                found[bread.kind.label, default: 0] += 1
                let top = byBox[best].labels.max { $0.confidence < $1.confidence }
                if top?.name == bread.kind.label { right[bread.kind.label, default: 0] += 1 }
            }
            for (index, entry) in byBox.enumerated() where !used.contains(index) {
                strayHighest = max(strayHighest, entry.labels.map(\.confidence).max() ?? 0)
            }
        }

        func rate(_ label: String) -> Double { Double(right[label, default: 0]) / Double(max(1, total[label, default: 0])) }

        var summary: String {
            total.keys.sorted().map { "\($0) \(right[$0, default: 0])/\(total[$0, default: 0]) right, \(found[$0, default: 0]) found" }
                .joined(separator: "; ") + "; stray max \(strayHighest)"
        }
    }
}
