import AWSBackend
import MockBackend
import PanyaLanguage
import PanyaSupport

extension ShellSession {
    /// `record PHOTO... [--dir DIR] [--keep-account-id]` (aws) and `recording skeleton PHOTO`.
    func registerRecordingCommands() {
        register(Command(name: "record", summary: Catalog.recordSummary, usage: "record PHOTO... [--dir DIR] [--keep-account-id]",
                         flags: ["dir", "keep-account-id"]) { [unowned self] call in
            let aws = try self.requireAWS("record")
            guard !call.positional.isEmpty else { _ = try call.string(at: 0); return .null }
            let photos = try call.positional.indices.map { index in self.resolvePhotoPath(try call.string(at: index)) }
            let directory = try call.string(flag: "dir") ?? (self.options.mockDirectory ?? (self.assetsRoot + "/mock-responses"))
            let result = try Recorder(backend: aws).record(photoPaths: photos, versionArn: self.currentVersionArn(), directory: directory,
                                                           keepAccountId: call.bool(flag: "keep-account-id"))
            for warning in result.warnings { self.write("⚠ " + warning.text(self.language) + "\n") }
            return .record(Record(kind: RecordKind.recording, fields: [
                ("files", .list(result.detectionFiles.map { .string($0) })),
                ("project_file", result.projectFile.map { .string($0) } ?? .null),
            ]))
        })
        register(Command(name: "recording skeleton", summary: Catalog.recordingSkeletonSummary, usage: "recording skeleton PHOTO") { [unowned self] call in
            let photo = self.resolvePhotoPath(try call.string(at: 0))
            var skeleton = try RecordingSkeleton.make(photoPath: photo, versionArn: self.currentVersionArn())
            if skeleton.hasSuffix("\n") { skeleton.removeLast() }
            return .string(skeleton)
        })
        registerRenderer(kind: RecordKind.recording) { [unowned self] r in
            var lines = (r["files"]?.asList ?? []).map { Catalog.recordWrote($0.printed).text(self.language) }
            if let project = r["project_file"], !project.isNull { lines.append(Catalog.recordWrote(project.printed).text(self.language)) }
            return lines.joined(separator: "\n")
        }
    }
}

extension ShellEntry {
    /// `panya recording skeleton PHOTO`.
    public static func printRecordingSkeleton(photo: String, options: ShellOptions) -> Int32 {
        guard let session = openSession(options) else { return 2 }
        return session.runScript("recording skeleton " + quoteWord(photo), file: "<recording>")
    }
}

extension Catalog {
    static let recordSummary = Message(en: "record the model's answers for photos (aws), for the mock to replay offline",
                                       ja: "写真に対するモデルの答えを記録する (aws)。モックがオフラインで再生します")
    static let recordingSkeletonSummary = Message(en: "print a recording skeleton for a new photo (hash and size filled in)",
                                                  ja: "新しい写真の記録ファイルのひな形を表示 (ハッシュとサイズ入り)")
    static func recordWrote(_ file: String) -> Message { Message(en: "wrote \(file)", ja: "\(file) を書きました") }
}
