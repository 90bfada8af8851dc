import CustomLabels
import Photos

/// A decoded photo with its labelled boxes, as the engine trains on it (`LabelledPhoto` is what the
/// service's rules check: sizes, format, hash).
public struct LabelledPhoto: Sendable {
    /// The file name (for messages).
    public var name: String
    /// The decoded photo.
    public var photo: Photo
    /// Its labelled boxes.
    public var boxes: [LabelledBox]

    /// A decoded, labelled photo.
    public init(name: String, photo: Photo, boxes: [LabelledBox]) {
        self.name = name
        self.photo = photo
        self.boxes = boxes
    }
}

/// Trains a `BreadModel` from labelled boxes: features of each box's region, standardised,
/// then softmax regression with L2 by plain gradient descent (fixed steps, fixed order), so two
/// trainings on the same photos give the same model, bit for bit.
public enum BreadTrainer {
    /// How the softmax regression is fitted.
    public struct Settings: Sendable, Equatable {
        /// Gradient-descent steps.
        public var iterations: Int
        /// Step size.
        public var learningRate: Double
        /// L2 weight (larger: smaller weights, less extreme confidences).
        public var l2: Double

        /// Settings for a fit.
        public init(iterations: Int, learningRate: Double, l2: Double) {
            self.iterations = iterations
            self.learningRate = learningRate
            self.l2 = l2
        }

        /// The settings panya trains with.
        public static let standard = Settings(iterations: 400, learningRate: 0.5, l2: 0.05)
    }

    /// A segmented region stands for a box when their IoU is at least this.
    public static let regionMatch = 0.3

    /// Trains on `examples`; throws when there is nothing to learn from or a box is unusable.
    public static func train(examples: [LabelledPhoto], settings: Settings = .standard) throws(BreadVisionError) -> BreadModel {
        if examples.isEmpty { throw .noTrainingPhotos }
        var features: [[Double]] = []
        var names: [String] = []
        for example in examples {
            for (index, labelled) in example.boxes.enumerated() {
                if labelled.label.isEmpty { throw .emptyLabel(photo: example.name, box: index + 1) }
                guard labelled.box.width > 0, labelled.box.height > 0, labelled.box.clampedToImage != nil else {
                    throw .boxOutsidePhoto(photo: example.name, box: index + 1)
                }
            }
            if example.boxes.isEmpty { continue }
            let segmentation = BreadSegmenter.segment(example.photo)
            for labelled in example.boxes {
                features.append(boxFeatures(labelled.box, in: segmentation))
                names.append(labelled.label)
            }
        }
        if features.isEmpty { throw .noBoxes }
        let labels = Array(Set(names)).sorted()
        let targets = names.map { name in labels.firstIndex(of: name) ?? 0 }
        return fit(features: features, targets: targets, labels: labels, settings: settings)
    }

    /// The features of the region a labelled box stands for: the segmented region that best
    /// overlaps it, or else the box's own foreground pixels (all its pixels if it has none).
    public static func boxFeatures(_ box: BoundingBox, in segmentation: BreadSegmentation) -> [Double] {
        var best: BreadRegion?
        var bestOverlap = regionMatch
        for region in segmentation.regions {
            let overlap = region.box.intersectionOverUnion(box)
            if overlap >= bestOverlap { bestOverlap = overlap; best = region }
        }
        if let best { return BreadFeatures.extract(region: best, in: segmentation) }
        let image = segmentation.image
        let p = box.pixels(imageWidth: image.width, imageHeight: image.height)
        let x0 = max(0, Int(p.left.rounded(.down))), y0 = max(0, Int(p.top.rounded(.down)))
        let x1 = min(image.width, max(x0 + 1, Int((p.left + p.width).rounded(.up))))
        let y1 = min(image.height, max(y0 + 1, Int((p.top + p.height).rounded(.up))))
        var all: [Int] = [], foreground: [Int] = []
        for y in y0..<y1 {
            for x in x0..<x1 {
                let i = y * image.width + x
                all.append(i)
                if segmentation.foreground[i] { foreground.append(i) }
            }
        }
        return BreadFeatures.extract(pixels: foreground.count * 10 >= all.count ? foreground : all, in: segmentation)
    }

    /// Standardises `features`, fits the softmax regression and measures typical distances.
    static func fit(features: [[Double]], targets: [Int], labels: [String], settings: Settings) -> BreadModel {
        let n = features.count, d = BreadFeatures.count, classes = labels.count
        var means = [Double](repeating: 0, count: d), scales = [Double](repeating: 1, count: d)
        for k in 0..<d {
            var sum = 0.0
            for row in features { sum += row[k] }
            let mean = sum / Double(n)
            var squares = 0.0
            for row in features { squares += (row[k] - mean) * (row[k] - mean) }
            let spread = (squares / Double(n)).squareRoot()
            means[k] = mean
            scales[k] = spread > 1e-6 ? spread : 1
        }
        let z = features.map { row in (0..<d).map { (row[$0] - means[$0]) / scales[$0] } }
        let (weights, biases) = descend(z: z, targets: targets, classes: classes, settings: settings)
        let temperature = calibratedTemperature(z: z, targets: targets, classes: classes, settings: settings)
        // Per label: the spread of its boxes, and the typical distance to the nearest other box.
        var classSpreads: [[Double]] = []
        var nearest: [[Double]] = []
        for c in 0..<classes {
            let members = (0..<n).filter { targets[$0] == c }
            classSpreads.append(classSpread(members.map { z[$0] }, dimensions: d))
            var distances: [Double] = []
            for i in members {
                var best = Double.infinity
                for j in members where j != i { best = min(best, BreadModel.distance(z[i], z[j], spread: classSpreads[c])) }
                if best.isFinite { distances.append(best) }
            }
            nearest.append(distances)
        }
        let overall = median(nearest.flatMap { $0 }) ?? 1
        let typical = nearest.map { max(0.01, median($0) ?? overall) }
        return BreadModel(labels: labels, means: means, scales: scales, weights: weights, biases: biases,
                          examples: z, exampleLabels: targets, classSpreads: classSpreads, typicalDistances: typical,
                          halfDistance: familiarHalfDistance, sharpness: familiarSharpness, temperature: temperature)
    }

