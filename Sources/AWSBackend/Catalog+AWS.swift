import PanyaSupport

// Every sentence the AWSBackend module shows, in English and Japanese.
extension Catalog {
    // MARK: Configuration

    /// No credentials anywhere botocore would look.
    public static func awsMissingCredentials(profile: String, credentialsFile: String, configFile: String) -> Message {
        Message(
            en: "No AWS credentials found (profile \"\(profile)\"; looked in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, \(credentialsFile) and \(configFile)). "
                + "Fix: export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys), "
                + "or run `aws configure`, or choose a profile that has keys with --profile (or AWS_PROFILE).",
            ja: "AWS の認証情報が見つかりません (プロファイル「\(profile)」。AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY、\(credentialsFile)、\(configFile) を確認しました)。"
                + "対処: AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY (一時的なキーなら AWS_SESSION_TOKEN も) を環境変数に設定するか、"
                + "`aws configure` を実行するか、キーのあるプロファイルを --profile (または AWS_PROFILE) で指定してください。")
    }

    /// `--profile` named a profile without keys while the environment has keys (ignored, as the CLI does).
    public static func awsProfileWithoutKeysEnvironmentIgnored(profile: String) -> Message {
        Message(
            en: "Profile \"\(profile)\" has no keys, and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are ignored because --profile was given (as the AWS CLI does). "
                + "Fix: leave out --profile to use the environment's keys, or add keys to the profile with `aws configure --profile \(profile)`.",
            ja: "プロファイル「\(profile)」にキーがありません。--profile を指定したため、環境変数の AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY は使いません (AWS CLI と同じ)。"
                + "対処: 環境変数のキーを使うなら --profile を外すか、`aws configure --profile \(profile)` でプロファイルにキーを追加してください。")
    }

    /// Only one of the two key variables is set.
    public static func awsPartialCredentials(present: String, missing: String) -> Message {
        Message(
            en: "\(present) is set but \(missing) is not. Set both (or unset both to use a profile).",
            ja: "\(present) は設定されていますが \(missing) がありません。両方を設定してください (プロファイルを使うなら両方とも外してください)。")
    }

    /// A profile that has only one of the two keys.
    public static func awsPartialProfileCredentials(profile: String, file: String, missing: String) -> Message {
        Message(
            en: "Profile \"\(profile)\" in \(file) has no \(missing). Add it, or run `aws configure --profile \(profile)`.",
            ja: "\(file) のプロファイル「\(profile)」に \(missing) がありません。追加するか `aws configure --profile \(profile)` を実行してください。")
    }

    /// A profile whose credentials come from a source panya does not run (SSO, role, process).
    public static func awsUnsupportedCredentialSource(profile: String, setting: String) -> Message {
        Message(
            en: "Profile \"\(profile)\" gets its credentials through \(setting), which panya does not run itself. "
                + "Fix: run `eval \"$(aws configure export-credentials --profile \(profile) --format env)\"` first (after `aws sso login` if needed), then start panya.",
            ja: "プロファイル「\(profile)」は \(setting) で認証情報を得る設定ですが、panya はこれを実行できません。"
                + "対処: 先に `eval \"$(aws configure export-credentials --profile \(profile) --format env)\"` を実行してから (必要なら `aws sso login` の後で) panya を起動してください。")
    }

    /// No region from flag, environment or profile.
    public static func awsMissingRegion(profile: String) -> Message {
        Message(
            en: "No AWS region set (profile \"\(profile)\" has no region). Fix: use --region (e.g. --region ap-northeast-1), "
                + "or export AWS_REGION=ap-northeast-1, or run `aws configure` and enter a default region.",
            ja: "AWS のリージョンが設定されていません (プロファイル「\(profile)」に region がありません)。対処: --region を付ける (例: --region ap-northeast-1)、"
                + "AWS_REGION=ap-northeast-1 を環境変数に設定する、または `aws configure` で既定のリージョンを入力してください。")
    }

