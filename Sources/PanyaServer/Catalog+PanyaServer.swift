import PanyaSupport

// Messages of the PanyaServer module (`panya serve`: banner, request log, start-up errors).
extension Catalog {
    // MARK: Start-up errors

    static func serveUnreadableKeys(file: String) -> Message {
        Message(en: "cannot read the key file \(file): give a file with one 'ACCESS_KEY_ID SECRET' per line, or leave --keys out to generate a pair",
                ja: "キーファイル \(file) を読めません: 1 行に 'ACCESS_KEY_ID SECRET' を書いたファイルを指定するか、--keys を外して自動生成してください")
    }

    static func serveBadKeyLine(file: String, line: Int) -> Message {
        Message(en: "\(file): line \(line): expected 'ACCESS_KEY_ID SECRET' (two words, ASCII, separated by a space)",
                ja: "\(file): \(line) 行目: 'ACCESS_KEY_ID SECRET' (空白で区切った ASCII の 2 語) を書いてください")
    }

    static func serveNoKeys(file: String) -> Message {
        Message(en: "\(file) holds no key: add a line 'ACCESS_KEY_ID SECRET'",
                ja: "\(file) にキーがありません: 'ACCESS_KEY_ID SECRET' の行を足してください")
    }

    static let serveKeysWithoutAuth = Message(
        en: "--keys only matters with --auth: add --auth to check signatures",
        ja: "--keys は --auth と一緒に使います: 署名を確かめるなら --auth を付けてください")

    static func serveBadClock(_ value: String) -> Message {
        Message(en: "--clock must be 'real' or 'simulated', not '\(value)'",
                ja: "--clock は 'real' か 'simulated' です ('\(value)' ではありません)")
    }

    static func serveBadPort(_ port: Int) -> Message {
        Message(en: "--port must be between 0 and 65535 (0 picks a free port), not \(port)",
                ja: "--port は 0〜65535 です (0 なら空いているポートを選びます)。\(port) は使えません")
    }

    static func serveBadTimeout(option: String, seconds: Double) -> Message {
        Message(en: "\(option) must be a positive number of seconds, not \(seconds)",
                ja: "\(option) は正の秒数です (\(seconds) は使えません)")
    }

    static func serveBadRegion(_ region: String) -> Message {
        Message(en: "--region must be a region name such as ap-northeast-1, not '\(region)'",
                ja: "--region は ap-northeast-1 のようなリージョン名です ('\(region)' は使えません)")
    }

    static func serveCannotBind(host: String, port: Int, reason: String) -> Message {
        Message(en: "cannot listen on \(host):\(port): \(reason) (another server on that port? try --port 0)",
                ja: "\(host):\(port) で待ち受けられません: \(reason) (そのポートを別のサーバーが使っていませんか? --port 0 を試してください)")
    }

    static func serveBackendUnavailable(_ reason: Message) -> Message {
        Message(en: "the mock backend cannot be opened: ", ja: "モックのバックエンドを開けません: ") + reason
    }

    // MARK: Banner

    static func serveListening(url: String) -> Message {
        Message(en: "panya serve: listening on \(url)", ja: "panya serve: \(url) で待ち受けています")
    }

    static func serveState(mockDirectory: String, s3Root: String, database: String, clock: String) -> Message {
        Message(en: "  recordings: \(mockDirectory)\n  buckets:    \(s3Root)\n  database:   \(database)\n  clock:      \(clock)",
                ja: "  記録:       \(mockDirectory)\n  バケット:   \(s3Root)\n  データベース: \(database)\n  時計:       \(clock)")
    }

    static let serveClockSimulated = Message(en: "simulated (the shell's clock; `clock advance` moves it)",
                                             ja: "シミュレーション (シェルと同じ時計。`clock advance` で進みます)")

    static func serveClockReal(scale: Double) -> Message {
        let text = NumberText.plain(scale)
        let minutes = NumberText.plain(300 / scale)
        return Message(en: "real × \(text) (5 simulated minutes take \(minutes) s)",
                       ja: "実時間 × \(text) (シミュレーションの 5 分が \(minutes) 秒)")
    }

    static let serveModelsHeading = Message(en: "Model versions a student can call:", ja: "呼び出せるモデルバージョン:")

    static func serveModelLine(arn: String, status: String) -> Message {
        .verbatim("  \(arn)  \(status)")
    }

    static let serveTryHeading = Message(en: "In another terminal:", ja: "別の端末で:")

    static let serveAuthOff = Message(
        en: "Signatures are not checked (any key works; add --auth to check them).",
        ja: "署名は確かめません (どのキーでも通ります。確かめるなら --auth)。")

    static let serveAuthGenerated = Message(
        en: "Signatures are checked (--auth). A key pair was generated for this run:",
        ja: "署名を確かめます (--auth)。この実行用にキーを生成しました:")

    static func serveAuthFromFile(_ count: Int) -> Message {
        Message(en: "Signatures are checked (--auth) against \(count) key(s) from --keys.",
                ja: "署名を --keys の \(count) 個のキーで確かめます (--auth)。")
    }

    static let serveStopHint = Message(en: "Ctrl-C stops the server.", ja: "Ctrl-C で止まります。")

    static let serveStopped = Message(en: "panya serve: stopped", ja: "panya serve: 停止しました")

    // MARK: Request log

    static func serveLogLine(time: String, operation: String, status: Int, milliseconds: String, errorCode: String?) -> Message {
        .verbatim("\(time) \(operation) \(status)\(errorCode.map { " " + $0 } ?? "") \(milliseconds) ms")
    }
}
