import CustomLabels
import Testing
@testable import Schedules

@Suite struct PolicyDocumentTests {
    @Test func readsAStatementListWithStringsAndLists() throws {
        let policy = try PolicyDocument.parse("""
            {
                "Version": "2012-10-17",
                "Statement": [
                    {"Sid": "A", "Effect": "Allow", "Action": ["rekognition:Start*", "rekognition:Stop*"], "Resource": "*"},
                    {"Effect": "Deny", "NotAction": "s3:*", "NotResource": ["arn:aws:s3:::x"],
                     "Condition": {"StringEquals": {"aws:SourceAccount": ["1", "2"]}, "Bool": {"aws:SecureTransport": "true"}}}
                ]
            }
            """)
        #expect(policy.version == "2012-10-17")
        #expect(policy.statements.count == 2)
        #expect(policy.statements[0].sid == "A")
        #expect(policy.statements[0].effect == .allow)
        #expect(policy.statements[0].actions == ["rekognition:Start*", "rekognition:Stop*"])
        #expect(policy.statements[0].resources == ["*"])
        #expect(policy.statements[0].location == JSONLocation(line: 4, column: 9))
        #expect(policy.statements[1].notActions == ["s3:*"])
        #expect(policy.statements[1].notResources == ["arn:aws:s3:::x"])
        #expect(policy.statements[1].conditions == [
            PolicyCondition(operator: "StringEquals", key: "aws:SourceAccount", values: ["1", "2"]),
            PolicyCondition(operator: "Bool", key: "aws:SecureTransport", values: ["true"]),
        ])
    }

    @Test func readsASingleStatementObjectAndPrincipals() throws {
        let trust = try PolicyDocument.parse(SchedulerPolicyTemplate.trustPolicy(account: "123456789012"))
        #expect(trust.statements.count == 1)
        #expect(trust.statements[0].principal == .named([PolicyPrincipalEntry(type: "Service", values: ["scheduler.amazonaws.com"])]))
        let anyone = try PolicyDocument.parse(#"{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}}"#)
        #expect(anyone.statements[0].principal == .anyone)
        #expect(anyone.version == nil)
    }

    @Test(arguments: [
        (#"{"Statement": [{"Effect": "allow", "Action": "x", "Resource": "*"}]}"#,
         #"line 1, column 27, at Statement[0].Effect: Effect must be "Allow" or "Deny" (with that capitalisation), found "allow""#,
         #"1 行 27 列 (Statement[0].Effect): Effect は "Allow" か "Deny" (大文字・小文字もこのとおり) です。「allow」と書かれています"#),
        ("{\"Version\": \"2012-10-17\",\n \"Statement\": [{\"Effect\": \"Allow\", \"Actions\": \"x\"}]}",
         #"line 2, column 47, at Statement[0].Actions: unknown key "Actions" (did you mean "Action"?)"#,
         #"2 行 47 列 (Statement[0].Actions): 知らないキー "Actions" です ("Action" のまちがいでは?)"#),
        (#"{"Statement": [{"Effect": "Allow", "Action": "x", "NotAction": "y"}]}"#,
         "line 1, column 16, at Statement[0]: a statement has either Action or NotAction, not both",
         "1 行 16 列 (Statement[0]): 1 つのステートメントには Action と NotAction のどちらか一方だけを書きます"),
        (#"{"Statement": [{"Effect": "Allow", "Action": 5}]}"#,
         "line 1, column 46, at Statement[0].Action: expected a string, found a number",
         "1 行 46 列 (Statement[0].Action): 文字列が必要ですが、数値が書かれています"),
        (#"{"Version": "2020-01-01", "Statement": []}"#,
         #"line 1, column 13, at Version: the policy Version "2020-01-01" is not one IAM knows; write "2012-10-17""#,
         #"1 行 13 列 (Version): ポリシーの Version「2020-01-01」は IAM にはありません。"2012-10-17" と書きます"#),
        (#"{"Statement": [{"Effect": "Allow", "Principal": "scheduler", "Action": "sts:AssumeRole"}]}"#,
         #"line 1, column 49, at Statement[0].Principal: Principal is "*" or an object such as {"Service": "scheduler.amazonaws.com"}, found "scheduler""#,
         #"1 行 49 列 (Statement[0].Principal): Principal は "*" か {"Service": "scheduler.amazonaws.com"} のようなオブジェクトです。「scheduler」と書かれています"#),
        (#"{"Statement": [{"Effect": "Allow"}]}"#,
         #"line 1, column 16, at Statement[0]: the key "Action" is missing"#,
         #"1 行 16 列 (Statement[0]): キー "Action" がありません"#),
    ])
    func badPoliciesSayWhereAndWhat(text: String, english: String, japanese: String) {
        do {
            _ = try PolicyDocument.parse(text)
            Issue.record("parsed")
        } catch let error as JSONError {
            #expect(error.message.en == english)
            #expect(error.message.ja == japanese)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aSyntaxErrorKeepsTheParsersLineAndColumn() {
        do {
            _ = try PolicyDocument.parse("{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}")
            Issue.record("parsed")
        } catch let error as JSONError {
            #expect(error.location?.line == 3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
