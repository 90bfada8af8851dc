import CustomLabels
import Photos

/// A trained bread model: plain numbers (standardisation, softmax weights, the training
/// examples for the "unlike every label" check). Detects on any photo; encodes to JSON.
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
    /// Per label: the typical distance from a training box to its nearest same-label neighbour.
    public let typicalDistances: [Double]
    /// Distances up to `slack` × typical count as familiar (full confidence).
    public let slack: Double
    /// How fast confidence falls beyond the slack (in typical distances).
    public let falloff: Double

    /// A model from its numbers.
    public init(labels: [String], means: [Double], scales: [Double], weights: [[Double]], biases: [Double],
                examples: [[Double]], exampleLabels: [Int], typicalDistances: [Double], slack: Double, falloff: Double) {
        self.labels = labels
        self.means = means
        self.scales = scales
        self.weights = weights
        self.biases = biases
        self.examples = examples
        self.exampleLabels = exampleLabels
        self.typicalDistances = typicalDistances
        self.slack = slack
        self.falloff = falloff
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
        Self.softmax(weights: weights, biases: biases, z)
    }

    static func softmax(weights: [[Double]], biases: [Double], _ z: [Double]) -> [Double] {
        var scores = biases
        for c in 0..<scores.count {
            var s = scores[c]
            let row = weights[c]
            for k in 0..<z.count { s += row[k] * z[k] }
            scores[c] = s
        }
        let top = scores.max() ?? 0
        var total = 0.0
        for c in 0..<scores.count { scores[c] = EngineMath.exp(scores[c] - top); total += scores[c] }
        for c in 0..<scores.count { scores[c] /= total }
        return scores
    }

    /// Root-mean-square distance between two standardised vectors.
    static func distance(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for k in 0..<min(a.count, b.count) { let d = a[k] - b[k]; s += d * d }
        return (s / Double(max(1, a.count))).squareRoot()
    }

    /// Per label: how familiar `z` is, 1 near that label's training boxes, falling towards 0 far away.
    func familiarity(_ z: [Double]) -> [Double] {
        var nearest = [Double](repeating: Double.infinity, count: labels.count)
        for (index, example) in examples.enumerated() {
            let c = exampleLabels[index]
            nearest[c] = min(nearest[c], Self.distance(z, example))
        }
        return nearest.indices.map { c in
            let excess = max(0, nearest[c] / typicalDistances[c] - slack) / falloff
            return nearest[c].isFinite ? EngineMath.exp(-excess * excess) : 0
        }
    }

    /// Confidence (0–100) of each label for raw features: probability × familiarity × 100.
    public func confidences(features: [Double]) -> [Double] {
        let z = standardise(features)
        let p = probabilities(z), f = familiarity(z)
        return p.indices.map { 100 * p[$0] * f[$0] }
    }
}
