import PanyaSupport

/// The `panya` command line's own words: every abstract and option help, in both languages
/// (`--help` is written in the one `HelpLanguage` chose before parsing).
extension Catalog {
    static let cliAbstract = Message(en: "panya (パン屋): a classroom simulator of Amazon Rekognition Custom Labels — the bakery AI register.",
                                     ja: "panya (パン屋): Amazon Rekognition Custom Labels の授業用シミュレーター (パン屋の AI レジ)。")
    static let cliDiscussion = Message(en: "With no arguments: the interactive shell on the bundled mock. Standard input that is not a terminal is read as a script. Exit status: 0 success, 1 a script, lesson or check failed, 2 bad command-line use. See docs/commands.md and docs/language.md.",
                                       ja: "引数なしなら対話シェル (付属のモック)。標準入力が端末でないときはスクリプトとして読みます。終了コード: 0 成功、1 スクリプト・レッスン・確認の失敗、2 コマンドラインの使い方の誤り。くわしくは docs/commands.md と docs/language.md を見てください。")
    static let cliCode = Message(en: "Run CODE and exit.", ja: "CODE を実行して終了します。")

    static let cliRunAbstract = Message(en: "Run a script; exit 1 on its first error.", ja: "スクリプトを実行します (最初のエラーで終了コード 1)。")
    static let cliRunFile = Message(en: "The script (.panya).", ja: "スクリプト (.panya)。")
    static let cliRunArguments = Message(en: "Arguments, visible to the script as `args`.", ja: "引数 (スクリプトからは `args` で見えます)。")

    static let cliCheckAbstract = Message(en: "Check lessons without a terminal: 'N passed, N failed'.",
                                          ja: "端末なしでレッスンを確認します (「N passed, N failed」)。")
    static let cliCheckPaths = Message(en: "Lesson files or folders (default: lessons/).", ja: "レッスンのファイルかフォルダー (既定は lessons/)。")
    static let cliCheckTimeLimit = Message(en: "Seconds one lesson may run before it fails (default 120).",
                                           ja: "1つのレッスンが失敗になるまでに使える秒数 (既定 120)。")
    static let cliCheckExplain = Message(en: "After each lesson, show every quiz with the answer it expected in the run.",
                                         ja: "レッスンごとに、各クイズとその実行で期待された答えを表示します。")

    static let cliLessonAbstract = Message(en: "Run one lesson interactively.", ja: "レッスンを1つ対話で進めます。")
    static let cliLessonArgument = Message(en: "A lesson number (1) or file.", ja: "レッスンの番号 (1) かファイル。")

    static let cliDetectAbstract = Message(en: "Detect the breads in one photo (one-shot): the detect command's output, or --json.",
                                           ja: "写真を1枚検出します (1回だけ)。出力は detect コマンドと同じ、または --json。")
    static let cliDetectPhoto = Message(en: "A JPEG or PNG path, or s3://bucket/key.", ja: "JPEG か PNG のパス、または s3://バケット/キー。")
    static let cliDetectMinConfidence = Message(en: "MinConfidence, 0–100 (the service checks it).", ja: "MinConfidence (0〜100。サービスが確認します)。")
    static let cliDetectMaxResults = Message(en: "MaxResults, 0 or more (the service checks it).", ja: "MaxResults (0 以上。サービスが確認します)。")
    static let cliDetectJSON = Message(en: "Print the response exactly as the AWS CLI does.", ja: "応答を AWS CLI とまったく同じ形で表示します。")

    static let cliRecordingAbstract = Message(en: "Help with recorded responses.", ja: "記録した応答の手伝い。")
    static let cliSkeletonAbstract = Message(en: "Print a recording skeleton (hash and size filled in) for a new photo.",
                                             ja: "新しい写真の記録ファイルのひな形 (ハッシュとサイズ入り) を表示します。")
    static let cliSkeletonPhoto = Message(en: "The photo.", ja: "写真。")

