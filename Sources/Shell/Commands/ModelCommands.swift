import CustomLabels
import Foundation
import PanyaLanguage
import PanyaSupport

extension ShellSession {
    /// `projects`, `models`, `model` (+ `use`, `start`, `stop`, `wait`), `thresholds`, `evaluation`.
    func registerModelCommands() {
        register(Command(name: "projects", summary: Catalog.projectsSummary, usage: "projects") { [unowned self] _ in
            .list(try self.backend.describeProjects().map { project in
                .record(Record(kind: RecordKind.project, fields: [
                    ("name", .string(project.projectName)), ("arn", .string(project.projectArn)),
                    ("created", project.creationTimestamp.map { .string(Self.isoDate($0)) } ?? .null),
                    ("status", project.status.map { .string($0) } ?? .null),
                ]))
            })
        })
        register(Command(name: "models", summary: Catalog.modelsSummary, usage: "models") { [unowned self] _ in
            let arn = try ProjectVersionArn.parse(self.currentVersionArn())
            guard let project = try self.backend.describeProjects().first(where: { $0.projectName == arn.projectName }) else {
                throw ServiceError(.resourceNotFound, "The project \(arn.projectName) was not found.")
            }
            return .list(try self.backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil).map { self.modelValue($0) })
        })
        register(Command(name: "model", summary: Catalog.modelSummary, usage: "model") { [unowned self] _ in
            self.modelValue(try self.currentVersion())
        })
        register(Command(name: "model use", summary: Catalog.modelUseSummary, usage: "model use NAME|ARN") { [unowned self] call in
            self.modelValue(try self.useVersion(call.string(at: 0)))
        })
        register(Command(name: "model start", summary: Catalog.modelStartSummary, usage: "model start [--units N]", flags: ["units", "max-units"]) { [unowned self] call in
            let units = try call.int(flag: "units") ?? 1
            let status = try self.backend.startProjectVersion(arn: self.currentVersionArn(), minInferenceUnits: units, maxInferenceUnits: call.int(flag: "max-units"))
            return .string(status.rawValue)
        })
        register(Command(name: "model stop", summary: Catalog.modelStopSummary, usage: "model stop") { [unowned self] _ in
            .string(try self.backend.stopProjectVersion(arn: self.currentVersionArn()).rawValue)
        })
        register(Command(name: "model wait", summary: Catalog.modelWaitSummary, usage: "model wait") { [unowned self] _ in
            let status = try self.backend.waitUntilStable(arn: self.currentVersionArn()) { line in
                self.write(line.text(self.language) + "\n")
            }
            return .string(status.rawValue)
        })
        register(Command(name: "thresholds", summary: Catalog.thresholdsSummary, usage: "thresholds") { [unowned self] _ in
            let version = try self.currentVersion()
            return .list(version.labels.map { label in
                .record(Record(kind: RecordKind.threshold, fields: [("name", .string(label.label)), ("threshold", .number(label.threshold))]))
            })
        })
        register(Command(name: "evaluation", summary: Catalog.evaluationSummary, usage: "evaluation") { [unowned self] _ in
            let version = try self.currentVersion()
            let labels: [Value] = version.labels.map { label in
                .record(Record(kind: RecordKind.labelEvaluation, fields: [
                    ("name", .string(label.label)), ("f1", label.f1Score.map { .number($0) } ?? .null),
                    ("precision", label.precision.map { .number($0) } ?? .null), ("recall", label.recall.map { .number($0) } ?? .null),
                    ("threshold", .number(label.threshold)), ("test_images", label.testingImages.map { .number(Double($0)) } ?? .null),
                ]))
            }
            return .record(Record(kind: RecordKind.evaluation, fields: [
                ("model", .string(version.versionName)), ("f1", version.f1Score.map { .number($0) } ?? .null), ("labels", .list(labels)),
            ]))
        })

