import AWSBackend
import CustomLabels
import PanyaLanguage
import PanyaSupport
import Session

/// `backend`, `backend mock [--dir DIR]`, `backend aws [--profile P] [--region R] [--endpoint-url URL] [--training-bucket NAME]`.
struct BackendFamily: CommandFamily {
    unowned let context: any BackendSwitching

    var title: Message { Message(en: "Backend", ja: "バックエンド") }

    var commands: [Command] {
        [
            Command("backend", summary: Catalog.backendSummary) { _ in info().value },
            Command("backend mock", summary: Catalog.backendMockSummary,
                    flags: [.value("dir", "DIR", .path, Catalog.flagMockDir)]) { call in
                context.switchBackend(to: try BackendFactory.makeMock(directory: call.string(flag: "dir"), assetsRoot: context.assetsRoot,
                                                                      database: context.database))
                return info().value
            },
            Command("backend aws", summary: Catalog.backendAWSSummary,
                    flags: [.value("profile", "P", .text, Catalog.flagProfile), .value("region", "R", .text, Catalog.flagRegion),
                            .value("endpoint-url", "URL", .text, Catalog.flagEndpoint),
                            .value("training-bucket", "NAME", .text, Catalog.flagTrainingBucket)]) { call in
                if context.options.sandbox != nil { throw SandboxError.commandRefused("backend aws") }
                let options = AWSOptions(profile: try call.string(flag: "profile"), region: try call.string(flag: "region"),
                                         endpointURL: try call.string(flag: "endpoint-url"))
                let bucket = try call.string(flag: "training-bucket") ?? context.options.trainingBucket
                context.switchBackend(to: try BackendFactory.makeAWS(options, trainingBucket: bucket, assetsRoot: context.assetsRoot,
                                                                     database: context.database))
                return info().value
            },
        ]
    }

    private func info() -> BackendInfo {
        BackendInfo(backendKind: context.backend.kind, summary: context.style.text(context.backend.summary))
    }
}

extension Catalog {
    static let backendSummary = Message(en: "which Custom Labels service panya talks to", ja: "panya が使っている Custom Labels のサービス")
    static let backendMockSummary = Message(en: "switch to the offline mock (recorded responses)", ja: "オフラインのモック (記録した応答) に切り替える")
    static let backendAWSSummary = Message(en: "switch to the live AWS service (needs credentials and a region)", ja: "本物の AWS に切り替える (認証情報とリージョンが必要)")
    static func backendLine(kind: String, summary: String) -> Message {
        Message(en: "backend \(kind): \(summary)", ja: "バックエンド \(kind): \(summary)")
    }
    static let flagTrainingBucket = Message(en: "the S3 bucket `train` uploads photos and manifests to (default: PANYA_TRAINING_BUCKET)",
                                            ja: "`train` が写真とマニフェストを置く S3 バケット (既定: PANYA_TRAINING_BUCKET)")
    static let flagMockDir = Message(en: "the recordings folder (default: the bundled mock-responses/)", ja: "記録のフォルダ (既定: 同梱の mock-responses/)")
    static let flagProfile = Message(en: "the AWS profile in ~/.aws", ja: "~/.aws の AWS プロファイル")
    static let flagRegion = Message(en: "the AWS region, e.g. ap-northeast-1", ja: "AWS のリージョン (例: ap-northeast-1)")
    static let flagEndpoint = Message(en: "another endpoint, e.g. http://127.0.0.1:4566 (panya serve, moto)",
                                      ja: "別のエンドポイント (例: http://127.0.0.1:4566。panya serve や moto)")
}
