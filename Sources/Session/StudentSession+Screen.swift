import CustomLabels
import Foundation
import Register

/// What a screen (the register page of `panya class`) asks of a student's session, with no
/// terminal and no interpreter: every candidate the model saw for a photo, the register and
/// checkout. The shell's `inspect`, `register add`, `register total` and `register checkout`
/// work on the same session (its model selection, register and clock), so a page and the
/// prompt never disagree.
extension StudentSession {
    /// Every candidate for a photo file with its assumed threshold, from `modelArn` (nil: the
    /// current model). The rules (thresholds, MinConfidence) are left to the caller: a screen
    /// filters again as a slider moves, without sending the photo again.
    public func screenCandidates(photo path: String, modelArn: String? = nil) throws -> ScreenCandidates {
        let arn = try modelArn ?? models.currentVersionArn()
        let request = try photoArguments.request(path, versionArn: arn, minConfidence: 0, maxResults: nil)
        let labels = try backend.detectCustomLabels(request).customLabels
        let thresholds = try models.thresholds(forModel: arn)
        return ScreenCandidates(modelArn: arn, candidates: labels.map { ScreenCandidate(label: $0, threshold: thresholds[$0.name]) })
    }

    /// The ARN of the current model version (chosen by `model use`, else the newest).
    public func currentModelArn() throws -> String { try models.currentVersionArn() }

    /// Adds the breads of `candidates` that pass the service's rules to the register: with no
    /// `minConfidence`, each label's assumed threshold; with one, MinConfidence alone (as
    /// DetectCustomLabels). A bread under its label's threshold is flagged "confirm", as at the prompt.
    @discardableResult
    public func addToRegister(_ candidates: ScreenCandidates, minConfidence: Double?) throws -> [LineItem] {
        let limits = try DetectionLimits(minConfidence: minConfidence, maxResults: nil)
        let kept = limits.inspect(candidates.candidates.map(\.label), thresholds: candidates.thresholds).filter(\.isShown)
        return try cashRegister.add(detections: kept.map {
            RegisterDetection(name: $0.label.name, confidence: $0.label.confidence, threshold: $0.threshold)
        })
    }

    /// The register's lines and its total (8 % tax, rounded down, as `register total`).
    public func registerState() throws -> (lines: [LineItem], total: RegisterTotal) {
        let register = try cashRegister
        return (try register.items(), try register.total())
    }

    /// Empties the register.
    public func clearRegister() throws { try cashRegister.clear() }

    /// Pays: saves the receipt (at the session clock's time, the wall clock's beside it) and
    /// empties the register.
    public func checkout() throws -> Receipt {
        let sale = saleTime()
        return try cashRegister.checkout(at: sale.time, offsetSeconds: sale.offsetSeconds, realTime: Date())
    }
}

/// Every candidate the model saw for one photo, with the thresholds the rules need.
public struct ScreenCandidates: Sendable, Equatable {
    /// The version that answered.
    public var modelArn: String
    /// Every label the model considered, in the model's order.
    public var candidates: [ScreenCandidate]

    /// Each label's assumed threshold (0–1) as the model's evaluation set it.
    public var thresholds: [String: Double] {
        var map: [String: Double] = [:]
        for candidate in candidates { if let threshold = candidate.threshold { map[candidate.label.name] = threshold } }
        return map
    }

    public init(modelArn: String, candidates: [ScreenCandidate]) {
        self.modelArn = modelArn
        self.candidates = candidates
    }
}

/// One candidate: the wire label (name, confidence, box) and its label's assumed threshold.
public struct ScreenCandidate: Sendable, Equatable {
    public var label: CustomLabel
    /// The assumed threshold (0–1), when the model has one for the label.
    public var threshold: Double?

    public init(label: CustomLabel, threshold: Double?) {
        self.label = label
        self.threshold = threshold
    }
}