    /// A region that cannot be a host name label.
    public static func awsInvalidRegion(_ region: String) -> Message {
        Message(
            en: "\"\(region)\" is not a valid AWS region name (e.g. ap-northeast-1, us-east-1).",
            ja: "「\(region)」は AWS のリージョン名として正しくありません (例: ap-northeast-1、us-east-1)。")
    }

    /// A named profile missing from both files.
    public static func awsProfileNotFound(_ profile: String, found: [String], files: [String]) -> Message {
        let list = found.isEmpty ? nil : found.joined(separator: ", ")
        return Message(
            en: "AWS profile \"\(profile)\" not found in \(files.joined(separator: " or ")). "
                + (list.map { "Profiles found: \($0)." } ?? "No profiles were found.")
                + " Fix: choose one with --profile, or create it with `aws configure --profile \(profile)`.",
            ja: "AWS プロファイル「\(profile)」が \(files.joined(separator: " にも ")) にも見つかりません。"
                + (list.map { "見つかったプロファイル: \($0)。" } ?? "プロファイルが一つもありません。")
                + "対処: --profile で既存のものを選ぶか、`aws configure --profile \(profile)` で作成してください。")
    }

    /// A config file that exists but cannot be read.
    public static func awsUnreadableFile(_ path: String) -> Message {
        Message(en: "Cannot read \(path). Check its permissions.", ja: "\(path) を読めません。ファイルの権限を確認してください。")
    }

    /// An endpoint that is not an http(s) URL.
    public static func awsInvalidEndpoint(_ url: String, source: String) -> Message {
        Message(
            en: "The endpoint \"\(url)\" (from \(source)) is not an http:// or https:// URL with a host.",
            ja: "エンドポイント「\(url)」(\(source) で指定) は、ホストのある http:// または https:// の URL ではありません。")
    }

    // MARK: Calls

    /// The service answered with an error.
    static func awsServiceError(service: String, operation: String, code: String?, status: Int, text: String?, requestId: String?, hint: Message?) -> Message {
        let codePart = code.map { "\($0) (HTTP \(status))" } ?? "HTTP \(status)"
        let textPart = text.map { ": \($0)" } ?? ""
        let idEn = requestId.map { " Request id: \($0)." } ?? ""
        let idJa = requestId.map { " リクエスト ID: \($0)。" } ?? ""
        return Message(
            en: "\(service) \(operation) failed with \(codePart)\(textPart).\(idEn)" + (hint.map { " " + $0.en } ?? ""),
            ja: "\(service) の \(operation) が \(codePart) で失敗しました\(textPart)。\(idJa)" + (hint.map { " " + $0.ja } ?? ""))
    }

    /// The connection failed (after retries).
    static func awsNetworkError(operation: String, endpoint: String, detail: String, attempts: Int) -> Message {
        Message(
            en: "Could not reach \(endpoint) for \(operation) (\(detail); \(attempts) attempt\(attempts == 1 ? "" : "s")). Check the network, the region and --endpoint-url.",
            ja: "\(operation) のために \(endpoint) へ接続できませんでした (\(detail)、\(attempts) 回試行)。ネットワーク、リージョン、--endpoint-url を確認してください。")
    }

    /// No answer in time (after retries).
    static func awsTimeout(operation: String, endpoint: String, seconds: Double, attempts: Int) -> Message {
        let s = NumberText.plain(seconds)
        return Message(
            en: "\(endpoint) did not answer \(operation) within \(s) s (\(attempts) attempt\(attempts == 1 ? "" : "s")). Try again later, or check the network.",
            ja: "\(endpoint) が \(operation) に \(s) 秒以内に応答しませんでした (\(attempts) 回試行)。しばらくしてから再試行するか、ネットワークを確認してください。")
    }

    /// A success status whose body is not what the operation returns.
    static func awsInvalidResponse(operation: String, detail: String) -> Message {
        Message(
            en: "The answer to \(operation) could not be read: \(detail).",
            ja: "\(operation) の応答を読み取れませんでした: \(detail)。")
    }

    /// A photo that cannot be read.
    static func awsCannotReadFile(_ path: String) -> Message {
        Message(en: "Cannot read \(path).", ja: "\(path) を読めません。")
    }

