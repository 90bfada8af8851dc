import CustomLabels
import PanyaSupport

// Messages of the Schedules module: expression errors, descriptions, time zones, policy checks.
extension Catalog {
    // MARK: Expression errors

    /// The field's name in both languages: "day-of-week" / "曜日".
    public static func cronFieldName(_ field: CronField) -> Message {
        switch field {
        case .minutes: return Message(en: "minutes", ja: "分")
        case .hours: return Message(en: "hours", ja: "時")
        case .dayOfMonth: return Message(en: "day-of-month", ja: "日")
        case .month: return Message(en: "month", ja: "月")
        case .dayOfWeek: return Message(en: "day-of-week", ja: "曜日")
        case .year: return Message(en: "year", ja: "年")
        }
    }

    /// What a field accepts: "minutes accepts 0-59 and , - * /".
    public static func cronFieldAccepts(_ field: CronField) -> Message {
        let (en, ja): (String, String)
        switch field {
        case .minutes: (en, ja) = ("0-59 and , - * /", "0-59 と , - * /")
        case .hours: (en, ja) = ("0-23 and , - * /", "0-23 と , - * /")
        case .dayOfMonth: (en, ja) = ("1-31 and , - * ? / L W", "1-31 と , - * ? / L W")
        case .month: (en, ja) = ("1-12 or JAN-DEC and , - * /", "1-12 または JAN-DEC と , - * /")
        case .dayOfWeek: (en, ja) = ("1-7 (1 = Sunday) or SUN-SAT and , - * ? L #", "1-7 (1 = 日曜) または SUN-SAT と , - * ? L #")
        case .year: (en, ja) = ("1970-2199 and , - * /", "1970-2199 と , - * /")
        }
        let name = cronFieldName(field)
        return Message(en: "\(name.en) accepts \(en)", ja: "\(name.ja)に書けるのは \(ja) です")
    }

    /// "day-of-week (column 15)" / "曜日 (day-of-week, 15 列目)"; "column 1" when in no field.
    public static func scheduleErrorPlace(field: CronField?, column: Int) -> Message {
        guard let field else { return Message(en: "column \(column)", ja: "\(column) 列目") }
        return Message(en: "\(field.name) (column \(column))", ja: "\(cronFieldName(field).ja) (\(field.name), \(column) 列目)")
    }

    static func exampleSuffix(_ example: String?) -> Message {
        guard let example else { return Message(en: ".", ja: "。") }
        return Message(en: ". Example: \(example)", ja: "。例: \(example)")
    }

