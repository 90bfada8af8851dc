import CustomLabels
import Testing
@testable import Schedules

@Suite struct SchedulerPermissionCheckTests {
    static let account = "123456789012"
    static let prefix = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/"
    static let august = ProjectVersionArn(prefix + "verification001.2023-08-01T10.00.00/1690884000000")
    static let september = ProjectVersionArn(prefix + "verification001.2023-09-01T10.00.00/1693562400000")

    static func seedPolicy() throws -> PolicyDocument {
        try PolicyDocument.parse(SchedulerPolicyTemplate.permissionPolicy(region: "ap-northeast-1", account: account, projectName: "verification001"))
    }

    static func seedTrust(account: String = account) throws -> PolicyDocument {
        try PolicyDocument.parse(SchedulerPolicyTemplate.trustPolicy(account: account))
    }

    static func singleVersionPolicy() throws -> PolicyDocument {
        let arn = try #require(august)
        return try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": {"Sid": "OnlyV1", "Effect": "Allow",
             "Action": "rekognition:*ProjectVersion*", "Resource": "\(arn)"}}
            """)
    }

    @Test func theSeedsPolicyIsTheOneTheWalkthroughGives() {
        #expect(SchedulerPolicyTemplate.permissionPolicy(region: "ap-northeast-1", account: Self.account, projectName: "verification001") == """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "SchedulerStartStopModel",
                        "Effect": "Allow",
                        "Action": [
                            "rekognition:StartProjectVersion",
                            "rekognition:StopProjectVersion",
                            "rekognition:DescribeProjectVersions"
                        ],
                        "Resource": "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/*"
                    }
                ]
            }

            """)
    }

    @Test(arguments: [august, september])
    func theSeedsPolicyPassesForEveryVersion(version: ProjectVersionArn?) throws {
        let check = SchedulerPermissionCheck(policy: try Self.seedPolicy(), trustPolicy: try Self.seedTrust(),
                                             versionArn: try #require(version), account: Self.account)
        #expect(check.passes)
        #expect(check.actions.map(\.answer.decision) == [.allowed, .allowed, .allowed])
        #expect(check.actions.allSatisfy { $0.answer.statement?.sid == "SchedulerStartStopModel" })
        #expect(check.trust?.answer.decision == .allowed)
    }

    @Test func theSeedRendersInBothLanguages() throws {
        let check = SchedulerPermissionCheck(policy: try Self.seedPolicy(), trustPolicy: try Self.seedTrust(),
                                             versionArn: try #require(Self.september), account: Self.account)
        let resource = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/*"
        #expect(check.rendered(.en) == """
            Can EventBridge Scheduler start and stop verification001.2023-09-01T10.00.00?
              ✓ rekognition:StartProjectVersion: allowed — statement 1 (Sid SchedulerStartStopModel) allows it: Action "rekognition:StartProjectVersion" and Resource "\(resource)" match
              ✓ rekognition:StopProjectVersion: allowed — statement 1 (Sid SchedulerStartStopModel) allows it: Action "rekognition:StopProjectVersion" and Resource "\(resource)" match
              ✓ rekognition:DescribeProjectVersions: allowed — statement 1 (Sid SchedulerStartStopModel) allows it: Action "rekognition:DescribeProjectVersions" and Resource "\(resource)" match
              ✓ sts:AssumeRole (scheduler.amazonaws.com): allowed — statement 1 lets scheduler.amazonaws.com assume the role (aws:SourceAccount 123456789012)
            The policy and the trust policy let the schedules do their job.
            """)
        #expect(check.rendered(.ja) == """
            EventBridge Scheduler は verification001.2023-09-01T10.00.00 を起動・停止できるか
              ✓ rekognition:StartProjectVersion: 許可 — ステートメント 1 (Sid SchedulerStartStopModel) が許可しています: Action「rekognition:StartProjectVersion」と Resource「\(resource)」が一致します
              ✓ rekognition:StopProjectVersion: 許可 — ステートメント 1 (Sid SchedulerStartStopModel) が許可しています: Action「rekognition:StopProjectVersion」と Resource「\(resource)」が一致します
              ✓ rekognition:DescribeProjectVersions: 許可 — ステートメント 1 (Sid SchedulerStartStopModel) が許可しています: Action「rekognition:DescribeProjectVersions」と Resource「\(resource)」が一致します
              ✓ sts:AssumeRole (scheduler.amazonaws.com): 許可 — ステートメント 1 が scheduler.amazonaws.com にロールの引き受けを許可しています (aws:SourceAccount 123456789012)
            このポリシーと信頼ポリシーで、スケジュールは仕事ができます。
            """)
    }

    @Test func aPolicyNamingOneVersionPassesForItAndFailsAfterRetraining() throws {
        let policy = try Self.singleVersionPolicy()
        let old = SchedulerPermissionCheck(policy: policy, versionArn: try #require(Self.august), account: Self.account)
        #expect(old.passes)
        let new = SchedulerPermissionCheck(policy: policy, versionArn: try #require(Self.september), account: Self.account)
        #expect(!new.passes)
        #expect(new.actions.map(\.answer.decision) == [.notAllowed, .notAllowed, .notAllowed])
        let every = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/*"
        #expect(new.actions[0].reason.en == "statement 1 (Sid OnlyV1) names the old version verification001.2023-08-01T10.00.00, not the current verification001.2023-09-01T10.00.00; use \(every) to cover every version")
        #expect(new.actions[0].reason.ja == "ステートメント 1 (Sid OnlyV1) が指しているのは古いバージョン verification001.2023-08-01T10.00.00 で、今の verification001.2023-09-01T10.00.00 ではありません。すべてのバージョンを対象にするには \(every) と書きます")
        #expect(new.rendered(.en).hasSuffix("\nThe schedules would fail: fix the lines marked ✗ or ?."))
    }

    @Test func anExplicitDenyWinsAndNotActionIsReportedNotIgnored() throws {
        let policy = try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "rekognition:*", "Resource": "*"},
              {"Sid": "NoStop", "Effect": "Deny", "Action": "rekognition:StopProjectVersion", "Resource": "*"},
              {"Sid": "Odd", "Effect": "Deny", "NotAction": "rekognition:Describe*", "Resource": "*"}]}
            """)
        let check = SchedulerPermissionCheck(policy: policy, versionArn: try #require(Self.august), account: Self.account)
        #expect(check.actions.map(\.answer.decision) == [.undetermined, .denied, .undetermined])
        #expect(check.actions[1].answer.statement?.sid == "NoStop")
        #expect(check.actions[0].answer.unsupported == [UnsupportedElement(statementIndex: 2, sid: "Odd", element: "NotAction", effect: .deny)])
        #expect(check.rendered(.en) == """
            Can EventBridge Scheduler start and stop verification001.2023-08-01T10.00.00?
              ? rekognition:StartProjectVersion: cannot tell — statement 3 (Sid Odd) uses NotAction, which panya does not evaluate
              ✗ rekognition:StopProjectVersion: denied — statement 2 (Sid NoStop) denies it, and an explicit Deny wins over every Allow
              ? rekognition:DescribeProjectVersions: cannot tell — statement 3 (Sid Odd) uses NotAction, which panya does not evaluate
              not evaluated: NotAction in statement 3 (Sid Odd) (unsupported)
            The schedules would fail: fix the lines marked ✗ or ?.
            """)
        #expect(check.rendered(.ja) == """
            EventBridge Scheduler は verification001.2023-08-01T10.00.00 を起動・停止できるか
              ? rekognition:StartProjectVersion: 判定不能 — ステートメント 3 (Sid Odd) が NotAction を使っています。panya はこれを評価しません
              ✗ rekognition:StopProjectVersion: 拒否 — ステートメント 2 (Sid NoStop) が拒否しています。明示的な Deny はどの Allow よりも優先されます
              ? rekognition:DescribeProjectVersions: 判定不能 — ステートメント 3 (Sid Odd) が NotAction を使っています。panya はこれを評価しません
              未評価: ステートメント 3 (Sid Odd) の NotAction (panya は対応していません)
            このままではスケジュールが失敗します。✗ か ? の行を直してください。
            """)
    }

    @Test func wildcardsInActionAndResource() throws {
        let policy = try PolicyDocument.parse("""
            {"Statement": [{"Effect": "Allow", "Action": ["REKOGNITION:st*ProjectVersion", "rekognition:Describe?rojectVersions"],
                            "Resource": "arn:aws:rekognition:*:123456789012:project/verification00?/*"}]}
            """)
        let check = SchedulerPermissionCheck(policy: policy, versionArn: try #require(Self.august), account: Self.account)
        #expect(check.actions.map(\.answer.decision) == [.allowed, .allowed, .allowed])
        #expect(check.actions[0].reason.en == "statement 1 allows it: Action \"REKOGNITION:st*ProjectVersion\" and Resource \"arn:aws:rekognition:*:123456789012:project/verification00?/*\" match")
    }

    @Test func anActionNoStatementNamesIsNotAllowed() throws {
        let policy = try PolicyDocument.parse(#"{"Statement": [{"Effect": "Allow", "Action": "rekognition:StartProjectVersion", "Resource": "*"}]}"#)
        let check = SchedulerPermissionCheck(policy: policy, versionArn: try #require(Self.august), account: Self.account)
        #expect(check.actions.map(\.answer.decision) == [.allowed, .notAllowed, .notAllowed])
        #expect(check.actions[1].reason.en == "no statement allows rekognition:StopProjectVersion, and IAM denies what no statement allows")
        #expect(check.actions[1].reason.ja == "rekognition:StopProjectVersion を許可するステートメントがありません。許可されていない操作は拒否されます")
    }

    @Test func aConditionInAPermissionPolicyIsUnsupportedNotIgnored() throws {
        let policy = try PolicyDocument.parse("""
            {"Statement": [{"Effect": "Allow", "Action": "rekognition:*", "Resource": "*",
                            "Condition": {"StringEquals": {"aws:RequestedRegion": "ap-northeast-1"}}}]}
            """)
        let answer = policy.evaluate(action: "rekognition:StartProjectVersion", resource: Self.prefix + "v/1")
        #expect(answer.decision == .undetermined)
        #expect(answer.unsupported.map(\.element) == ["Condition StringEquals aws:RequestedRegion"])
    }

    @Test func aTrustPolicyForAnotherAccountFailsAndSaysWhy() throws {
        let check = SchedulerPermissionCheck(policy: try Self.seedPolicy(), trustPolicy: try Self.seedTrust(account: "111111111111"),
                                             versionArn: try #require(Self.august), account: Self.account)
        #expect(check.trust?.answer.decision == .notAllowed)
        #expect(check.trust?.reason.en == "statement 1 lets the scheduler in only when aws:SourceAccount is 111111111111, but the schedules are in account 123456789012")
        #expect(!check.passes)
    }

    @Test(arguments: [
        (#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#, PolicyDecision.notAllowed),
        (#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com", "scheduler.amazonaws.com"]}, "Action": "sts:*"}]}"#, .allowed),
        (#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "scheduler.amazonaws.com"}, "Action": "sts:AssumeRole"}, {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}]}"#, .denied),
        (#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "scheduler.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:scheduler:*"}}}]}"#, .undetermined),
        (#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "scheduler.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": ["1", "123456789012"]}}}]}"#, .allowed),
    ])
    func trustPolicies(text: String, expected: PolicyDecision) throws {
        let trust = try PolicyDocument.parse(text)
        #expect(trust.allowsAssumeRole(service: "scheduler.amazonaws.com", account: Self.account).decision == expected)
    }
}