    /// Softmax regression with L2 by plain gradient descent from zero (fixed steps, fixed order).
    static func descend(z: [[Double]], targets: [Int], classes: Int, settings: Settings) -> (weights: [[Double]], biases: [Double]) {
        let n = z.count, d = z.first?.count ?? 0
        var weights = [[Double]](repeating: [Double](repeating: 0, count: d), count: classes)
        var biases = [Double](repeating: 0, count: classes)
        guard n > 0 else { return (weights, biases) }
        for _ in 0..<settings.iterations {
            var gradW = [[Double]](repeating: [Double](repeating: 0, count: d), count: classes)
            var gradB = [Double](repeating: 0, count: classes)
            for i in 0..<n {
                let p = BreadModel.softmax(weights: weights, biases: biases, z[i])
                for c in 0..<classes {
                    let error = p[c] - (targets[i] == c ? 1 : 0)
                    gradB[c] += error
                    for k in 0..<d { gradW[c][k] += error * z[i][k] }
                }
            }
            let step = settings.learningRate / Double(n)
            for c in 0..<classes {
                for k in 0..<d { weights[c][k] -= step * gradW[c][k] + settings.learningRate * settings.l2 * weights[c][k] }
                biases[c] -= step * gradB[c]
            }
        }
        return (weights, biases)
    }

    /// How many parts the training boxes are split into to predict each part from the others.
    public static let calibrationFolds = 5

    /// The temperature that makes held-out predictions as sure as the model has shown it deserves:
    /// each box is predicted by a model fitted without its fold, and the temperature is the one at
    /// which the mean probability given to the right label equals the held-out accuracy counted
    /// with one more, missed, box per label — a few photos per label never prove a model is right
    /// 99 times in 100, and more photos earn more confidence. Never below 1 (it only softens).
    static func calibratedTemperature(z: [[Double]], targets: [Int], classes: Int, settings: Settings) -> Double {
        let n = z.count
        let folds = min(calibrationFolds, n)
        guard classes > 1, folds >= 2 else { return 1 }
        var heldOut: [(scores: [Double], target: Int)] = []
        for fold in 0..<folds {
            let kept = (0..<n).filter { $0 % folds != fold }
            let (weights, biases) = descend(z: kept.map { z[$0] }, targets: kept.map { targets[$0] }, classes: classes, settings: settings)
            for i in (0..<n) where i % folds == fold {
                heldOut.append((BreadModel.scores(weights: weights, biases: biases, z[i]), targets[i]))
            }
        }
        let right = heldOut.filter { entry in entry.scores.indices.max { entry.scores[$0] < entry.scores[$1] } == entry.target }.count
        let deserved = Double(right) / Double(n + classes)
        func meanRight(_ temperature: Double) -> Double {
            heldOut.reduce(0) { $0 + BreadModel.softmax(scores: $1.scores, temperature: temperature)[$1.target] } / Double(heldOut.count)
        }
        // Softer (higher) temperatures move every probability towards 1 / classes.
        if meanRight(1) <= deserved { return 1 }
        var low = 1.0, high = 64.0
        if meanRight(high) > deserved { return high }
        for _ in 0..<60 {
            let middle = (low * high).squareRoot()
            if meanRight(middle) > deserved { low = middle } else { high = middle }
        }
        return (low * high).squareRoot()
    }

    /// The smallest spread a feature may have within a label (in standardised units): ten
    /// photos cannot show how much a feature really varies.
    public static let spreadFloor = 0.35
    /// The relative distance (to a label's typical one) at which its confidence is halved.
    public static let familiarHalfDistance = 12.0
    /// How sharply confidence falls around that distance.
    public static let familiarSharpness = 2.0

    /// The spread of each feature over `rows`, with the floor mixed in.
    static func classSpread(_ rows: [[Double]], dimensions d: Int) -> [Double] {
        var spread = [Double](repeating: spreadFloor, count: d)
        if rows.isEmpty { return spread }
        let count = Double(rows.count)
        for k in 0..<d {
            var sum = 0.0
            for row in rows { sum += row[k] }
            let mean = sum / count
            var squares = 0.0
            for row in rows { squares += (row[k] - mean) * (row[k] - mean) }
            spread[k] = (squares / count + spreadFloor * spreadFloor).squareRoot()
        }
        return spread
    }

    /// The median (the lower middle one for an even count), nil when empty.
    static func median(_ values: [Double]) -> Double? {
        if values.isEmpty { return nil }
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
    }
}