    /// A recording that cannot be written.
    static func awsCannotWriteFile(_ path: String, detail: String) -> Message {
        Message(en: "Cannot write \(path) (\(detail)).", ja: "\(path) に書き込めません (\(detail))。")
    }

    /// An `s3://` path without a bucket or key.
    static func awsInvalidS3URI(_ uri: String) -> Message {
        Message(en: "\"\(uri)\" is not an S3 location of the form s3://bucket/key.",
                ja: "「\(uri)」は s3://bucket/key の形の S3 の場所ではありません。")
    }

    // MARK: Hints for well-known service codes

    static let awsHintAccessDenied = Message(
        en: "The IAM user or role lacks permission for this action; see docs/aws.md for the policy panya needs.",
        ja: "IAM ユーザーまたはロールにこの操作の権限がありません。必要なポリシーは docs/aws.md を参照してください。")
    static let awsHintSignature = Message(
        en: "The secret access key does not match the access key id: check AWS_SECRET_ACCESS_KEY or the profile (`aws configure`).",
        ja: "シークレットアクセスキーがアクセスキー ID と一致しません。AWS_SECRET_ACCESS_KEY かプロファイル (`aws configure`) を確認してください。")
    static let awsHintUnknownKey = Message(
        en: "The access key id is not known to AWS (deleted, mistyped, or for another endpoint).",
        ja: "このアクセスキー ID は AWS に登録されていません (削除済み、入力ミス、または別のエンドポイント用)。")
    static let awsHintExpired = Message(
        en: "The temporary credentials have expired: get new ones (e.g. `aws sso login`) and set them again.",
        ja: "一時的な認証情報の有効期限が切れています。新しいものを取得して (例: `aws sso login`) 設定し直してください。")
    static let awsHintClock = Message(
        en: "This computer's clock is too far from AWS's: set the clock right (enable NTP).",
        ja: "このコンピューターの時計が AWS の時刻と大きくずれています。時計を合わせてください (NTP を有効に)。")
    static let awsHintNotReady = Message(
        en: "The model version is not running: `model start`, then `model wait` until RUNNING.",
        ja: "モデルのバージョンが起動していません。`model start` の後、RUNNING になるまで `model wait` してください。")
    static let awsHintNotFound = Message(
        en: "Check the ARN and the region (`model use ARN`, --region).",
        ja: "ARN とリージョンを確認してください (`model use ARN`、--region)。")
    static let awsHintThrottled = Message(
        en: "AWS is limiting the request rate; wait a little and try again.",
        ja: "AWS がリクエストの頻度を制限しています。少し待ってから再試行してください。")

    // MARK: Waiting

    /// One poll of `model wait`.
    static func awsWaitProgress(poll: Int, maxPolls: Int, status: String, nextSeconds: Double) -> Message {
        let s = NumberText.plain(nextSeconds)
        return Message(
            en: "[\(poll)/\(maxPolls)] status \(status); checking again in \(s) s (Ctrl-C stops waiting, not the model)",
            ja: "[\(poll)/\(maxPolls)] 状態 \(status)。\(s) 秒後に再確認します (Ctrl-C で待つのをやめます。モデルは止まりません)")
    }

    /// `model wait` gave up.
    static func awsWaitGaveUp(polls: Int, status: String) -> Message {
        Message(
            en: "Still \(status) after \(polls) checks; stopped waiting (the model keeps changing on AWS). Run `model wait` again later.",
            ja: "\(polls) 回確認してもまだ \(status) のため、待つのをやめました (AWS 側では処理が続いています)。後でもう一度 `model wait` してください。")
    }

    /// The version to wait for is not in DescribeProjectVersions.
    static func awsVersionNotFound(_ arn: String) -> Message {
        Message(en: "DescribeProjectVersions does not list \(arn). Check the ARN and the region.",
                ja: "DescribeProjectVersions に \(arn) がありません。ARN とリージョンを確認してください。")
    }

