import Testing
import PanyaSupport
@testable import Schedules

/// Every kind of bad expression, rendered with its caret, in both languages (exact strings).
@Suite struct ScheduleExpressionErrorTests {
    @Test(arguments: [
        ("cron(30 6 * * * *)",
         "cron(30 6 * * * *)\n              ^\nday-of-week (column 15): day-of-month and day-of-week cannot both be *; use ? in one of them: cron(30 6 * * ? *)",
         "cron(30 6 * * * *)\n              ^\n曜日 (day-of-week, 15 列目): 日と曜日の両方を * にはできません。どちらかを ? にします: cron(30 6 * * ? *)"),
        ("cron(0 6 15 * MON *)",
         "cron(0 6 15 * MON *)\n         ^^\nday-of-month (column 10): day-of-month and day-of-week cannot both be given; use ? in one of them: cron(0 6 ? * MON *)",
         "cron(0 6 15 * MON *)\n         ^^\n日 (day-of-month, 10 列目): 日と曜日の両方は指定できません。どちらかを ? にします: cron(0 6 ? * MON *)"),
        ("cron(30 6 ? * ? *)",
         "cron(30 6 ? * ? *)\n          ^\nday-of-month (column 11): day-of-month and day-of-week cannot both be ?; give one of them a value (* for every day): cron(30 6 * * ? *)",
         "cron(30 6 ? * ? *)\n          ^\n日 (day-of-month, 11 列目): 日と曜日の両方を ? にはできません。どちらかに値を書きます (毎日なら *): cron(30 6 * * ? *)"),
        ("cron(30 6 * * ?)",
         "cron(30 6 * * ?)\n     ^^^^^^^^^^\ncolumn 6: cron takes 6 fields (minutes hours day-of-month month day-of-week year), found 5. Example: cron(30 6 * * ? *)",
         "cron(30 6 * * ?)\n     ^^^^^^^^^^\n6 列目: cron には 6 つの欄 (分 時 日 月 曜日 年) を書きます。書かれているのは 5 つです。例: cron(30 6 * * ? *)"),
        ("cron(60 6 * * ? *)",
         "cron(60 6 * * ? *)\n     ^^\nminutes (column 6): 60 is out of range; minutes accepts 0-59 and , - * /. Example: cron(59 6 * * ? *)",
         "cron(60 6 * * ? *)\n     ^^\n分 (minutes, 6 列目): 60 は範囲外です。分に書けるのは 0-59 と , - * / です。例: cron(59 6 * * ? *)"),
        ("cron(0 6 ? * monn *)",
         "cron(0 6 ? * monn *)\n             ^^^^\nday-of-week (column 14): \"monn\" is not a day name (did you mean MON?); day-of-week accepts 1-7 (1 = Sunday) or SUN-SAT and , - * ? L #. Example: cron(0 6 ? * MON *)",
         "cron(0 6 ? * monn *)\n             ^^^^\n曜日 (day-of-week, 14 列目): 「monn」という曜日の名前はありません (MON のまちがいでは?)。曜日に書けるのは 1-7 (1 = 日曜) または SUN-SAT と , - * ? L # です。例: cron(0 6 ? * MON *)"),
        ("cron(0 6 * January ? *)",
         "cron(0 6 * January ? *)\n           ^^^^^^^\nmonth (column 12): \"January\" is not a month name (did you mean JAN?); month accepts 1-12 or JAN-DEC and , - * /. Example: cron(0 6 * JAN ? *)",
         "cron(0 6 * January ? *)\n           ^^^^^^^\n月 (month, 12 列目): 「January」という月の名前はありません (JAN のまちがいでは?)。月に書けるのは 1-12 または JAN-DEC と , - * / です。例: cron(0 6 * JAN ? *)"),
        ("cron(0 6 ? * 6-2 *)",
         "cron(0 6 ? * 6-2 *)\n             ^^^\nday-of-week (column 14): the range 6-2 goes backwards; write the smaller value first. Example: cron(0 6 ? * 2-6 *)",
         "cron(0 6 ? * 6-2 *)\n             ^^^\n曜日 (day-of-week, 14 列目): 範囲 6-2 が逆向きです。小さい値を先に書きます。例: cron(0 6 ? * 2-6 *)"),
        ("cron(*/0 6 * * ? *)",
         "cron(*/0 6 * * ? *)\n       ^\nminutes (column 8): the step after / must be a whole number from 1 to 59, found \"0\". Example: cron(*/1 6 * * ? *)",
         "cron(*/0 6 * * ? *)\n       ^\n分 (minutes, 8 列目): / の後の間隔は 1 から 59 までの整数です (「0」と書かれています)。例: cron(*/1 6 * * ? *)"),
        ("cron(? 6 * * ? *)",
         "cron(? 6 * * ? *)\n     ^\nminutes (column 6): ? is allowed only alone, in day-of-month or day-of-week; minutes accepts 0-59 and , - * /. Example: cron(0 6 * * ? *)",
         "cron(? 6 * * ? *)\n     ^\n分 (minutes, 6 列目): ? は日か曜日の欄に単独でだけ書けます。分に書けるのは 0-59 と , - * / です。例: cron(0 6 * * ? *)"),
        ("cron(0 6 L,15 * ? *)",
         "cron(0 6 L,15 * ? *)\n         ^\nday-of-month (column 10): \"L,15\" cannot be written here (L, W and # stand alone, in the fields that take them); day-of-month accepts 1-31 and , - * ? / L W. Example: cron(0 6 * * ? *)",
         "cron(0 6 L,15 * ? *)\n         ^\n日 (day-of-month, 10 列目): 「L,15」はここには書けません (L・W・# は使える欄に単独で書きます)。日に書けるのは 1-31 と , - * ? / L W です。例: cron(0 6 * * ? *)"),
        ("cron(0 6 ? * 6#6 *)",
         "cron(0 6 ? * 6#6 *)\n               ^\nday-of-week (column 16): #6 asks for weekday number 6 of the month; # takes 1-5. Example: cron(0 6 ? * 6#5 *)",
         "cron(0 6 ? * 6#6 *)\n               ^\n曜日 (day-of-week, 16 列目): #6 (月の 6 回目の曜日) はありえません。# の後は 1-5 です。例: cron(0 6 ? * 6#5 *)"),
        ("cron(x 6 * * ? *)",
         "cron(x 6 * * ? *)\n     ^\nminutes (column 6): \"x\" is not a value; minutes accepts 0-59 and , - * /. Example: cron(0 6 * * ? *)",
         "cron(x 6 * * ? *)\n     ^\n分 (minutes, 6 列目): 「x」は値として読めません。分に書けるのは 0-59 と , - * / です。例: cron(0 6 * * ? *)"),
        ("corn(30 6 * * ? *)",
         "corn(30 6 * * ? *)\n^^^^\ncolumn 1: \"corn\" is not a schedule expression; write cron(…), rate(…) or at(…). Example: cron(30 6 * * ? *)",
         "corn(30 6 * * ? *)\n^^^^\n1 列目: 「corn」はスケジュール式ではありません。cron(…)、rate(…)、at(…) のどれかで書きます。例: cron(30 6 * * ? *)"),
        ("cron(30 6 * * ? *",
         "cron(30 6 * * ? *\n                 ^\ncolumn 18: the expression must end with one ). Example: cron(30 6 * * ? *)",
         "cron(30 6 * * ? *\n                 ^\n18 列目: 式は ) ひとつで終わります。例: cron(30 6 * * ? *)"),
        ("rate(5)",
         "rate(5)\n     ^\ncolumn 6: rate takes a number and a unit: rate(N minute|minutes|hour|hours|day|days). Example: rate(5 minutes)",
         "rate(5)\n     ^\n6 列目: rate には数と単位を書きます: rate(N minute|minutes|hour|hours|day|days)。例: rate(5 minutes)"),
        ("rate(0 minutes)",
         "rate(0 minutes)\n     ^\ncolumn 6: \"0\" is not a whole number of at least 1. Example: rate(5 minutes)",
         "rate(0 minutes)\n     ^\n6 列目: 「0」は 1 以上の整数ではありません。例: rate(5 minutes)"),
        ("rate(5 mins)",
         "rate(5 mins)\n       ^^^^\ncolumn 8: \"mins\" is not a unit (did you mean minutes?); rate accepts minute, minutes, hour, hours, day, days. Example: rate(5 minutes)",
         "rate(5 mins)\n       ^^^^\n8 列目: 「mins」は単位ではありません (minutes のまちがいでは?)。rate に書ける単位は minute, minutes, hour, hours, day, days です。例: rate(5 minutes)"),
        ("rate(1 minutes)",
         "rate(1 minutes)\n       ^^^^^^^\ncolumn 8: \"minutes\" does not agree with 1: the unit is singular for 1 and plural for more, so write \"minute\". Example: rate(1 minute)",
         "rate(1 minutes)\n       ^^^^^^^\n8 列目: 「minutes」は 1 と合いません。1 なら単数形、2 以上なら複数形なので「minute」と書きます。例: rate(1 minute)"),
        ("at(2026-04-01 06:30)",
         "at(2026-04-01 06:30)\n   ^^^^^^^^^^^^^^^^\ncolumn 4: \"2026-04-01 06:30\" is not a date and time written yyyy-mm-ddThh:mm:ss. Example: at(2026-04-01T06:30:00)",
         "at(2026-04-01 06:30)\n   ^^^^^^^^^^^^^^^^\n4 列目: 「2026-04-01 06:30」は yyyy-mm-ddThh:mm:ss の形の日時ではありません。例: at(2026-04-01T06:30:00)"),
        ("at(2026-02-30T06:30:00)",
         "at(2026-02-30T06:30:00)\n   ^^^^^^^^^^^^^^^^^^^\ncolumn 4: 2026-02-30T06:30:00 is not a date and time that exists. Example: at(2026-02-28T06:30:00)",
         "at(2026-02-30T06:30:00)\n   ^^^^^^^^^^^^^^^^^^^\n4 列目: 2026-02-30T06:30:00 という日時はありません。例: at(2026-02-28T06:30:00)"),
        ("cron(0 6 * * ? 2200)",
         "cron(0 6 * * ? 2200)\n               ^^^^\nyear (column 16): 2200 is out of range; year accepts 1970-2199 and , - * /. Example: cron(0 6 * * ? 2199)",
         "cron(0 6 * * ? 2200)\n               ^^^^\n年 (year, 16 列目): 2200 は範囲外です。年に書けるのは 1970-2199 と , - * / です。例: cron(0 6 * * ? 2199)"),
    ])
    func rendersTheMistake(text: String, english: String, japanese: String) {
        do {
            _ = try ScheduleExpression.parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.rendered(.en) == english)
            #expect(error.rendered(.ja) == japanese)
        }
    }

    @Test func theBriefsExampleReadsAsTheDesignSays() {
        do {
            _ = try ScheduleExpression.parse("cron(30 6 * * * *)")
            Issue.record("parsed")
        } catch {
            #expect(error.problem == .bothDaysSet(bothStars: true))
            #expect(error.field == .dayOfWeek)
            #expect(error.column == 15)
            #expect(error.example == "cron(30 6 * * ? *)")
            #expect(error.message.en.hasSuffix("day-of-month and day-of-week cannot both be *; use ? in one of them: cron(30 6 * * ? *)"))
        }
    }

    @Test func caretsCountTerminalColumnsOfWideCharacters() {
        // A full-width space (U+3000) is not a separator: it makes the minutes field unreadable.
        let error = ScheduleExpressionError(.invalidValue(.hours, "６"), field: .hours, expression: "cron(0 ６ * * ? *)",
                                            column: 8, length: 1, example: "cron(0 6 * * ? *)")
        #expect(error.rendered(.en) == """
            cron(0 ６ * * ? *)
                   ^^
            hours (column 8): "６" is not a value; hours accepts 0-23 and , - * /. Example: cron(0 6 * * ? *)
            """)
    }
}
