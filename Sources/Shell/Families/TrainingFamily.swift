import CustomLabels
import PanyaLanguage
import PanyaSupport

/// `train`: CreateProjectVersion on the current project; the new version becomes the model in use.
/// Also the trained-version parts of `evaluation` (`--images`, `--json`).
struct TrainingFamily: CommandFamily {
    unowned let context: any TrainingAccess

    var title: Message { Message(en: "Training", ja: "トレーニング") }

    var commands: [Command] {
        [
            Command("train", summary: Catalog.trainSummary,
                    flags: [.value("version-name", "NAME", .text, Catalog.flagVersionName)]) { call in
                let trainer = try context.trainer("train")
                let project = try trainer.currentTrainingProject()
                let version = try trainer.train(project: project, versionName: call.string(flag: "version-name"))
                let failure = try trainer.trainingFailure(versionArn: version.projectVersionArn)
                if failure == nil { _ = try context.models.use(version.projectVersionArn) }
                let photos = (version.trainingImages ?? 0) + (version.testingImages ?? 0)
                // Only a simulated clock knows how long training takes; the live service says nothing.
                let simulated = context.backend.simulatedTime != nil
                return TrainingOutcome(version: version, failure: failure,
                                       trainingSeconds: failure == nil && simulated ? TrainingTime.durationSeconds(photos: photos) : nil).value
            },
        ]
    }

    /// `evaluation [--images] [--json]` on the current version: the metrics, the test results, or the summary file.
    static func evaluation(_ call: CommandCall, context: any TrainingAccess) throws -> Value {
        let models = context.models
        let version = try models.currentVersion()
        let trained = try context.backend.training?.trainedEvaluation(versionArn: version.projectVersionArn)
        if try call.bool(flag: "json") {
            let file = trained?.summaryFile ?? recordedSummaryFile(version)
            var text = file.text
            if text.hasSuffix("\n") { text.removeLast() }
            return .string(text)
        }
        if try call.bool(flag: "images") {
            guard let trained else { throw ShellTrainingError.noTestResults(version.versionName) }
            if trained.evaluation.images.isEmpty && trained.summaryFile.numberOfTestingImages > 0 {
                throw ShellTrainingError.testResultsNotInSummary(version.versionName)
            }
            return TestResultsReport(model: version.versionName, images: trained.evaluation.images, shortPath: context.shortPath).value
        }
        return EvaluationReport(version: version).value
    }

    /// The summary file of a recorded version, from what its project file records.
    static func recordedSummaryFile(_ version: ProjectVersionDescription) -> EvaluationSummaryFile {
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        let f1 = version.f1Score ?? 0
        return EvaluationSummaryFile(projectVersionArn: version.projectVersionArn,
                              evaluationEndTimestamp: EvaluationSummaryFile.timestamp(seconds: version.creationTimestamp ?? 0),
                              labels: version.labels.map(\.label), numberOfTrainingImages: version.trainingImages ?? 0,
                              numberOfTestingImages: version.testingImages ?? 0,
                              precision: mean(version.labels.compactMap(\.precision)) ?? f1, recall: mean(version.labels.compactMap(\.recall)) ?? f1,
                              f1Score: f1, averagePrecision: nil, averageRecall: nil, labelResults: EvaluationSummaryFile.sorted(version.labels))
    }
}

extension Catalog {
    static let trainSummary = Message(en: "train a new model version on the datasets (CreateProjectVersion); it becomes the model in use",
                                      ja: "データセットで新しいモデルバージョンをトレーニングする (CreateProjectVersion)。それが使うモデルになる")
    static let flagVersionName = Message(en: "the version's name (default: <project>.<date>T<time> by the clock)",
                                         ja: "バージョン名 (既定: 時計による <プロジェクト>.<日付>T<時刻>)")
    static let flagEvaluationImages = Message(en: "the test results: each test photo's boxes as True/False Positive or False Negative",
                                              ja: "テスト結果: テスト写真の枠ごとに True/False Positive か False Negative")
    static let flagEvaluationJSON = Message(en: "print the EvaluationSummary JSON file as the service writes it",
                                            ja: "サービスが書く EvaluationSummary の JSON ファイルを表示")
}
