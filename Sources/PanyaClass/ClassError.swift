import PanyaSupport

/// Why the class refused a request or could not start; each says what to do, in both languages.
public enum ClassError: UserFacingError, Equatable {
    case wrongClassCode
    case emptyName
    case nameTooLong(Int)
    case nameHasControlCharacters
    case nameTaken(String)
    case notJoined
    case badCSRF
    case notTeacher
    case tooManyUploads(Int)
    case photoTooLarge(limit: Int)
    case emptyPhoto
    case unknownPhoto
    case badRequest(String)
    case cannotUseFolder(String, reason: String)
    case cannotOpenRoster(String, reason: String)
    case codeTooLong(Int)

    public var message: Message {
        switch self {
        case .wrongClassCode:
            return Message(en: "That class code is not this class's. Check the code on the board (like PAN-4821).",
                           ja: "クラスコードがちがいます。黒板のコード (PAN-4821 のような形) を確かめてください。")
        case .emptyName:
            return Message(en: "Type your name.", ja: "名前を入力してください。")
        case .nameTooLong(let limit):
            return Message(en: "A name is at most \(limit) characters.", ja: "名前は \(limit) 文字までです。")
        case .nameHasControlCharacters:
            return Message(en: "A name cannot hold control characters.", ja: "名前に制御文字は使えません。")
        case .nameTaken(let name):
            return Message(en: "'\(name)' is already in the class on another device. If that is you, ask your teacher to release it; otherwise choose another name.",
                           ja: "「\(name)」は別の端末で参加中です。あなた自身なら先生に解除してもらい、ちがうなら別の名前にしてください。")
        case .notJoined:
            return Message(en: "Your session has ended: join the class again with your name and the class code (your work is kept).",
                           ja: "セッションが切れました。名前とクラスコードでもう一度参加してください (作業は残っています)。")
        case .badCSRF:
            return Message(en: "This page is out of date: reload it and try again.", ja: "ページが古くなっています。再読み込みしてからもう一度試してください。")
        case .notTeacher:
            return Message(en: "This page is for the teacher: log in with the password panya class printed.",
                           ja: "先生用のページです。panya class が表示したパスワードでログインしてください。")
        case .tooManyUploads(let limit):
            return Message(en: "Too many photos at once (\(limit) a minute): wait a moment and send it again.",
                           ja: "写真の送りすぎです (1分に \(limit) 枚まで)。少し待ってからもう一度送ってください。")
        case .photoTooLarge(let limit):
            return Message(en: "The photo is larger than \(limit / 1_000_000) MB. Send a smaller photo (a phone's normal camera setting is fine).",
                           ja: "写真が \(limit / 1_000_000) MB より大きいです。もっと小さい写真を送ってください (スマホの普通の設定で撮れば大丈夫です)。")
        case .emptyPhoto:
            return Message(en: "The file is empty: choose a photo (JPEG or PNG).", ja: "ファイルが空です。写真 (JPEG か PNG) を選んでください。")
        case .unknownPhoto:
            return Message(en: "That photo is not yours or no longer exists: send it again.", ja: "その写真はあなたのものではないか、もうありません。もう一度送ってください。")
        case .badRequest(let what):
            return Message(en: "The request is malformed: \(what).", ja: "リクエストの形が正しくありません: \(what)")
        case .cannotUseFolder(let folder, let reason):
            return Message(en: "Cannot use the class folder \(folder): \(reason). Choose another with --data DIR.",
                           ja: "クラスのフォルダー \(folder) を使えません: \(reason)。--data DIR で別のフォルダーを指定してください。")
        case .cannotOpenRoster(let path, let reason):
            return Message(en: "Cannot open the class's database \(path): \(reason).", ja: "クラスのデータベース \(path) を開けません: \(reason)")
        case .codeTooLong(let limit):
            return Message(en: "Your code is longer than \(limit) characters.", ja: "コードが \(limit) 文字を超えています。")
        }
    }

    public var code: String? {
        switch self {
        case .wrongClassCode: return "WrongClassCode"
        case .emptyName, .nameTooLong, .nameHasControlCharacters: return "BadName"
        case .nameTaken: return "NameTaken"
        case .notJoined: return "NotJoined"
        case .badCSRF: return "BadCSRF"
        case .notTeacher: return "NotTeacher"
        case .tooManyUploads: return "TooManyUploads"
        case .photoTooLarge: return "PhotoTooLarge"
        case .emptyPhoto: return "EmptyPhoto"
        case .unknownPhoto: return "UnknownPhoto"
        case .badRequest: return "BadRequest"
        case .cannotUseFolder, .cannotOpenRoster: return "ClassUnavailable"
        case .codeTooLong: return "CodeTooLong"
        }
    }

    /// The HTTP status this refusal is answered with.
    public var status: Int {
        switch self {
        case .wrongClassCode, .notTeacher, .badCSRF: return 403
        case .notJoined: return 401
        case .nameTaken: return 409
        case .tooManyUploads: return 429
        case .photoTooLarge: return 413
        case .unknownPhoto: return 404
        case .cannotUseFolder, .cannotOpenRoster: return 500
        default: return 400
        }
    }
}

extension Catalog {
    static let classPreparing = Message(en: "Preparing the class model (trained on the lesson photos, once per class folder)…",
                                        ja: "クラスのモデルを準備しています (レッスンの写真で学習、クラスのフォルダーごとに1回)…")
    static func classModelReady(seconds: Double) -> Message {
        Message(en: "The class model is ready (\(NumberText.fixed(seconds, decimals: 1)) s).", ja: "クラスのモデルができました (\(NumberText.fixed(seconds, decimals: 1)) 秒)。")
    }
    static func classModelNotTrained(_ why: String) -> Message {
        Message(en: "The class model could not be trained; only recorded photos will be answered:\n\(why)",
                ja: "クラスのモデルを学習できませんでした。記録のある写真だけに答えます:\n\(why)")
    }
}