        registerListRenderer(kind: RecordKind.project) { [unowned self] records in
            var table = TextTable(headers: [Catalog.headerProject.text(self.language), Catalog.headerCreated.text(self.language), "ARN"])
            for r in records { table.add([r["name"]?.printed ?? "", r["created"].map { $0.isNull ? "" : $0.printed } ?? "", r["arn"]?.printed ?? ""]) }
            return table.render()
        }
        registerListRenderer(kind: RecordKind.model) { [unowned self] records in
            var table = TextTable(headers: [Catalog.headerVersion.text(self.language), Catalog.headerStatus.text(self.language),
                                            Catalog.headerCreated.text(self.language), "F1"],
                                  alignments: [.left, .left, .left, .right])
            for r in records {
                table.add([r["name"]?.printed ?? "", r["status"]?.printed ?? "", r["created"].map { $0.isNull ? "" : $0.printed } ?? "",
                           r["f1"].map { $0.isNull ? "" : Self.fixed($0.asNumber ?? 0, 3) } ?? ""])
            }
            return table.render()
        }
        registerRenderer(kind: RecordKind.model) { [unowned self] r in self.renderModel(r) }
        registerListRenderer(kind: RecordKind.threshold) { [unowned self] records in
            var table = TextTable(headers: [Catalog.headerLabel.text(self.language), Catalog.headerAssumedThreshold.text(self.language),
                                            Catalog.headerAsConfidence.text(self.language)],
                                  alignments: [.left, .right, .right])
            for r in records {
                let t = r["threshold"]?.asNumber ?? 0
                table.add([r["name"]?.printed ?? "", Self.fixed(t, 3), Inspection.format(DetectionRules.thresholdPercent(t))])
            }
            return table.render()
        }
        registerRenderer(kind: RecordKind.evaluation) { [unowned self] r in
            var table = TextTable(headers: [Catalog.headerLabel.text(self.language), "F1", Catalog.headerPrecision.text(self.language),
                                            Catalog.headerRecall.text(self.language), Catalog.headerAssumedThreshold.text(self.language),
                                            Catalog.headerTestImages.text(self.language)],
                                  alignments: [.left, .right, .right, .right, .right, .right])
            for item in r["labels"]?.asList ?? [] {
                guard let l = item.asRecord else { continue }
                func num(_ key: String, _ digits: Int) -> String { l[key]?.asNumber.map { Self.fixed($0, digits) } ?? "-" }
                table.add([l["name"]?.printed ?? "", num("f1", 3), num("precision", 3), num("recall", 3), num("threshold", 3),
                           l["test_images"]?.asNumber.map { String(Int($0)) } ?? "-"])
            }
            let overall = r["f1"]?.asNumber.map { Self.fixed($0, 3) } ?? "-"
            return Catalog.evaluationHeading(model: r["model"]?.printed ?? "", f1: overall).text(self.language) + "\n" + table.render()
        }
    }

    /// A version as the `model` record: `name, arn, status, units, labels, f1` (+ `created`).
    func modelValue(_ version: ProjectVersionDescription) -> Value {
        var status = version.status
        // A recorded TRAINING_COMPLETED means "trained and stopped" (formats.md).
        if status == .trainingCompleted, backendKind == .mock { status = .stopped }
        let labels: [Value] = version.labels.map { label in
            .record(Record(kind: RecordKind.threshold, fields: [("name", .string(label.label)), ("threshold", .number(label.threshold))]))
        }
        return .record(Record(kind: RecordKind.model, fields: [
            ("name", .string(version.versionName)), ("arn", .string(version.projectVersionArn)),
            ("status", .string(status.rawValue)), ("units", version.minInferenceUnits.map { .number(Double($0)) } ?? .null),
            ("labels", .list(labels)), ("f1", version.f1Score.map { .number($0) } ?? .null),
            ("created", version.creationTimestamp.map { .string(Self.isoDate($0)) } ?? .null),
        ]))
    }

    private func renderModel(_ r: Record) -> String {
        var lines: [String] = []
        let rows: [(Message, String)] = [
            (Catalog.headerVersion, r["name"]?.printed ?? ""),
            (Catalog.headerStatus, r["status"]?.printed ?? ""),
            (Catalog.headerUnits, r["units"].map { $0.isNull ? "-" : $0.printed } ?? "-"),
            (Message.verbatim("F1"), r["f1"]?.asNumber.map { Self.fixed($0, 3) } ?? "-"),
            (Message.verbatim("ARN"), r["arn"]?.printed ?? ""),
        ]
        let width = rows.map { DisplayWidth.of($0.0.text(language)) }.max() ?? 0
        for (label, value) in rows { lines.append(DisplayWidth.padRight(label.text(language), to: width) + "  " + value) }
        let labels = (r["labels"]?.asList ?? []).compactMap { $0.asRecord }
        if !labels.isEmpty {
            lines.append(Catalog.headerLabels.text(language) + ":")
            let w = labels.map { DisplayWidth.of($0["name"]?.printed ?? "") }.max() ?? 0
            for l in labels {
                lines.append("  " + DisplayWidth.padRight(l["name"]?.printed ?? "", to: w) + "  " + Catalog.thresholdWord.text(language) + " "
                             + Self.fixed(l["threshold"]?.asNumber ?? 0, 3))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `value` with exactly `digits` decimals (`0.817`, `1.000`).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// Seconds since 1970 as `2023-08-01T10:00:00Z`.
    static func isoDate(_ seconds: Double) -> String {
        ISO8601.format(seconds: seconds, offsetSeconds: 0)
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
}