    /// The problem, what the field accepts and the example.
    public static func scheduleErrorProblem(_ problem: ScheduleExpressionError.Problem, example: String?) -> Message {
        let suffix = exampleSuffix(example)
        switch problem {
        case .unknownKind(let word):
            return Message(en: "\"\(word)\" is not a schedule expression; write cron(…), rate(…) or at(…)",
                           ja: "「\(word)」はスケジュール式ではありません。cron(…)、rate(…)、at(…) のどれかで書きます") + suffix
        case .parenthesis:
            return Message(en: "the expression must end with one )", ja: "式は ) ひとつで終わります") + suffix
        case .fieldCount(let found):
            return Message(en: "cron takes 6 fields (minutes hours day-of-month month day-of-week year), found \(found)",
                           ja: "cron には 6 つの欄 (分 時 日 月 曜日 年) を書きます。書かれているのは \(found) つです") + suffix
        case .invalidValue(let field, let text):
            let accepts = cronFieldAccepts(field)
            return Message(en: "\"\(text)\" is not a value; \(accepts.en)", ja: "「\(text)」は値として読めません。\(accepts.ja)") + suffix
        case .outOfRange(let field, let value):
            let accepts = cronFieldAccepts(field)
            return Message(en: "\(value) is out of range; \(accepts.en)", ja: "\(value) は範囲外です。\(accepts.ja)") + suffix
        case .unknownName(let field, let name, let suggestion):
            let accepts = cronFieldAccepts(field)
            let kind = field == .month ? Message(en: "month", ja: "月") : Message(en: "day", ja: "曜日")
            let guess = suggestion.map { Message(en: " (did you mean \($0)?)", ja: " (\($0) のまちがいでは?)") } ?? .verbatim("")
            return Message(en: "\"\(name)\" is not a \(kind.en) name\(guess.en); \(accepts.en)",
                           ja: "「\(name)」という\(kind.ja)の名前はありません\(guess.ja)。\(accepts.ja)") + suffix
        case .reversedRange(_, let low, let high):
            return Message(en: "the range \(low)-\(high) goes backwards; write the smaller value first",
                           ja: "範囲 \(low)-\(high) が逆向きです。小さい値を先に書きます") + suffix
        case .invalidStep(let field, let text):
            return Message(en: "the step after / must be a whole number from 1 to \(field.range.upperBound), found \"\(text)\"",
                           ja: "/ の後の間隔は 1 から \(field.range.upperBound) までの整数です (「\(text)」と書かれています)") + suffix
        case .questionMarkNotAllowed(let field):
            let accepts = cronFieldAccepts(field)
            return Message(en: "? is allowed only alone, in day-of-month or day-of-week; \(accepts.en)",
                           ja: "? は日か曜日の欄に単独でだけ書けます。\(accepts.ja)") + suffix
        case .specialNotAllowed(let field, let text):
            let accepts = cronFieldAccepts(field)
            return Message(en: "\"\(text)\" cannot be written here (L, W and # stand alone, in the fields that take them); \(accepts.en)",
                           ja: "「\(text)」はここには書けません (L・W・# は使える欄に単独で書きます)。\(accepts.ja)") + suffix
        case .occurrenceOutOfRange(let n):
            return Message(en: "#\(n) asks for weekday number \(n) of the month; # takes 1-5",
                           ja: "#\(n) (月の \(n) 回目の曜日) はありえません。# の後は 1-5 です") + suffix
        case .bothDaysSet(let bothStars):
            let example = example ?? ""
            if bothStars {
                return Message(en: "day-of-month and day-of-week cannot both be *; use ? in one of them: \(example)",
                               ja: "日と曜日の両方を * にはできません。どちらかを ? にします: \(example)")
            }
            return Message(en: "day-of-month and day-of-week cannot both be given; use ? in one of them: \(example)",
                           ja: "日と曜日の両方は指定できません。どちらかを ? にします: \(example)")
        case .bothDaysUnspecified:
            let example = example ?? ""
            return Message(en: "day-of-month and day-of-week cannot both be ?; give one of them a value (* for every day): \(example)",
                           ja: "日と曜日の両方を ? にはできません。どちらかに値を書きます (毎日なら *): \(example)")
        case .rateFormat:
            return Message(en: "rate takes a number and a unit: rate(N minute|minutes|hour|hours|day|days)",
                           ja: "rate には数と単位を書きます: rate(N minute|minutes|hour|hours|day|days)") + suffix
        case .rateValue(let text):
            return Message(en: "\"\(text)\" is not a whole number of at least 1", ja: "「\(text)」は 1 以上の整数ではありません") + suffix
        case .rateUnit(let unit, let suggestion):
            let guess = suggestion.map { Message(en: " (did you mean \($0)?)", ja: " (\($0) のまちがいでは?)") } ?? .verbatim("")
            return Message(en: "\"\(unit)\" is not a unit\(guess.en); rate accepts minute, minutes, hour, hours, day, days",
                           ja: "「\(unit)」は単位ではありません\(guess.ja)。rate に書ける単位は minute, minutes, hour, hours, day, days です") + suffix
        case .rateUnitNumber(let value, let unit, let expected):
            return Message(en: "\"\(unit)\" does not agree with \(value): the unit is singular for 1 and plural for more, so write \"\(expected)\"",
                           ja: "「\(unit)」は \(value) と合いません。1 なら単数形、2 以上なら複数形なので「\(expected)」と書きます") + suffix
        case .atFormat(let text):
            return Message(en: "\"\(text)\" is not a date and time written yyyy-mm-ddThh:mm:ss",
                           ja: "「\(text)」は yyyy-mm-ddThh:mm:ss の形の日時ではありません") + suffix
        case .atInvalidDate(let text):
            return Message(en: "\(text) is not a date and time that exists", ja: "\(text) という日時はありません") + suffix
        }
    }
}