    /// An ARN that is not a model version ARN.
    static func awsNotAVersionArn(_ arn: String) -> Message {
        Message(en: "\"\(arn)\" is not a model version ARN (arn:aws:rekognition:REGION:ACCOUNT:project/NAME/version/VERSION/NUMBER).",
                ja: "「\(arn)」はモデルバージョンの ARN ではありません (arn:aws:rekognition:リージョン:アカウント:project/名前/version/バージョン/番号)。")
    }

    // MARK: Backend and recorder

    /// `backend` on the aws backend.
    static func awsSummary(region: String, endpoint: String, profile: String, credentialSource: String) -> Message {
        Message(
            en: "aws: region \(region), endpoint \(endpoint), profile \(profile), credentials from \(credentialSource)",
            ja: "aws: リージョン \(region)、エンドポイント \(endpoint)、プロファイル \(profile)、認証情報 \(credentialSource)")
    }

    /// The project file could not be written from DescribeProjectVersions.
    static func awsRecorderProjectSkipped(project: String, reason: Message) -> Message {
        Message(en: "projects/\(project).json not updated: ", ja: "projects/\(project).json は更新しませんでした: ") + reason
    }

    /// The evaluation summary could not be read; thresholds left out.
    static func awsRecorderNoEvaluation(reason: Message) -> Message {
        Message(en: "evaluation summary not read, thresholds left out: ", ja: "評価サマリーを読めなかったため、しきい値は含めていません: ") + reason
    }

    /// The evaluation summary is not known for this version.
    static let awsRecorderNoEvaluationPointer = Message(
        en: "DescribeProjectVersions gives no evaluation summary for this version; thresholds left out (add AssumedThreshold by hand).",
        ja: "DescribeProjectVersions にこのバージョンの評価サマリーがないため、しきい値は含めていません (AssumedThreshold を手で追加してください)。")

    // MARK: Training

    /// Model-building commands on an AWS backend made without a place to prepare datasets.
    static let awsNoWorkbench = Message(
        en: "This aws backend has no local workbench for datasets; start panya with --backend aws (or `backend aws`) to build models.",
        ja: "この aws バックエンドにはデータセットを用意するローカルの作業場がありません。モデルを作るには --backend aws (または `backend aws`) で panya を起動してください。")

    /// `train` on AWS without a training bucket.
    static let awsNoTrainingBucket = Message(
        en: "Training on AWS needs an S3 bucket for the photos, the manifests and the results: give it with --training-bucket NAME "
            + "(or `backend aws --training-bucket NAME`, or export PANYA_TRAINING_BUCKET=NAME). Create it first, e.g. `aws s3 mb s3://NAME`.",
        ja: "AWS でトレーニングするには、写真・マニフェスト・結果を置く S3 バケットが必要です。--training-bucket NAME "
            + "(または `backend aws --training-bucket NAME`、export PANYA_TRAINING_BUCKET=NAME) で指定してください。先に作っておきます (例: `aws s3 mb s3://NAME`)。")

    /// `train` on AWS before one of the two datasets exists locally.
    static func awsTrainingNeedsDataset(_ kind: String) -> Message {
        Message(en: "Training on AWS needs both datasets: there is no \(kind) dataset yet (`dataset create \(kind)`).",
                ja: "AWS でのトレーニングには両方のデータセットが必要です。\(kind) データセットがまだありません (`dataset create \(kind)`)。")
    }

    /// A dataset photo whose file changed (or went away) since it was added.
    static func awsTrainingPhotoChanged(_ path: String) -> Message {
        Message(en: "\(path) changed or is gone since it was added to the dataset; add it again (`dataset add`) before `train`.",
                ja: "\(path) はデータセットに追加した後で変わったか、なくなっています。`train` の前にもう一度 `dataset add` してください。")
    }

    /// DescribeProjects does not list the project a dataset is for.
    static func awsProjectNotFound(_ project: String) -> Message {
        Message(en: "DescribeProjects does not list the project \(project) on AWS: `project create \(project)` or `train` makes it.",
                ja: "DescribeProjects に AWS のプロジェクト \(project) がありません。`project create \(project)` か `train` で作られます。")
    }
}
