import PanyaSupport

/// Which kind of ARN a recording holds.
enum RecordedArnKind: Sendable { case project, version }

// Messages of the recording codec (ProjectRecording, DetectionRecording): kept beside the codec
// rather than in Catalog+CustomLabels.swift; public where the mock's library reports them too.
extension Catalog {
    static let exampleVersionArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
    static let exampleProjectArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/1690848000000"

    /// "the version … is declared twice (also in FILE)".
    public static func recordingDuplicateVersion(_ arn: String, otherFile: String) -> Message {
        Message(en: "the version \(arn) is declared twice (also in \(otherFile))", ja: "バージョン \(arn) が 2 回宣言されています (\(otherFile) にも)")
    }
    static func recordingBadArn(_ text: String, kind: RecordedArnKind) -> Message {
        switch kind {
        case .project:
            return Message(en: "\"\(text)\" is not a project ARN", ja: "\"\(text)\" はプロジェクトの ARN ではありません")
        case .version:
            return Message(en: "\"\(text)\" is not a model version ARN", ja: "\"\(text)\" はモデルバージョンの ARN ではありません")
        }
    }
    static let recordingProjectArnHint = Message(en: "a project ARN looks like \(exampleProjectArn)", ja: "プロジェクトの ARN は \(exampleProjectArn) の形です")
    static let recordingVersionArnHint = Message(en: "a version ARN looks like \(exampleVersionArn)", ja: "バージョンの ARN は \(exampleVersionArn) の形です")
    static func recordingNameMismatch(_ name: String, arnName: String) -> Message {
        Message(en: "the name \"\(name)\" differs from the name in the ARN (\"\(arnName)\")",
                ja: "名前 \"\(name)\" が ARN の中の名前 (\"\(arnName)\") と違います")
    }
    static func recordingFileName(_ file: String, expected: String) -> Message {
        Message(en: "a project file is named after its project: rename \(file) to \(expected)",
                ja: "プロジェクトのファイル名はプロジェクト名にします: \(file) を \(expected) に変えてください")
    }
    static let recordingNoVersions = Message(en: "a project needs at least one version", ja: "プロジェクトには少なくとも 1 つのバージョンが必要です")
    static func recordingVersionOutsideProject(_ arn: String, project: String) -> Message {
        Message(en: "the version \(arn) does not belong to the project \(project) (region, account and project name must match)",
                ja: "バージョン \(arn) はプロジェクト \(project) のものではありません (リージョン・アカウント・プロジェクト名を合わせてください)")
    }
    static let recordingNoLabels = Message(en: "a version needs at least one label", ja: "バージョンには少なくとも 1 つのラベルが必要です")
    static let recordingEmptyName = Message(en: "a label name cannot be empty", ja: "ラベル名は空にできません")
    static func recordingDuplicateLabel(_ name: String) -> Message {
        Message(en: "the label \"\(name)\" is listed twice", ja: "ラベル \"\(name)\" が 2 回あります")
    }
    static func recordingBadSHA(_ text: String) -> Message {
        Message(en: "\"\(text)\" is not a SHA-256 (64 lower-case hex digits)", ja: "\"\(text)\" は SHA-256 (小文字の 16 進数 64 桁) ではありません")
    }
    static let recordingSkeletonHint = Message(en: "`panya recording skeleton PHOTO` prints the hash, width and height of a photo",
                                               ja: "`panya recording skeleton 写真` で写真のハッシュと幅・高さを表示できます")
    static func recordingUnknownVersion(_ arn: String) -> Message {
        Message(en: "no project file declares the version \(arn)", ja: "バージョン \(arn) はどのプロジェクトのファイルにもありません")
    }
    static let recordingUnknownVersionHint = Message(en: "add the version to projects/<ProjectName>.json, or fix the ARN",
                                                     ja: "projects/<プロジェクト名>.json にバージョンを追加するか、ARN を直してください")
    static func recordingUnknownLabel(_ name: String, known: [String]) -> Message {
        Message(en: "the version has no label \"\(name)\" (it has: \(known.joined(separator: ", ")))",
                ja: "このバージョンにラベル \"\(name)\" はありません (あるのは: \(known.joined(separator: "、")))")
    }
    static func recordingConfidenceRange(_ value: Double) -> Message {
        Message(en: "the confidence \(JSONPrinter.pythonFloat(value)) is outside 0–100", ja: "信頼度 \(JSONPrinter.pythonFloat(value)) が 0〜100 の外です")
    }
    static let recordingConfidenceHint = Message(en: "confidences are percentages: write 90.45, not 0.9045 or 9045",
                                                 ja: "信頼度はパーセントです: 0.9045 や 9045 ではなく 90.45 と書きます")
    static func recordingBoxOutside(_ what: String, _ value: Double) -> Message {
        Message(en: "the box leaves the photo: \(what) = \(JSONPrinter.pythonFloat(value)) is more than 1",
                ja: "枠が写真からはみ出しています: \(what) = \(JSONPrinter.pythonFloat(value)) が 1 を超えています")
    }
    static func recordingRatioRange(_ key: String, _ value: Double) -> Message {
        Message(en: "\(key) = \(JSONPrinter.pythonFloat(value)) is outside 0–1", ja: "\(key) = \(JSONPrinter.pythonFloat(value)) が 0〜1 の外です")
    }
    static let recordingRatioHint = Message(en: "boxes, thresholds and scores are ratios from 0 to 1 (0.817, not 81.7)",
                                            ja: "枠・しきい値・スコアは 0〜1 の割合です (81.7 ではなく 0.817)")
    static func recordingNegative(_ key: String, _ value: Int) -> Message {
        Message(en: "\(key) = \(value) is too small", ja: "\(key) = \(value) は小さすぎます")
    }
    static func recordingLiveStatus(_ status: String) -> Message {
        Message(en: "a recording does not keep the live status \(status): the mock keeps start and stop in its database",
                ja: "記録には動作中の状態 \(status) は書きません: 起動・停止はモックがデータベースで管理します")
    }
    static let recordingLiveStatusHint = Message(
        en: "write TRAINING_COMPLETED for a trained model (it starts stopped; `model start` runs it)",
        ja: "学習済みのモデルには TRAINING_COMPLETED と書きます (停止した状態で始まり、`model start` で動きます)")
}
