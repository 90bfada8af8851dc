import CustomLabels
import PanyaLanguage
import PanyaSupport
import Session

/// `detect` and `inspect`: what the model answers for a photo, and why.
struct DetectionFamily: CommandFamily {
    unowned let context: any ServiceAccess

    var title: Message { Message(en: "Detection", ja: "検出") }

    var commands: [Command] {
        [
            Command("detect", summary: Catalog.detectSummary,
                    arguments: [.required("PHOTO", .photo, Catalog.argPhoto)],
                    flags: [.value("min-confidence", "N", .anyNumber, Catalog.flagMinConfidence),
                            .value("max-results", "N", .wholeNumber(0...Int(Int32.max)), Catalog.flagMaxResults),
                            .switch("json", Catalog.flagJSON)]) { call in
                let result = try detect(photo: call.string(at: 0), minConfidence: call.number(flag: "min-confidence"),
                                        maxResults: call.int(flag: "max-results"))
                if try call.bool(flag: "json") {
                    var json = DetectCustomLabelsResponse(customLabels: result.labels).awsCLIJSON()
                    if json.hasSuffix("\n") { json.removeLast() }
                    return .string(json)
                }
                return result.value
            },
            Command("inspect", summary: Catalog.inspectSummary,
                    arguments: [.required("PHOTO", .photo, Catalog.argPhoto)],
                    flags: [.value("min-confidence", "N", .anyNumber, Catalog.flagMinConfidence),
                            .value("max-results", "N", .wholeNumber(0...Int(Int32.max)), Catalog.flagMaxResults)]) { call in
                try inspect(photo: call.string(at: 0), minConfidence: call.number(flag: "min-confidence"),
                            maxResults: call.int(flag: "max-results")).value
            },
        ]
    }

    /// DetectCustomLabels on the current model (the session's).
    func detect(photo: String, minConfidence: Double?, maxResults: Int?) throws -> DetectResult {
        let detection = try context.core.detect(photo: photo, minConfidence: minConfidence, maxResults: maxResults)
        return DetectResult(photo: photo, modelArn: detection.modelArn, minConfidence: minConfidence, labels: detection.labels)
    }

    /// Every candidate (MinConfidence 0 returns everything) with the rules applied by the session.
    func inspect(photo: String, minConfidence: Double?, maxResults: Int?) throws -> InspectionReport {
        let limits = try DetectionLimits(minConfidence: minConfidence, maxResults: maxResults)
        let inspection = try context.core.inspect(photo: photo, limits: limits)
        return InspectionReport(photo: photo, modelArn: inspection.modelArn, minConfidence: minConfidence, rows: inspection.rows,
                                language: context.style.language)
    }
}

extension Catalog {
    static let detectSummary = Message(en: "send a photo to the model: the labels, confidences and boxes it returns",
                                       ja: "写真をモデルに送り、返ってきたラベル・信頼度・枠を表示")
    static let inspectSummary = Message(en: "every candidate the model saw, with its threshold and why it was shown or hidden",
                                        ja: "モデルが見つけたすべての候補と、しきい値、表示/非表示の理由")
    static let headerConfidence = Message(en: "confidence", ja: "信頼度")
    static let headerLeft = Message(en: "left", ja: "左")
    static let headerTop = Message(en: "top", ja: "上")
    static let headerWidth = Message(en: "width", ja: "幅")
    static let headerHeight = Message(en: "height", ja: "高さ")
    static let headerThresholdPercent = Message(en: "threshold", ja: "しきい値")
    static let headerVerdict = Message(en: "verdict", ja: "判定")
    static let minConfidenceAbsent = Message(en: "MinConfidence: not given (each label's assumed threshold applies)",
                                             ja: "MinConfidence: 指定なし (ラベルごとの想定しきい値で判定)")
    static func minConfidenceGiven(_ value: String) -> Message {
        Message(en: "MinConfidence: \(value) (thresholds ignored)", ja: "MinConfidence: \(value) (しきい値は使われません)")
    }
    static func noLabelsCameBack(_ photo: String) -> Message {
        Message(en: "No labels came back. `inspect \(photo)` shows what the model saw and why it was hidden.",
                ja: "ラベルは1つも返ってきませんでした。`inspect \(photo)` で、モデルが見たものと非表示の理由がわかります。")
    }
    static func inspectionTally(shown: Int, total: Int) -> Message {
        Message(en: "\(shown) of \(total) candidates would come back.", ja: "候補 \(total) 件のうち \(shown) 件が返ります。")
    }
}
