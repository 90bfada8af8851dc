import CustomLabels
import PanyaSupport

// Messages of the MockBackend module (recordings, the simulated clock, billing).
extension Catalog {
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
    static func recordingDuplicateDetection(photo: String, otherFile: String) -> Message {
        Message(en: "the photo \(photo) already has a recording for this version in \(otherFile)",
                ja: "写真 \(photo) のこのバージョンの記録はすでに \(otherFile) にあります")
    }
    static let recordingDuplicateDetectionHint = Message(en: "keep one of the two files (a photo + version pair is recorded once)",
                                                         ja: "どちらか 1 つのファイルだけ残してください (写真とバージョンの組は 1 回だけ記録します)")
    static func recordingUnreadable(_ path: String) -> Message {
        Message(en: "cannot read \(path)", ja: "\(path) を読めません")
    }
}

// MARK: The mock at work
extension Catalog {
    static func s3BadBucket(_ bucket: String) -> Message {
        Message(en: "\"\(bucket)\" is not a bucket name", ja: "\"\(bucket)\" はバケット名ではありません")
    }
    static func s3NoBucket(_ bucket: String) -> Message {
        Message(en: "there is no bucket \"\(bucket)\": make it first (aws s3 mb s3://\(bucket))",
                ja: "バケット \"\(bucket)\" はありません: 先に作ってください (aws s3 mb s3://\(bucket))")
    }
    static func s3KeyTooLong(_ location: String, bytes: Int) -> Message {
        Message(en: "the key of \(location)… is \(bytes) bytes long: S3 keys are at most 1,024 bytes of UTF-8",
                ja: "\(location)… のキーは \(bytes) バイトあります: S3 のキーは UTF-8 で 1,024 バイトまでです")
    }
    static func s3BucketNotEmpty(_ bucket: String) -> Message {
        Message(en: "the bucket \"\(bucket)\" still holds objects: delete them first (aws s3 rm s3://\(bucket) --recursive)",
                ja: "バケット \"\(bucket)\" にはまだオブジェクトがあります: 先に消してください (aws s3 rm s3://\(bucket) --recursive)")
    }
    static func s3KeyEscapes(_ location: String) -> Message {
        Message(en: "the key of \(location) leaves its bucket (a . or .. segment, a leading /, NUL, or a link outside): keys are paths inside the bucket",
                ja: "\(location) のキーがバケットの外を指しています (. や .. の区切り、先頭の /、NUL、外へのリンク): キーはバケットの中のパスです")
    }
    static func s3NoObject(_ location: String, path: String) -> Message {
        Message(en: "the mock has no object \(location): put the photo at \(path)",
                ja: "モックに \(location) はありません: 写真を \(path) に置いてください")
    }
    static func mockNoRecording(photo: String?, sha256: String, width: Int, height: Int, versionArn: String, otherVersions: [String], directory: String) -> Message {
        let name = photo ?? "this photo"
        let nameJa = photo ?? "この写真"
        // The ready-made model only answers for the photos recorded with it; a model of one's own
        // (lesson 5: project create, dataset add, train) answers for any photo, so that comes first.
        var en = "the ready-made model \(versionArn) only knows the photos recorded with it, and \(name) is not one of them (SHA-256 \(sha256), \(width)×\(height)).\n"
            + "  To detect on any photo, make your own model: lesson 5 (`lesson start 5`) shows how (project create, dataset add, train), and `detect` then uses it.\n"
            + "  Teachers can also record the photo against AWS (`backend aws`, then `record PHOTO`), or write \(directory)/detections/NAME.json;"
            + " `panya recording skeleton PHOTO` prints a skeleton with the hash and size filled in."
        var ja = "できあがりのモデル \(versionArn) が答えられるのは、記録してある写真だけです。\(nameJa) は記録にありません (SHA-256 \(sha256)、\(width)×\(height))。\n"
            + "  どんな写真でも調べるには、自分のモデルを作ります: レッスン5 (`lesson start 5`) で作り方 (project create・dataset add・train) を学べます。作ったモデルを detect が使います。\n"
            + "  先生は、AWS で記録する (`backend aws` のあと `record 写真`) か、\(directory)/detections/名前.json を書いて追加することもできます。"
            + "`panya recording skeleton 写真` でハッシュと大きさ入りのひな形を表示できます。"
        if !otherVersions.isEmpty {
            en += "\n  This photo is recorded for: \(otherVersions.joined(separator: ", ")) (`model use` one of them)."
            ja += "\n  この写真の記録があるバージョン: \(otherVersions.joined(separator: ", ")) (`model use` で切り替えられます)。"
        }
        return Message(en: en, ja: ja)
    }
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
    static func mockOtherRegion(arnRegion: String, region: String) -> Message {
        Message(en: "This ARN is in \(arnRegion), but the models here are in \(region): a resource exists only in the region it was made in. Check --region / AWS_DEFAULT_REGION and the ARN.",
                ja: "この ARN のリージョンは \(arnRegion) ですが、ここのモデルは \(region) にあります。リソースは作ったリージョンにしかありません。--region・AWS_DEFAULT_REGION と ARN を確かめてください。")
    }
}
