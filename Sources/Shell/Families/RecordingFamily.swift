import CustomLabels
import MockBackend
import PanyaLanguage
import PanyaSupport
import Session

/// `record PHOTO... [--dir DIR] [--keep-account-id]` and `recording skeleton PHOTO`.
struct RecordingFamily: CommandFamily {
    unowned let context: any ServiceAccess
    /// Where recordings go by default (the mock's folder).
    let recordingsDirectory: String

    var title: Message { Message(en: "Recordings", ja: "記録") }

    var commands: [Command] {
        [
            Command("record", summary: Catalog.recordSummary,
                    arguments: [.repeated("PHOTO", .photo, Catalog.argPhoto)],
                    flags: [.value("dir", "DIR", .path, Catalog.flagRecordDir), .switch("keep-account-id", Catalog.flagKeepAccount)]) { call in
                if context.photoArguments.sandbox != nil { throw SandboxError.commandRefused("record") }
                guard let recorder = context.backend.responseRecording else {
                    throw SessionError.notAvailableOnBackend(command: "record", backend: context.backend.kind.rawValue)
                }
                let photos = try call.positional.indices.map { try context.photoArguments.path(try call.string(at: $0)) }
                let result = try recorder.record(photoPaths: photos, versionArn: context.models.currentVersionArn(),
                                                                           directory: call.string(flag: "dir") ?? recordingsDirectory,
                                                                           keepAccountId: call.bool(flag: "keep-account-id"))
                for warning in result.warnings { context.write("⚠ " + context.style.text(warning) + "\n") }
                return RecordingResult(files: result.detectionFiles, projectFile: result.projectFile).value
            },
            Command("recording skeleton", summary: Catalog.recordingSkeletonSummary,
                    arguments: [.required("PHOTO", .photo, Catalog.argPhoto)]) { call in
                var skeleton = try RecordingSkeleton.make(photoPath: context.photoArguments.path(call.string(at: 0)),
                                                          versionArn: context.models.currentVersionArn())
                if skeleton.hasSuffix("\n") { skeleton.removeLast() }
                return .string(skeleton)
            },
        ]
    }
}

extension Catalog {
    static let recordSummary = Message(en: "record the model's answers for photos (aws), for the mock to replay offline",
                                       ja: "写真に対するモデルの答えを記録する (aws)。モックがオフラインで再生します")
    static let recordingSkeletonSummary = Message(en: "print a recording skeleton for a new photo (hash and size filled in)",
                                                  ja: "新しい写真の記録ファイルのひな形を表示 (ハッシュとサイズ入り)")
    static func recordWrote(_ file: String) -> Message { Message(en: "wrote \(file)", ja: "\(file) を書きました") }
    static let flagRecordDir = Message(en: "where to write (default: the mock's folder)", ja: "書き出す先 (既定: モックのフォルダ)")
    static let flagKeepAccount = Message(en: "keep the real account id in the files (normally replaced by 123456789012)",
                                         ja: "ファイルに本物のアカウント ID を残す (通常は 123456789012 に置き換えます)")
}
