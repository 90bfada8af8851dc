import PanyaSupport

/// What the schedule, simulate and policy commands refuse, with the fix.
public enum OperationsError: UserFacingError, Equatable, CustomStringConvertible {
    case unknownSchedule(String, suggestion: String?)
    case scheduleExists(String)
    case badScheduleName(String)
    case badAction(String)
    /// A schedule expression typed without quotes: its spaces split it into several arguments.
    case unquotedExpression(name: String, expression: String, action: String)
    case noScheduleNamed
    case cannotReadFile(String)
    case noRoleArn
    case cannotWriteFile(String)
    case notOnBackend(command: String, backend: String)

    public var code: String? {
        switch self {
        case .unknownSchedule: return "UnknownSchedule"
        case .scheduleExists: return "ConflictException"
        case .badScheduleName: return "InvalidScheduleName"
        case .badAction: return "InvalidScheduleAction"
        case .unquotedExpression: return "UnquotedScheduleExpression"
        case .noScheduleNamed: return "NoScheduleNamed"
        case .cannotReadFile: return "CannotReadFile"
        case .noRoleArn: return "NoRoleArn"
        case .cannotWriteFile: return "CannotWriteFile"
        case .notOnBackend: return "NotAvailableOnBackend"
        }
    }

    public var message: Message {
        switch self {
        case .unknownSchedule(let name, let suggestion):
            return Catalog.unknownSchedule(name, suggestion: suggestion)
        case .scheduleExists(let name):
            return Catalog.scheduleExists(name)
        case .badScheduleName(let name):
            return Catalog.badScheduleName(name)
        case .unquotedExpression(let name, let expression, let action):
            return Message(en: "The schedule expression has spaces, so it must be in quotes: schedule add \(name) \"\(expression)\" \(action)",
                           ja: "スケジュールの式には空白があるので、\" \" で囲んでください: schedule add \(name) \"\(expression)\" \(action)")
        case .badAction(let action):
            return Catalog.badScheduleAction(action)
        case .noScheduleNamed:
            return Catalog.noScheduleNamed
        case .cannotReadFile(let path):
            return Catalog.cannotReadPolicyFile(path)
        case .noRoleArn:
            return Catalog.noRoleArn
        case .cannotWriteFile(let path):
            return Catalog.cannotWriteChart(path)
        case .notOnBackend(let command, let backend):
            return Catalog.operationsNotOnBackend(command: command, backend: backend)
        }
    }

    public var description: String { message.en }
}

extension Catalog {
    static func unknownSchedule(_ name: String, suggestion: String?) -> Message {
        let hintEn = suggestion.map { " Did you mean \($0)?" } ?? " Type `schedule` to list them."
        let hintJa = suggestion.map { " \($0) のことですか?" } ?? " `schedule` で一覧を確認してください。"
        return Message(en: "There is no schedule named \(name).\(hintEn)", ja: "\(name) という名前のスケジュールはありません。\(hintJa)")
    }
    static func scheduleExists(_ name: String) -> Message {
        Message(en: "A schedule named \(name) exists already (the service answers ConflictException). Remove it first (`schedule remove \(name)`) or choose another name.",
                ja: "\(name) という名前のスケジュールはすでにあります (サービスは ConflictException を返します)。先に `schedule remove \(name)` で消すか、別の名前にしてください。")
    }
    static func badScheduleName(_ name: String) -> Message {
        Message(en: "\"\(name)\" cannot be a schedule name: use 1 to 64 letters, digits, -, _ or . (e.g. open, close-weekend).",
                ja: "\"\(name)\" はスケジュール名に使えません。英数字と - _ . を 1〜64 文字で (例: open、close-weekend)。")
    }
    static func badScheduleAction(_ action: String) -> Message {
        Message(en: "\"\(action)\" is not an action: a schedule either starts or stops the model (start or stop).",
                ja: "\"\(action)\" は動作として使えません。スケジュールはモデルを開始するか停止するかです (start か stop)。")
    }
    static let noScheduleNamed = Message(en: "Name a schedule, or give --all for every schedule (e.g. schedule retarget --all).",
                                         ja: "スケジュール名を指定するか、すべてなら --all を付けてください (例: schedule retarget --all)。")
    static func cannotReadPolicyFile(_ path: String) -> Message {
        Message(en: "Cannot read \(path): check the path (policies are JSON files, e.g. lessons/policies/scheduler-policy.json).",
                ja: "\(path) を読めません。パスを確認してください (ポリシーは JSON ファイルです。例: lessons/policies/scheduler-policy.json)。")
    }
    static let noRoleArn = Message(en: "The scheduler needs a role to assume: give --role-arn arn:aws:iam::ACCOUNT:role/NAME.",
                                   ja: "スケジューラーが引き受けるロールが必要です。--role-arn arn:aws:iam::アカウント:role/名前 を付けてください。")
    static func cannotWriteChart(_ path: String) -> Message {
        Message(en: "Cannot write \(path): check that its folder exists and can be written.", ja: "\(path) に書き込めません。フォルダーがあり書き込めるか確認してください。")
    }
    static func operationsNotOnBackend(command: String, backend: String) -> Message {
        Message(en: "`\(command)` is not available on the \(backend) backend.", ja: "`\(command)` は \(backend) バックエンドでは使えません。")
    }
}
