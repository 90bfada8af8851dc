import CustomLabels
import PanyaLanguage
import PanyaSupport

/// `projects`, `models`, `model` (+ `use`, `start`, `stop`, `wait`), `thresholds`, `evaluation`.
struct ModelFamily: CommandFamily {
    unowned let context: any OperationsAccess

    var title: Message { Message(en: "Models", ja: "モデル") }

    var commands: [Command] {
        let models = context.models
        let backend = { context.backend }
        return [
            Command("projects", summary: Catalog.projectsSummary) { _ in
                try backend().describeProjects().map(ProjectSummary.init).value
            },
            Command("models", summary: Catalog.modelsSummary) { _ in
                let project = try models.project(ofVersion: models.currentVersionArn())
                return try backend().describeProjectVersions(projectArn: project.projectArn, versionNames: nil)
                    .map { ModelSummary($0) }.value
            },
            Command("model", summary: Catalog.modelSummary) { _ in
                ModelSummary(try models.currentVersion()).value
            },
            Command("model use", summary: Catalog.modelUseSummary,
                    arguments: [.required("NAME|ARN", .text, Catalog.argVersion)]) { call in
                let version = try models.use(call.string(at: 0))
                for stale in (try? context.scheduleBook.staleTargets()) ?? [] { context.write(context.style.text(stale.message) + "\n") }
                return ModelSummary(version).value
            },
            Command("model start", summary: Catalog.modelStartSummary,
                    flags: [.value("units", "N", .wholeNumber(1...Catalog.maxInferenceUnits), Catalog.flagUnits),
                            .value("max-units", "N", .wholeNumber(1...Catalog.maxInferenceUnits), Catalog.flagMaxUnits)]) { call in
                let status = try backend().startProjectVersion(arn: models.currentVersionArn(), minInferenceUnits: call.int(flag: "units") ?? 1,
                                                               maxInferenceUnits: call.int(flag: "max-units"))
                return .string(status.rawValue)
            },
            Command("model stop", summary: Catalog.modelStopSummary) { _ in
                .string(try backend().stopProjectVersion(arn: models.currentVersionArn()).rawValue)
            },
            Command("model wait", summary: Catalog.modelWaitSummary) { _ in
                if let runner = context.scheduleRunner, try runner.nextFire() != nil {
                    return .string(try ScheduledWait(context: context, runner: runner).wait(arn: models.currentVersionArn()).rawValue)
                }
                let status = try backend().waitUntilStable(arn: models.currentVersionArn()) { line in
                    context.write(context.style.text(line) + "\n")
                }
                return .string(status.rawValue)
            },
            Command("thresholds", summary: Catalog.thresholdsSummary) { _ in
                try models.currentVersion().labels.map(ThresholdRow.init).value
            },
            Command("evaluation", summary: Catalog.evaluationSummary,
                    flags: [.switch("images", Catalog.flagEvaluationImages), .switch("json", Catalog.flagEvaluationJSON)]) { call in
                if let training = context as? any TrainingAccess { return try TrainingFamily.evaluation(call, context: training) }
                return EvaluationReport(version: try models.currentVersion()).value
            },
        ]
    }
}

extension Catalog {
    static let projectsSummary = Message(en: "the Custom Labels projects", ja: "Custom Labels のプロジェクト一覧")
    static let modelsSummary = Message(en: "the current project's model versions (name, status, created, F1)", ja: "現在のプロジェクトのモデルバージョン一覧 (名前・状態・作成日時・F1)")
    static let modelSummary = Message(en: "the current model version (name, arn, status, units, labels, f1)", ja: "現在のモデルバージョン (名前・ARN・状態・ユニット数・ラベル・F1)")
    static let modelUseSummary = Message(en: "choose the model version to use, by name or ARN", ja: "使うモデルバージョンを名前か ARN で選ぶ")
    static let modelStartSummary = Message(en: "start the model (billing starts when it is RUNNING)", ja: "モデルを開始する (RUNNING になると課金が始まります)")
    static let modelStopSummary = Message(en: "stop the model (billing stops)", ja: "モデルを停止する (課金が止まります)")
    static let modelWaitSummary = Message(en: "wait until the model is RUNNING or STOPPED", ja: "モデルが RUNNING か STOPPED になるまで待つ")
    static let thresholdsSummary = Message(en: "each label's assumed threshold (0–1)", ja: "ラベルごとの想定しきい値 (0〜1)")
    static let evaluationSummary = Message(en: "per-label F1, precision, recall, threshold and test images", ja: "ラベルごとの F1・適合率・再現率・しきい値・テスト画像数")
    static let headerProject = Message(en: "project", ja: "プロジェクト")
    static let headerCreated = Message(en: "created", ja: "作成日時")
    static let headerVersion = Message(en: "version", ja: "バージョン")
    static let headerStatus = Message(en: "status", ja: "状態")
    static let headerUnits = Message(en: "units", ja: "ユニット数")
    static let headerLabel = Message(en: "label", ja: "ラベル")
    static let headerLabels = Message(en: "labels", ja: "ラベル")
    static let headerAssumedThreshold = Message(en: "assumed threshold", ja: "想定しきい値")
    static let headerAsConfidence = Message(en: "as confidence", ja: "信頼度に直すと")
    static let headerPrecision = Message(en: "precision", ja: "適合率")
    static let headerRecall = Message(en: "recall", ja: "再現率")
    static let headerTestImages = Message(en: "test images", ja: "テスト画像")
    static let thresholdWord = Message(en: "threshold", ja: "しきい値")
    static func evaluationHeading(model: String, f1: String) -> Message {
        Message(en: "evaluation of \(model) — overall F1 \(f1)", ja: "\(model) の評価 — 全体の F1 \(f1)")
    }
    static let argVersion = Message(en: "a version name (see `models`) or its ARN", ja: "バージョン名 (`models` で確認) または ARN")
    static let flagUnits = Message(en: "inference units, 1 to 100 (default 1; each bills 4 USD an hour)",
                                   ja: "推論ユニット数 1〜100 (既定 1。1 ユニットごとに 1 時間 4 ドル)")
    static let flagMaxUnits = Message(en: "the most units auto-scaling may use (1 to 100)", ja: "自動スケーリングで使う最大ユニット数 (1〜100)")
    /// The most inference units `model start` accepts (a bound at the door, named in messages).
    static let maxInferenceUnits = 100
}
