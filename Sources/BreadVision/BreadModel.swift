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
    /// Per label: the mean of its training boxes' standardised features.
    public let classMeans: [[Double]]
    /// Per label: the spread of its training boxes' standardised features (shrunk towards a floor).
    public let classSpreads: [[Double]]
    /// Per label: the typical (median, leave-one-out) distance of a training box to its label.
    public let typicalDistances: [Double]
    /// The relative distance at which a label's confidence is halved ("unlike every label").
    public let halfDistance: Double
    /// How sharply confidence falls around `halfDistance`.
    public let sharpness: Double

    /// A model from its numbers.
    public init(labels: [String], means: [Double], scales: [Double], weights: [[Double]], biases: [Double],
                classMeans: [[Double]], classSpreads: [[Double]], typicalDistances: [Double], halfDistance: Double, sharpness: Double) {
        self.labels = labels
        self.means = means
        self.scales = scales
        self.weights = weights
        self.biases = biases
        self.classMeans = classMeans
        self.classSpreads = classSpreads
        self.typicalDistances = typicalDistances
        self.halfDistance = halfDistance
        self.sharpness = sharpness
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

    /// The mean squared distance of `z` from a label's training boxes, feature by feature in
    /// units of that label's spread (a diagonal Mahalanobis distance).
    static func distance(_ z: [Double], mean: [Double], spread: [Double]) -> Double {
        var s = 0.0
        for k in 0..<min(z.count, mean.count) { let d = (z[k] - mean[k]) / spread[k]; s += d * d }
        return s / Double(max(1, z.count))
    }

    /// Per label: the distance of `z` from that label's training boxes relative to the typical one.
    public func relativeDistances(features: [Double]) -> [Double] {
        let z = standardise(features)
        return labels.indices.map { Self.distance(z, mean: classMeans[$0], spread: classSpreads[$0]) / typicalDistances[$0] }
    }

    /// Per label: how familiar `z` is: 1 / (1 + (relative distance / halfDistance)^sharpness),
    /// near 1 close to that label's training boxes, towards 0 far from them.
    func familiarity(_ z: [Double]) -> [Double] {
        labels.indices.map { c in
            let relative = Self.distance(z, mean: classMeans[c], spread: classSpreads[c]) / typicalDistances[c]
            let q = relative / halfDistance
            let power = EngineMath.exp(sharpness * EngineMath.log(max(q, 1e-300)))
            return 1 / (1 + power)
        }
    }

    /// Confidence (0–100) of each label for raw features: probability × familiarity × 100.
    public func confidences(features: [Double]) -> [Double] {
        let z = standardise(features)
        let p = probabilities(z), f = familiarity(z)
        return p.indices.map { 100 * p[$0] * f[$0] }
    }
}
