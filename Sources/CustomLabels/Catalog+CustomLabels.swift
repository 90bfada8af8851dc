import PanyaSupport

// Messages of the CustomLabels module (JSON, ARNs, service errors, rules, lifecycle, pricing).
extension Catalog {
    // MARK: JSON

    public static func jsonPlace(location: JSONLocation?, path: JSONPath) -> Message {
        switch (location, path.isRoot) {
        case (let location?, true):
            return Message(en: "line \(location.line), column \(location.column)", ja: "\(location.line) 行 \(location.column) 列")
        case (let location?, false):
            return Message(en: "line \(location.line), column \(location.column), at \(path)",
                           ja: "\(location.line) 行 \(location.column) 列 (\(path))")
        case (nil, _):
            return Message(en: "at \(path)", ja: "\(path) の位置")
        }
    }

    public static func jsonTypeMismatch(expected: Message, found: Message) -> Message {
        Message(en: "expected \(expected.en), found \(found.en)", ja: "\(expected.ja)が必要ですが、\(found.ja)が書かれています")
    }

    public static func jsonMissingKey(_ key: String) -> Message {
        Message(en: "the key \"\(key)\" is missing", ja: "キー \"\(key)\" がありません")
    }

    public static func jsonUnknownKey(_ key: String, suggestion: String?) -> Message {
        if let suggestion {
            return Message(en: "unknown key \"\(key)\" (did you mean \"\(suggestion)\"?)",
                           ja: "知らないキー \"\(key)\" です (\"\(suggestion)\" のまちがいでは?)")
        }
        return Message(en: "unknown key \"\(key)\"", ja: "知らないキー \"\(key)\" です")
    }

    static func jsonSyntax(_ en: String, _ ja: String) -> Message { Message(en: en, ja: ja) }

    public static let jsonKindNumber = Message(en: "a number", ja: "数値")
    public static let jsonKindInteger = Message(en: "a whole number", ja: "整数")
    public static let jsonKindString = Message(en: "a string", ja: "文字列")
    public static let jsonKindBool = Message(en: "true or false", ja: "true か false")
    public static let jsonKindList = Message(en: "a list", ja: "リスト")
    public static let jsonKindObject = Message(en: "an object", ja: "オブジェクト")
}

// MARK: Service errors
extension Catalog {
    /// What a service error means.
    public static func serviceErrorExplanation(_ code: ServiceErrorCode) -> Message {
        switch code {
        case .resourceNotFound:
            return Message(en: "No project or model version has this ARN (in this region and account).",
                           ja: "この ARN のプロジェクトやモデルバージョンは見つかりません (リージョンとアカウントも確認)。")
        case .resourceNotReady:
            return Message(en: "The model version is not running, so it cannot detect yet.",
                           ja: "モデルが起動 (RUNNING) していないので、まだ判定できません。")
        case .resourceInUse:
            return Message(en: "The model version is busy in another state for this operation.",
                           ja: "モデルバージョンは今の状態ではこの操作を受け付けません。")
        case .resourceAlreadyExists:
            return Message(en: "Something with this name already exists.", ja: "同じ名前のものがすでにあります。")
        case .invalidS3Object:
            return Message(en: "The S3 object could not be read (wrong bucket, key or region, or no permission).",
                           ja: "S3 のオブジェクトを読めません (バケット名・キー・リージョン・権限を確認)。")
        case .invalidParameter:
            return Message(en: "A parameter has a value the service does not accept.",
                           ja: "パラメータの値がサービスの決まりに合っていません。")
        case .imageTooLarge:
            return Message(en: "The image is too large (at most 4 MB as bytes, 15 MB from S3, 4096×4096 pixels).",
                           ja: "画像が大きすぎます (直接送るなら 4 MB、S3 なら 15 MB、4096×4096 ピクセルまで)。")
        case .invalidImageFormat:
            return Message(en: "The image is not a JPEG or PNG the service can read.",
                           ja: "画像がサービスの読める JPEG か PNG ではありません。")
        case .limitExceeded, .serviceQuotaExceeded:
            return Message(en: "An account limit was reached.", ja: "アカウントの上限に達しました。")
        case .accessDenied:
            return Message(en: "These credentials are not allowed to do this.", ja: "この認証情報にはこの操作の権限がありません。")
        case .provisionedThroughputExceeded, .throttling:
            return Message(en: "Too many requests at once.", ja: "リクエストが多すぎます。")
        case .internalServerError, .serviceUnavailable:
            return Message(en: "The service had a problem on its side.", ja: "サービス側で問題が起きました。")
        case .invalidPaginationToken:
            return Message(en: "The paging token is not valid any more.", ja: "ページ送りのトークンが無効です。")
        case .validation:
            return Message(en: "A value does not have the form the service expects.", ja: "値の形がサービスの決まりに合っていません。")
        case .unrecognizedClient, .invalidSignature, .expiredToken:
            return Message(en: "The credentials were not accepted.", ja: "認証情報が受け付けられませんでした。")
        case .invalidPolicyRevisionId:
            return Message(en: "The policy's revision id is not the current one.", ja: "ポリシーのリビジョン ID が最新のものではありません。")
        case .malformedPolicyDocument:
            return Message(en: "The policy document is not a valid policy.", ja: "ポリシー文書の形が正しくありません。")
        case .unknown:
            return Message(en: "The service answered with an error.", ja: "サービスがエラーを返しました。")
        }
    }