// MARK: Time zones
extension Catalog {
    /// "unknown time zone "Asia/Tokio" (did you mean Asia/Tokyo?); write an IANA name such as Asia/Tokyo".
    public static func unknownTimeZone(_ name: String, suggestions: [String]) -> Message {
        let list = suggestions.joined(separator: ", ")
        if suggestions.isEmpty {
            return Message(en: "unknown time zone \"\(name)\"; write an IANA name such as Asia/Tokyo or America/New_York",
                           ja: "タイムゾーン「\(name)」はありません。Asia/Tokyo や America/New_York のような IANA の名前で書きます")
        }
        return Message(en: "unknown time zone \"\(name)\" (did you mean \(list)?); write an IANA name such as Asia/Tokyo",
                       ja: "タイムゾーン「\(name)」はありません (\(list) のまちがいでは?)。Asia/Tokyo のような IANA の名前で書きます")
    }
}

// MARK: Policies
extension Catalog {
    static func policyBadVersion(_ text: String) -> Message {
        Message(en: "the policy Version \"\(text)\" is not one IAM knows; write \"2012-10-17\"",
                ja: "ポリシーの Version「\(text)」は IAM にはありません。\"2012-10-17\" と書きます")
    }

    static func policyBadEffect(_ text: String) -> Message {
        Message(en: "Effect must be \"Allow\" or \"Deny\" (with that capitalisation), found \"\(text)\"",
                ja: "Effect は \"Allow\" か \"Deny\" (大文字・小文字もこのとおり) です。「\(text)」と書かれています")
    }

    static func policyBothElements(_ a: String, _ b: String) -> Message {
        Message(en: "a statement has either \(a) or \(b), not both", ja: "1 つのステートメントには \(a) と \(b) のどちらか一方だけを書きます")
    }

    static func policyBadPrincipal(_ text: String) -> Message {
        Message(en: "Principal is \"*\" or an object such as {\"Service\": \"scheduler.amazonaws.com\"}, found \"\(text)\"",
                ja: "Principal は \"*\" か {\"Service\": \"scheduler.amazonaws.com\"} のようなオブジェクトです。「\(text)」と書かれています")
    }

    /// "statement 1 (Sid SchedulerStartStop)" / "ステートメント 1 (Sid SchedulerStartStop)"; numbered from 1.
    public static func policyStatementLabel(index: Int, sid: String?) -> Message {
        guard let sid else { return Message(en: "statement \(index + 1)", ja: "ステートメント \(index + 1)") }
        return Message(en: "statement \(index + 1) (Sid \(sid))", ja: "ステートメント \(index + 1) (Sid \(sid))")
    }

    /// "allowed" / "許可" …
    public static func policyDecisionName(_ decision: PolicyDecision) -> Message {
        switch decision {
        case .allowed: return Message(en: "allowed", ja: "許可")
        case .denied: return Message(en: "denied", ja: "拒否")
        case .notAllowed: return Message(en: "not allowed", ja: "許可なし")
        case .undetermined: return Message(en: "cannot tell", ja: "判定不能")
        }
    }

    static func policyAllowedBy(_ label: Message, action: String, resource: String) -> Message {
        Message(en: "\(label.en) allows it: Action \"\(action)\" and Resource \"\(resource)\" match",
                ja: "\(label.ja) が許可しています: Action「\(action)」と Resource「\(resource)」が一致します")
    }

    static func policyDeniedBy(_ label: Message) -> Message {
        Message(en: "\(label.en) denies it, and an explicit Deny wins over every Allow",
                ja: "\(label.ja) が拒否しています。明示的な Deny はどの Allow よりも優先されます")
    }

    static func policyNamesOtherVersion(_ label: Message, named: ProjectVersionArn, current: ProjectVersionArn) -> Message {
        let everyVersion = "arn:\(current.partition):rekognition:\(current.region):\(current.account):project/\(current.projectName)/*"
        if named.creationMillis < current.creationMillis {
            return Message(
                en: "\(label.en) names the old version \(named.versionName), not the current \(current.versionName); use \(everyVersion) to cover every version",
                ja: "\(label.ja) が指しているのは古いバージョン \(named.versionName) で、今の \(current.versionName) ではありません。すべてのバージョンを対象にするには \(everyVersion) と書きます")
        }
        return Message(
            en: "\(label.en) names another version, \(named.versionName), not \(current.versionName); use \(everyVersion) to cover every version",
            ja: "\(label.ja) が指しているのは別のバージョン \(named.versionName) で、\(current.versionName) ではありません。すべてのバージョンを対象にするには \(everyVersion) と書きます")
    }

