import CustomLabels
import Foundation
import Shell

/// The evaluation page: the summary file exactly as `evaluation --json` prints it (every number
/// the page shows comes from it) and each test photo's boxes marked TP / FP / FN with their
/// confidences, so the page can move the threshold itself.
enum ConsoleEvaluation {
    struct BoxJSON: Encodable, Sendable {
        var label: String
        var left: Double
        var top: Double
        var width: Double
        var height: Double
        var confidence: Double?
        var outcome: String
    }

    struct ImageJSON: Encodable, Sendable {
        var path: String
        var name: String
        var boxes: [BoxJSON]
    }

    struct PageJSON: Encodable, Sendable {
        var model: String
        var summary: String
        var thresholds: [String: Double]
        var images: [ImageJSON]
    }

    /// The page for the version in use: computed once per trained version and kept on the desk
    /// (a trained version's evaluation never changes; a version still training is not kept).
    static func page(_ session: ShellSession, desk: StudentDesk) throws -> PageJSON {
        let arn = try session.core.currentModelArn()
        if let kept = desk.evaluationPages[arn] { return kept }
        let (page, finished) = try computed(session, arn: arn)
        if finished { desk.evaluationPages[arn] = page }
        return page
    }

    /// The page from the summary file as `evaluation --json` prints it and the kept test results;
    /// `finished` when the version has its evaluation (so the page will not change).
    static func computed(_ session: ShellSession, arn: String) throws -> (PageJSON, finished: Bool) {
        let trainer = try ConsoleProject.trainer(session.core)
        let summary = try ConsoleCommand.text(session, "evaluation --json")
        let trained = try trainer.trainedEvaluation(versionArn: arn)
        let images = (trained?.evaluation.images ?? []).map { image in
            ImageJSON(path: image.photo, name: (image.photo as NSString).lastPathComponent, boxes: image.boxes.map {
                BoxJSON(label: $0.label, left: $0.box.left, top: $0.box.top, width: $0.box.width, height: $0.box.height,
                        confidence: $0.confidence, outcome: $0.outcome.rawValue)
            })
        }
        let page = PageJSON(model: ProjectVersionArn(arn)?.versionName ?? arn, summary: summary,
                            thresholds: trained?.evaluation.thresholds ?? [:], images: images)
        return (page, trained != nil)
    }
}
