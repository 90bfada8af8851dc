import PanyaSupport

/// What a session refuses before any rendering: a backend without the capability asked for, a
/// backend with no projects or versions, a version name that does not exist.
public enum SessionError: UserFacingError, Equatable {
    case notAvailableOnBackend(command: String, backend: String)
    case noProjects
    case noVersions(project: String)
    case unknownVersion(String)

    public var message: Message {
        switch self {
        case .notAvailableOnBackend(let command, let backend):
            return Message(en: "`\(command)` is not available on the \(backend) backend.",
                           ja: "`\(command)` は \(backend) バックエンドでは使えません。")
        case .noProjects:
            return Message(en: "the backend has no Custom Labels projects. On the mock, add a file under mock-responses/projects/ (docs/mock.md).",
                           ja: "バックエンドに Custom Labels のプロジェクトがありません。モックなら mock-responses/projects/ にファイルを追加してください (docs/mock.md)。")
        case .noVersions(let project):
            return Message(en: "the project \(project) has no model versions yet. Train one first (or add one to its recording).",
                           ja: "プロジェクト \(project) にはまだモデルバージョンがありません。先に学習してください (または記録に追加してください)。")
        case .unknownVersion(let name):
            return Message(en: "no model version named '\(name)'. Type `models` to see the versions.",
                           ja: "'\(name)' という名前のモデルバージョンはありません。`models` で一覧を表示できます。")
        }
    }
}
