import CustomLabels
import PanyaSupport

/// Which kind of ARN a recording holds.
enum RecordedArnKind { case project, version }

// Messages of the MockBackend module (recordings, the simulated clock, billing).
extension Catalog {
    static let exampleVersionArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
    static let exampleProjectArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/1690848000000"

    // MARK: Recordings

    static func recordingErrors(count: Int, directory: String) -> Message {
        Message(en: "\(count) mistake\(count == 1 ? "" : "s") in the recordings in \(directory):",
                ja: "\(directory) の記録に \(count) か所のまちがいがあります:")
    }
    static func recordingFolderMissing(_ directory: String) -> Message {
        Message(en: "the recordings folder \(directory) does not exist", ja: "記録のフォルダ \(directory) がありません")
    }
    static let recordingFolderHint = Message(
        en: "point the mock at a folder holding projects/ and detections/: `backend mock --dir DIR` (the bundled one is mock-responses/)",
        ja: "projects/ と detections/ のあるフォルダを指定してください: `backend mock --dir フォルダ` (同梱のものは mock-responses/)")
    static let recordingNoProjects = Message(en: "no project file (projects/*.json)", ja: "プロジェクトのファイル (projects/*.json) がありません")
    static let recordingNoProjectsHint = Message(en: "copy mock-responses/projects/verification001.json and edit it",
                                                 ja: "mock-responses/projects/verification001.json をコピーして書き換えてください")
    static func recordingDuplicateVersion(_ arn: String, otherFile: String) -> Message {
        Message(en: "the version \(arn) is declared twice (also in \(otherFile))", ja: "バージョン \(arn) が 2 回宣言されています (\(otherFile) にも)")
    }
    static func recordingDuplicateDetection(photo: String, otherFile: String) -> Message {
        Message(en: "the photo \(photo) already has a recording for this version in \(otherFile)",
                ja: "写真 \(photo) のこのバージョンの記録はすでに \(otherFile) にあります")
    }
    static let recordingDuplicateDetectionHint = Message(en: "keep one of the two files (a photo + version pair is recorded once)",
                                                         ja: "どちらか 1 つのファイルだけ残してください (写真とバージョンの組は 1 回だけ記録します)")
    static func recordingUnreadable(_ path: String) -> Message {
        Message(en: "cannot read \(path)", ja: "\(path) を読めません")
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
}

// MARK: The mock at work
extension Catalog {
    static func s3BadBucket(_ bucket: String) -> Message {
        Message(en: "\"\(bucket)\" is not a bucket name", ja: "\"\(bucket)\" はバケット名ではありません")
    }
    static func s3KeyEscapes(_ location: String) -> Message {
        Message(en: "the key of \(location) leaves its bucket (.., an absolute path or a link outside): keys are paths inside the bucket",
                ja: "\(location) のキーがバケットの外を指しています (..、絶対パス、外へのリンク): キーはバケットの中のパスです")
    }
    static func s3NoObject(_ location: String, path: String) -> Message {
        Message(en: "the mock has no object \(location): put the photo at \(path)",
                ja: "モックに \(location) はありません: 写真を \(path) に置いてください")
    }
    static func mockNoRecording(photo: String?, sha256: String, width: Int, height: Int, versionArn: String, otherVersions: [String], directory: String) -> Message {
        let name = photo ?? "this photo"
        let nameJa = photo ?? "この写真"
        var en = "the mock has no recording of \(name) (SHA-256 \(sha256), \(width)×\(height)) for the model version \(versionArn).\n"
            + "  To add one: record it against AWS (`backend aws`, then `record PHOTO`), or write \(directory)/detections/NAME.json by hand;"
            + " `panya recording skeleton PHOTO` prints a skeleton with the hash and size filled in."
        var ja = "モックには \(nameJa) (SHA-256 \(sha256)、\(width)×\(height)) のモデルバージョン \(versionArn) での記録がありません。\n"
            + "  追加するには: AWS で記録する (`backend aws` のあと `record 写真`) か、\(directory)/detections/名前.json を手で書きます。"
            + "`panya recording skeleton 写真` でハッシュと大きさ入りのひな形を表示できます。"
        if !otherVersions.isEmpty {
            en += "\n  This photo is recorded for: \(otherVersions.joined(separator: ", ")) (`model use` one of them)."
            ja += "\n  この写真の記録があるバージョン: \(otherVersions.joined(separator: ", ")) (`model use` で切り替えられます)。"
        }
        return Message(en: en, ja: ja)
    }
    static func mockUnknownModel(_ name: String, known: [String]) -> Message {
        Message(en: "no model version is called \(name); the recordings have: \(known.joined(separator: ", "))",
                ja: "\(name) というモデルバージョンはありません。記録にあるのは: \(known.joined(separator: ", "))")
    }
    static let mockNoModelSelected = Message(en: "no model version is chosen: `models` lists them, `model use NAME` chooses one",
                                             ja: "モデルバージョンが選ばれていません: `models` で一覧を見て `model use 名前` で選んでください")
    static func mockClockBackwards(now: String, requested: String) -> Message {
        Message(en: "the simulated clock only moves forward: it is \(now), \(requested) is earlier",
                ja: "シミュレーションの時計は進むだけです: 今は \(now) で、\(requested) はそれより前です")
    }
    static func mockWaitStep(arn: String, from: VersionStatus, to: VersionStatus, at time: String, advanced: String) -> Message {
        Message(en: "\(from.rawValue) → \(to.rawValue) at \(time) (clock +\(advanced))",
                ja: "\(from.rawValue) → \(to.rawValue) (\(time)、時計を \(advanced) 進めました)")
    }
    static func mockSummary(directory: String) -> Message {
        Message(en: "mock (recordings in \(directory), simulated clock)", ja: "モック (記録: \(directory)、シミュレーションの時計)")
    }
}