    static func policyOtherResource(_ label: Message, resource: String, wanted: String) -> Message {
        Message(en: "\(label.en) allows it only on \"\(resource)\", which does not match \(wanted)",
                ja: "\(label.ja) が許可しているのは「\(resource)」だけで、\(wanted) とは一致しません")
    }

    static func policyNoStatement(action: String) -> Message {
        Message(en: "no statement allows \(action), and IAM denies what no statement allows",
                ja: "\(action) を許可するステートメントがありません。許可されていない操作は拒否されます")
    }

    static func policyUndetermined(_ unsupported: [UnsupportedElement]) -> Message {
        let en = unsupported.map { "\(policyStatementLabel(index: $0.statementIndex, sid: $0.sid).en) uses \($0.element)" }.joined(separator: "; ")
        let ja = unsupported.map { "\(policyStatementLabel(index: $0.statementIndex, sid: $0.sid).ja) が \($0.element) を使っています" }.joined(separator: "。")
        return Message(en: "\(en), which panya does not evaluate", ja: "\(ja)。panya はこれを評価しません")
    }

    static func policyNotEvaluated(_ element: UnsupportedElement) -> Message {
        let label = policyStatementLabel(index: element.statementIndex, sid: element.sid)
        return Message(en: "not evaluated: \(element.element) in \(label.en) (unsupported)",
                       ja: "未評価: \(label.ja) の \(element.element) (panya は対応していません)")
    }

    static func trustAllowedBy(_ label: Message, account: String?) -> Message {
        if let account {
            return Message(en: "\(label.en) lets scheduler.amazonaws.com assume the role (aws:SourceAccount \(account))",
                           ja: "\(label.ja) が scheduler.amazonaws.com にロールの引き受けを許可しています (aws:SourceAccount \(account))")
        }
        return Message(en: "\(label.en) lets scheduler.amazonaws.com assume the role",
                       ja: "\(label.ja) が scheduler.amazonaws.com にロールの引き受けを許可しています")
    }

    static func trustDeniedBy(_ label: Message) -> Message {
        Message(en: "\(label.en) denies scheduler.amazonaws.com sts:AssumeRole",
                ja: "\(label.ja) が scheduler.amazonaws.com の sts:AssumeRole を拒否しています")
    }

    static func trustWrongAccount(_ label: Message, accounts: [String], account: String) -> Message {
        let list = accounts.joined(separator: ", ")
        return Message(en: "\(label.en) lets the scheduler in only when aws:SourceAccount is \(list), but the schedules are in account \(account)",
                       ja: "\(label.ja) は aws:SourceAccount が \(list) のときだけスケジューラーを許可しますが、スケジュールのアカウントは \(account) です")
    }

    static let trustNoStatement = Message(
        en: "no statement lets scheduler.amazonaws.com call sts:AssumeRole; add one with Principal {\"Service\": \"scheduler.amazonaws.com\"} and Action \"sts:AssumeRole\"",
        ja: "scheduler.amazonaws.com に sts:AssumeRole を許可するステートメントがありません。Principal {\"Service\": \"scheduler.amazonaws.com\"} と Action \"sts:AssumeRole\" のステートメントを追加します")

    static func policyCheckHeading(version: ProjectVersionArn) -> Message {
        Message(en: "Can EventBridge Scheduler start and stop \(version.versionName)?",
                ja: "EventBridge Scheduler は \(version.versionName) を起動・停止できるか")
    }

    static func policyVerdict(passes: Bool, trustChecked: Bool) -> Message {
        if passes && trustChecked {
            return Message(en: "The policy and the trust policy let the schedules do their job.",
                           ja: "このポリシーと信頼ポリシーで、スケジュールは仕事ができます。")
        }
        if passes {
            return Message(en: "The policy lets the schedules do their job (the trust policy was not checked: --role-trust FILE).",
                           ja: "このポリシーで、スケジュールは仕事ができます (信頼ポリシーは未確認: --role-trust FILE)。")
        }
        return Message(en: "The schedules would fail: fix the lines marked ✗ or ?.",
                       ja: "このままではスケジュールが失敗します。✗ か ? の行を直してください。")
    }
}
