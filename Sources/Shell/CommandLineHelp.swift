import PanyaSupport

/// `panya --help` in Japanese (swift-argument-parser writes its own help in English only).
public enum CommandLineHelp {
    /// The Japanese help when the arguments ask for help and the language is Japanese
    /// (`--lang ja`, else `PANYA_LANG`, else `LANG`); nil otherwise. A script's own arguments
    /// (`panya run FILE --help`, `panya -c …`) are left alone.
    public static func japanese(arguments: [String], environment: [String: String]) -> String? {
        guard arguments.contains("--help") || arguments.contains("-h"),
              !arguments.contains("run"), !arguments.contains("-c") else { return nil }
        var flag: String? = nil
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { flag = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst("--lang=".count)) }
        }
        guard UILanguage.resolve(flag: flag, environment: environment) == .ja else { return nil }
        return Catalog.commandLineHelpJapanese
    }
}

extension Catalog {
    static let commandLineHelpJapanese = """
    panya (パン屋): Amazon Rekognition Custom Labels の授業用シミュレーター (パン屋の AI レジ)

    使い方:
      panya                       対話シェル (モック、付属のデモ)
      panya run FILE [引数...]    スクリプトを実行 (最初のエラーで終了コード 1)
      panya -c 'コード'           その場でコードを実行
      panya check [PATH...]       レッスンを確認 (既定は lessons/)。「N passed, N failed」
      panya lesson FILE|N         レッスンを1つ対話で進める
      panya detect PHOTO [...]    写真を1枚検出 (コマンドと同じフラグと出力)
      panya recording skeleton PHOTO   新しい写真の記録ファイルのひな形

    共通オプション:
      --backend mock|aws          使うサービス (既定 mock)
      --mock-dir DIR              モックの記録フォルダ
      --db PATH                   SQLite のパス (:memory: で何も残さない。既定 PANYA_DB、なければ $XDG_DATA_HOME/panya/panya.sqlite)
      --lang ja|en                表示の言語 (既定 PANYA_LANG、なければ LANG)
      --profile P --region R --endpoint-url URL   AWS の設定 (aws バックエンド)
      --training-bucket NAME      AWS で train が写真を置く S3 バケット (既定 PANYA_TRAINING_BUCKET)
      --no-color                  色を使わない (NO_COLOR、TERM=dumb でも)
      --student NAME              レッスンの進み具合を保存する名前 (既定はログイン名)
      --version                   バージョン
      -h, --help                  このヘルプ

    標準入力が端末でないときは、スクリプトとして読みます。
    終了コード: 0 成功、1 スクリプト・レッスン・確認の失敗、2 コマンドラインの使い方の誤り。
    くわしくは docs/commands.md と docs/language.md を見てください。
    """
}
