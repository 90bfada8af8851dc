import CustomLabels
import Photos

/// A trained bread model: plain numbers (standardisation, softmax weights, the training
/// statistics for the "unlike every label" check). Detects on any photo; encodes to JSON.
public struct BreadModel: Sendable, Equatable {
    /// The labels, in the model's order (sorted).
    public let labels: [String]
    /// Per feature: the training mean subtracted before use.
    public let means: [Double]
    /// Per feature: the training spread divided by before use.
    public let scales: [Double]
    /// Softmax weights, one row per label.
    public let weights: [[Double]]
    /// Softmax biases, one per label.
    public let biases: [Double]
    /// The standardised features of every training box.
    public let examples: [[Double]]
    /// The label index of every training box.
    public let exampleLabels: [Int]
    /// Per label: the spread of its training boxes' standardised features (shrunk towards a floor).
    public let classSpreads: [[Double]]
    /// Per label: the typical (median) distance from a training box to its nearest other box of that label.
    public let typicalDistances: [Double]
    /// The relative distance at which a label's confidence is halved ("unlike every label").
    public let halfDistance: Double
    /// How sharply confidence falls around `halfDistance`.
    public let sharpness: Double
    /// The softmax temperature fitted on held-out predictions (``BreadTrainer``): the classifier's
    /// scores are divided by it, so that confidences say how often such a model is right rather
    /// than sitting at 99 % for every bread. 1 leaves the scores as fitted.
    public let temperature: Double

    /// A model from its numbers.
    public init(labels: [String], means: [Double], scales: [Double], weights: [[Double]], biases: [Double],
                examples: [[Double]], exampleLabels: [Int], classSpreads: [[Double]], typicalDistances: [Double], halfDistance: Double, sharpness: Double,
                temperature: Double = 1) {
        self.labels = labels
        self.means = means
        self.scales = scales
        self.weights = weights
        self.biases = biases
        self.examples = examples
        self.exampleLabels = exampleLabels
        self.classSpreads = classSpreads
        self.typicalDistances = typicalDistances
        self.halfDistance = halfDistance
        self.sharpness = sharpness
        self.temperature = temperature
    }

    /// Every region of `photo` with every label and its confidence (0–100) on the region's
    /// box: all candidates, unfiltered (the service's threshold rules are applied elsewhere).
    /// Regions in reading order, labels in the model's order within a region.
    public func detect(_ photo: Photo) -> [CustomLabel] {
        detect(BreadSegmenter.segment(photo))
    }

    /// `detect` on a photo already segmented.
    public func detect(_ segmentation: BreadSegmentation) -> [CustomLabel] {
        var result: [CustomLabel] = []
        for region in segmentation.regions {
            let confidences = confidences(features: BreadFeatures.extract(region: region, in: segmentation))
            let box = BoundingBox(width: Self.float(region.box.width), height: Self.float(region.box.height),
                                  left: Self.float(region.box.left), top: Self.float(region.box.top))
            for (index, label) in labels.enumerated() {
                result.append(CustomLabel(name: label, confidence: Self.float(confidences[index]), boundingBox: box))
            }
        }
        return result
    }

    /// The service answers in single precision; so does the engine.
    static func float(_ value: Double) -> Double { Double(Float(value)) }

    /// Standardised features.
    func standardise(_ features: [Double]) -> [Double] {
        var z = [Double](repeating: 0, count: means.count)
        for k in 0..<min(means.count, features.count) { z[k] = (features[k] - means[k]) / scales[k] }
        return z
    }

    /// Softmax probabilities of each label for standardised features `z`.
    func probabilities(_ z: [Double]) -> [Double] {
        Self.softmax(weights: weights, biases: biases, z, temperature: temperature)
    }

    /// The classifier's raw score of each label (before the softmax).
    static func scores(weights: [[Double]], biases: [Double], _ z: [Double]) -> [Double] {
        var scores = biases
        for c in 0..<scores.count {
            var s = scores[c]
            let row = weights[c]
            for k in 0..<z.count { s += row[k] * z[k] }
            scores[c] = s
        }
        return scores
    }

    static func softmax(weights: [[Double]], biases: [Double], _ z: [Double], temperature: Double = 1) -> [Double] {
        softmax(scores: scores(weights: weights, biases: biases, z), temperature: temperature)
    }

    /// Softmax of `scores` divided by `temperature`.
    static func softmax(scores raw: [Double], temperature: Double) -> [Double] {
        var scores = temperature == 1 ? raw : raw.map { $0 / temperature }
        let top = scores.max() ?? 0
        var total = 0.0
        for c in 0..<scores.count { scores[c] = EngineMath.exp(scores[c] - top); total += scores[c] }
        for c in 0..<scores.count { scores[c] /= total }
        return scores
    }

    /// The mean squared difference of two standardised vectors, feature by feature in units of
    /// a label's spread.
    static func distance(_ z: [Double], _ example: [Double], spread: [Double]) -> Double {
        var s = 0.0
        for k in 0..<min(z.count, example.count) { let d = (z[k] - example[k]) / spread[k]; s += d * d }
        return s / Double(max(1, z.count))
    }

    /// Per label: the distance from `z` to that label's nearest training box, relative to the
    /// label's typical one (1 is as close as training boxes are to each other).
    func relativeDistances(_ z: [Double]) -> [Double] {
        var nearest = [Double](repeating: Double.infinity, count: labels.count)
        for (index, example) in examples.enumerated() {
            let c = exampleLabels[index]
            nearest[c] = min(nearest[c], Self.distance(z, example, spread: classSpreads[c]))
        }
        return labels.indices.map { nearest[$0] / typicalDistances[$0] }
    }

    /// Per label: the relative distance of raw `features` (see `relativeDistances`).
    public func relativeDistances(features: [Double]) -> [Double] { relativeDistances(standardise(features)) }

    /// Per label: how familiar `z` is: 1 / (1 + (relative distance / halfDistance)^sharpness),
    /// near 1 close to that label's training boxes, towards 0 far from them.
    func familiarity(_ z: [Double]) -> [Double] {
        relativeDistances(z).map { relative in
            if !relative.isFinite { return 0 }
            let q = relative / halfDistance
            let power = EngineMath.exp(sharpness * EngineMath.log(max(q, 1e-300)))
            return 1 / (1 + power)
        }
    }

    /// Why each label gets its confidence: the classifier's probability (0–1) and how familiar
    /// the region looks next to that label's training boxes (0–1); confidence = both × 100.
    public func breakdown(features: [Double]) -> [(label: String, probability: Double, familiarity: Double)] {
        let z = standardise(features)
        let p = probabilities(z), f = familiarity(z)
        return labels.indices.map { (labels[$0], p[$0], f[$0]) }
    }

    /// Confidence (0–100) of each label for raw features: probability × familiarity × 100.
    public func confidences(features: [Double]) -> [Double] {
        let z = standardise(features)
        let p = probabilities(z), f = familiarity(z)
        return p.indices.map { 100 * p[$0] * f[$0] }
    }
}
