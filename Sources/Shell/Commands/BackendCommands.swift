import AWSBackend
import CustomLabels
import MockBackend
import PanyaLanguage
import PanyaSupport

extension ShellSession {
    /// `backend`, `backend mock [--dir DIR]`, `backend aws [--profile P] [--region R] [--endpoint-url URL]`.
    func registerBackendCommands() {
        register(Command(name: "backend", summary: Catalog.backendSummary, usage: "backend") { [unowned self] _ in
            self.backendValue()
        })
        register(Command(name: "backend mock", summary: Catalog.backendMockSummary, usage: "backend mock [--dir DIR]", flags: ["dir"]) { [unowned self] call in
            let directory = try call.string(flag: "dir")
            self.switchBackend(to: try BackendFactory.makeMock(directory: directory, assetsRoot: self.assetsRoot, database: self.database))
            return self.backendValue()
        })
        register(Command(name: "backend aws", summary: Catalog.backendAWSSummary, usage: "backend aws [--profile P] [--region R] [--endpoint-url URL]",
                         flags: ["profile", "region", "endpoint-url"]) { [unowned self] call in
            let options = AWSOptions(profile: try call.string(flag: "profile"), region: try call.string(flag: "region"),
                                     endpointURL: try call.string(flag: "endpoint-url"))
            self.switchBackend(to: try AWSBackend(options: options))
            return self.backendValue()
        })
        registerRenderer(kind: RecordKind.backend) { [unowned self] r in
            Catalog.backendLine(kind: r["kind"]?.printed ?? "", summary: r["summary"]?.printed ?? "").text(self.language)
        }
    }

    /// Replaces the backend; variables stay (the interpreter is untouched).
    func switchBackend(to newBackend: CustomLabelsBackend) {
        backend = newBackend
        thresholdCache = [:]
    }

    private func backendValue() -> Value {
        .record(Record(kind: RecordKind.backend, fields: [
            ("kind", .string(backendKind.rawValue)), ("summary", .string(backend.summary.text(language))),
        ]))
    }
}

extension Catalog {
    static let backendSummary = Message(en: "which Custom Labels service panya talks to", ja: "panya が使っている Custom Labels のサービス")
    static let backendMockSummary = Message(en: "switch to the offline mock (recorded responses)", ja: "オフラインのモック (記録した応答) に切り替える")
    static let backendAWSSummary = Message(en: "switch to the live AWS service (needs credentials and a region)", ja: "本物の AWS に切り替える (認証情報とリージョンが必要)")
    static func backendLine(kind: String, summary: String) -> Message {
        Message(en: "backend \(kind): \(summary)", ja: "バックエンド \(kind): \(summary)")
    }
}