    static let cliServeAbstract = Message(en: "Serve the mock as a Rekognition (JSON 1.1) and S3 endpoint for the AWS CLI, boto3 and SDKs.",
                                          ja: "モックを Rekognition (JSON 1.1) と S3 のエンドポイントとして公開します (AWS CLI、boto3、SDK 向け)。")
    static let cliServeDiscussion = Message(en: "Then: export AWS_ENDPOINT_URL=http://127.0.0.1:4566 and use the AWS CLI as usual. Shares the shell's database.",
                                            ja: "そのあと export AWS_ENDPOINT_URL=http://127.0.0.1:4566 として、AWS CLI をいつも通り使います。シェルとデータベースを共有します。")
    static let cliServeHost = Message(en: "Address to listen on.", ja: "待ち受けるアドレス。")
    static let cliPort = Message(en: "Port to listen on (0 picks a free one and prints it).", ja: "待ち受けるポート (0 なら空いているポートを選んで表示します)。")
    static let cliServeAuth = Message(en: "Check SigV4 signatures (prints a generated key pair unless --keys is given).",
                                      ja: "SigV4 署名を確認します (--keys がなければ生成したキーの組を表示します)。")
    static let cliServeKeys = Message(en: "File of accepted keys, one 'ACCESS_KEY_ID SECRET' per line (with --auth).",
                                      ja: "受け付けるキーのファイル。1行に「ACCESS_KEY_ID SECRET」を1つ (--auth と一緒に)。")
    static let cliServeClock = Message(en: "real: STARTING/STOPPING take seconds of wall time (5 min → 5 s) and the schedules fire on the way; simulated: the shell's clock.",
                                       ja: "real: STARTING/STOPPING が実時間で数秒かかり (5 分 → 5 秒)、途中のスケジュールも実行されます。simulated: シェルの時計。")
    static let cliServeHeaderTimeout = Message(en: "Seconds a client has to finish a request's headers once it starts one.",
                                               ja: "リクエストを始めたクライアントがヘッダーを送り終えるまでの秒数。")
    static let cliServeIdleTimeout = Message(en: "Seconds a connection may stay idle before it is closed.", ja: "何もしない接続を閉じるまでの秒数。")

    static let cliClassAbstract = Message(en: "Serve the class: the AI register's screen, the shell and lessons in every student's browser, and a teacher's view.",
                                          ja: "授業を開きます: AI レジの画面、シェルとレッスンを生徒それぞれのブラウザーに、先生用の画面も。")
    static let cliClassDiscussion = Message(en: "Prints the URL (and a QR code), the class code and the teacher's password. Students' work is kept in the class folder.",
                                            ja: "URL (と QR コード)、クラスコード、先生のパスワードを表示します。生徒の作業はクラスのフォルダーに保存されます。")
    static let cliClassHost = Message(en: "Address to listen on (0.0.0.0: every device in the room).", ja: "待ち受けるアドレス (0.0.0.0 なら教室のすべての端末から)。")
    static let cliClassData = Message(en: "The class's folder (default: beside --db, else $XDG_DATA_HOME/panya/class).",
                                      ja: "クラスのフォルダー (既定は --db の隣、なければ $XDG_DATA_HOME/panya/class)。")
    static let cliClassLessons = Message(en: "The lessons folder (default: the bundled lessons/).", ja: "レッスンのフォルダー (既定は付属の lessons/)。")
    static let cliClassCode = Message(en: "The class code students type (default: kept from the last run, else a new one).",
                                      ja: "生徒が入力するクラスコード (既定は前回のもの、なければ新しく作ります)。")
    static let cliClassTeacherPassword = Message(en: "The teacher's password (default: kept from the last run, else a new one).",
                                                 ja: "先生のパスワード (既定は前回のもの、なければ新しく作ります)。")
    static let cliClassNoQR = Message(en: "Do not draw the URL as a QR code.", ja: "URL を QR コードで表示しません。")

    static let cliBackend = Message(en: "Custom Labels backend: mock (offline, recordings) or aws (live).",
                                    ja: "使うサービス: mock (オフライン、記録) か aws (本物)。")
    static let cliMockDir = Message(en: "Folder of recorded responses for the mock backend.", ja: "モックの記録フォルダー。")
    static let cliDatabase = Message(en: "SQLite database path (':memory:' keeps nothing). Default: PANYA_DB, else $XDG_DATA_HOME/panya/panya.sqlite.",
                                     ja: "SQLite のパス (:memory: で何も残さない)。既定は PANYA_DB、なければ $XDG_DATA_HOME/panya/panya.sqlite。")
    static let cliLanguage = Message(en: "Message language: ja or en. Default: PANYA_LANG, else LANG.", ja: "表示の言語: ja か en。既定は PANYA_LANG、なければ LANG。")
    static let cliProfile = Message(en: "AWS profile (aws backend).", ja: "AWS のプロファイル (aws バックエンド)。")
    static let cliRegion = Message(en: "AWS region (aws backend).", ja: "AWS のリージョン (aws バックエンド)。")
    static let cliEndpointURL = Message(en: "Rekognition endpoint URL (aws backend).", ja: "Rekognition のエンドポイント URL (aws バックエンド)。")
    static let cliTrainingBucket = Message(en: "S3 bucket `train` uploads to (aws backend). Default: PANYA_TRAINING_BUCKET.",
                                           ja: "AWS で train が写真を置く S3 バケット (既定 PANYA_TRAINING_BUCKET)。")
    static let cliNoColor = Message(en: "Never use colour.", ja: "色を使いません (NO_COLOR、TERM=dumb でも)。")
    static let cliStudent = Message(en: "Student name for lesson progress. Default: the login name.", ja: "レッスンの進み具合を保存する名前 (既定はログイン名)。")
}
