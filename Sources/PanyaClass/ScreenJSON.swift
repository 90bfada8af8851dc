import CustomLabels
import Foundation
import Register
import Session

/// The JSON the register screen reads. Confidences and thresholds are percentages as the
/// service and the shell show them; boxes are ratios of the upright photo.
struct PhotoAnswer: Encodable {
    struct PhotoInfo: Encodable { var id: Int; var width: Int; var height: Int; var url: String }
    struct ModelInfo: Encodable { var arn: String; var name: String; var source: String; var note: String? }
    var photo: PhotoInfo
    var model: ModelInfo
    var candidates: [CandidateJSON]
}

struct CandidateJSON: Codable {
    struct Box: Codable { var left: Double; var top: Double; var width: Double; var height: Double }
    var name: String
    /// 0–100.
    var confidence: Double
    /// The label's assumed threshold, 0–100 (nil when the model has none).
    var threshold: Double?
    var box: Box?

    init(_ candidate: ScreenCandidate) {
        name = candidate.label.name
        confidence = candidate.label.confidence
        threshold = candidate.threshold.map(DetectionRules.thresholdPercent)
        box = candidate.label.boundingBox.map { Box(left: $0.left, top: $0.top, width: $0.width, height: $0.height) }
    }
}

struct RegisterJSON: Encodable {
    struct Line: Encodable { var name: String; var qty: Int; var unitPrice: Int; var amount: Int; var confirm: Bool }
    var lines: [Line]
    var subtotal: Int
    var taxRate: Int
    var tax: Int
    var total: Int
    /// The model version the register screen asks (`model use`), when there is one.
    var model: ModelJSON?

    struct ModelJSON: Encodable { var arn: String; var name: String }

    init(lines: [LineItem], total: RegisterTotal) {
        self.lines = lines.map { Line(name: $0.name, qty: $0.qty, unitPrice: $0.unitPrice, amount: $0.amount, confirm: $0.needsConfirmation) }
        subtotal = total.subtotal
        taxRate = total.taxRate
        tax = total.tax
        self.total = total.total
    }
}

struct ReceiptJSON: Encodable {
    var number: Int
    /// The session clock's time, in its offset.
    var time: String
    /// The wall clock's time in UTC (nil on receipts saved before it was kept).
    var realTime: String?
    var register: RegisterJSON
}

struct CodeCheckJSON: Encodable {
    struct Problem: Encodable { var line: Int; var column: Int; var message: String; var rendered: String }
    var source: String
    var ok: Bool
    /// The student's total (nil when the code failed or returned something that is not a number).
    var studentTotal: Double?
    var registerTotal: Int
    var agrees: Bool
    var problem: Problem?
    var note: String?
}