    /// What to do about a service error.
    public static func serviceErrorHint(_ code: ServiceErrorCode) -> Message {
        switch code {
        case .resourceNotFound:
            return Message(en: "Check the ARN with `models`, then `model use NAME`.", ja: "`models` で ARN を確かめて `model use 名前` を実行してください。")
        case .resourceNotReady:
            return Message(en: "Run `model start`, then `model wait` until it is RUNNING.",
                           ja: "`model start` のあと `model wait` で RUNNING になるまで待ってください。")
        case .resourceInUse:
            return Message(en: "Check the status with `model`; wait with `model wait`.", ja: "`model` で状態を確かめ、`model wait` で待ってください。")
        case .resourceAlreadyExists:
            return Message(en: "Choose another name.", ja: "別の名前にしてください。")
        case .invalidS3Object:
            return Message(en: "Check `s3://bucket/key`; the mock reads it from its local bucket folder.",
                           ja: "`s3://バケット/キー` を確かめてください。モックはローカルのバケットフォルダから読みます。")
        case .invalidParameter, .validation:
            return Message(en: "MinConfidence is 0–100, MaxResults 0 or more, inference units 1 or more.",
                           ja: "MinConfidence は 0〜100、MaxResults は 0 以上、推論ユニットは 1 以上です。")
        case .imageTooLarge:
            return Message(en: "Make the photo smaller (fewer pixels or more JPEG compression).",
                           ja: "写真を小さくしてください (画素数を減らすか JPEG の圧縮を強く)。")
        case .invalidImageFormat:
            return Message(en: "Use a JPEG or PNG photo of 64×64 to 4096×4096 pixels.",
                           ja: "64×64〜4096×4096 ピクセルの JPEG か PNG の写真を使ってください。")
        case .limitExceeded, .serviceQuotaExceeded:
            return Message(en: "Stop unused models or ask for a higher quota.", ja: "使っていないモデルを止めるか、上限の引き上げを申請してください。")
        case .accessDenied:
            return Message(en: "Ask for the rekognition permission this call needs.", ja: "この呼び出しに必要な rekognition の権限をもらってください。")
        case .provisionedThroughputExceeded, .throttling:
            return Message(en: "Wait a little and try again (or start more inference units).",
                           ja: "少し待ってからもう一度 (または推論ユニットを増やす)。")
        case .internalServerError, .serviceUnavailable, .unknown:
            return Message(en: "Try again in a moment.", ja: "少し待ってからもう一度試してください。")
        case .invalidPaginationToken:
            return Message(en: "List again from the start.", ja: "最初から一覧を取り直してください。")
        case .invalidPolicyRevisionId:
            return Message(en: "List the policies again and use the revision id it shows.", ja: "ポリシーを一覧し直して、表示されたリビジョン ID を使ってください。")
        case .malformedPolicyDocument:
            return Message(en: "Write the policy as IAM policy JSON (Version, Statement).", ja: "ポリシーは IAM ポリシーの JSON (Version・Statement) で書いてください。")
        case .unrecognizedClient, .invalidSignature, .expiredToken:
            return Message(en: "Check the profile and region, or refresh the credentials.",
                           ja: "プロファイルとリージョンを確かめるか、認証情報を更新してください。")
        }
    }
}
