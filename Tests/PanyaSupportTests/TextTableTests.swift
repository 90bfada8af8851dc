import PanyaSupport
import Testing

@Suite struct TextTableTests {
    /// The seed's two schedules, as `schedule` lists them.
    static func schedules(japanese: Bool = false) -> TextTable {
        var table = TextTable(headers: japanese ? ["スケジュール", "式", "いつ", "動作", "バージョン", "状態", "次の実行"]
                                                : ["schedule", "expression", "when", "action", "version", "state", "next run"])
        table.droppable = [2]
        for (name, hour, action) in [("open", "6", "start"), ("close", "19", "stop")] {
            let at = hour == "6" ? "06:30" : "19:30"
            table.add([name, "cron(30 \(hour) * * ? *)", japanese ? "毎日 \(at) (Asia/Tokyo)" : "every day at \(at) (Asia/Tokyo)", action,
                       "verification001.2023-08-01T10.00.00", "ENABLED", "2026-04-01T\(at):00+09:00"])
        }
        return table
    }

    @Test func aTableThatFitsIsOneLineARow() {
        let wide = """
            schedule  expression           when                             action  version                              state    next run
            --------  -------------------  -------------------------------  ------  -----------------------------------  -------  -------------------------
            open      cron(30 6 * * ? *)   every day at 06:30 (Asia/Tokyo)  start   verification001.2023-08-01T10.00.00  ENABLED  2026-04-01T06:30:00+09:00
            close     cron(30 19 * * ? *)  every day at 19:30 (Asia/Tokyo)  stop    verification001.2023-08-01T10.00.00  ENABLED  2026-04-01T19:30:00+09:00
            """
        #expect(Self.schedules().render() == wide)
        #expect(Self.schedules().render(width: 143) == wide, "143 columns wide: it fits exactly")
    }

    @Test func eightyColumnsWrapCellsAtTheirSeamsAndLeaveOutTheRepeatedColumn() {
        #expect(Self.schedules().render(width: 80) == """
            schedule  expression  action  version              state    next run
            --------  ----------  ------  -------------------  -------  ---------------
            open      cron(30 6   start   verification001.     ENABLED  2026-04-01
                      * * ? *)            2023-08-01T10.00.00           T06:30:00+09:00
            close     cron(30 19  stop    verification001.     ENABLED  2026-04-01
                      * * ? *)            2023-08-01T10.00.00           T19:30:00+09:00
            """)
        #expect(Self.schedules(japanese: true).render(width: 80) == """
            スケジュール  式          動作   バージョン           状態     次の実行
            ------------  ----------  -----  -------------------  -------  ---------------
            open          cron(30 6   start  verification001.     ENABLED  2026-04-01
                          * * ? *)           2023-08-01T10.00.00           T06:30:00+09:00
            close         cron(30 19  stop   verification001.     ENABLED  2026-04-01
                          * * ? *)           2023-08-01T10.00.00           T19:30:00+09:00
            """)
    }

    @Test(arguments: [80, 60, 50, 40], [false, true])
    func everyLineFitsAndNoCharacterIsCut(width: Int, japanese: Bool) {
        let table = Self.schedules(japanese: japanese)
        let text = table.render(width: width)
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= width, "\(line)")
            #expect(!line.hasSuffix(" "))
        }
        // Every character of every cell shown is still there: the lines hold the same characters.
        var shown = table
        if !text.contains(table.headers[2]) {
            shown.headers.remove(at: 2)
            shown.rows = shown.rows.map { var row = $0; row.remove(at: 2); return row }
        }
        let rule = text.split(separator: "\n").first { $0.allSatisfy { $0 == "-" || $0 == " " } } ?? ""
        let printed = text.split(separator: "\n").filter { $0 != rule }.joined().filter { $0 != " " }
        let cells = (shown.headers + shown.rows.flatMap { $0 }).joined().filter { $0 != " " }
        #expect(printed.sorted() == cells.sorted(), "\(text)")
    }

    @Test func numbersNeverWrapAndTheirHeadersWrapBetweenWords() {
        var table = TextTable(headers: ["version", "inference h", "USD"], alignments: [.left, .right, .right])
        table.add(["bakery-ai.2023-08-01T10.31.00", "387.50", "1,550.00"])
        #expect(table.render(width: 41) == """
            version              inference       USD
                                         h
            -------------------  ---------  --------
            bakery-ai.              387.50  1,550.00
            2023-08-01T10.31.00
            """)
        // Narrower than the numbers: they stay whole and the table is as wide as it must be.
        let narrow = table.render(width: 10)
        #expect(narrow.contains("387.50"))
        #expect(narrow.contains("1,550.00"))
    }

    @Test func anARNBreaksAtItsSlashes() {
        let arn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/1688205600000"
        #expect(TextTable.wrapCell(arn, width: 40) == ["arn:aws:rekognition:ap-northeast-1:", "123456789012:project/verification001/", "1688205600000"])
        #expect(TextTable.wrapCell("2026-04-01T06:30:00+09:00", width: 15) == ["2026-04-01", "T06:30:00+09:00"])
        #expect(TextTable.wrapCell("every day at 06:30 (Asia/Tokyo)", width: 18) == ["every day at 06:30", "(Asia/Tokyo)"])
    }

    @Test func wideCharactersBreakBetweenNeverInside() {
        #expect(TextTable.wrapCell("焼きそばパンとメロンパン", width: 7) == ["焼きそ", "ばパン", "とメロ", "ンパン"])
        #expect(TextTable.wrapCell("あんぱん 2個", width: 5) == ["あん", "ぱん", "2個"])
        #expect(TextTable.wrapCell("パン", width: 1) == ["パ", "ン"], "a column narrower than a character keeps it whole")
    }

    @Test func anEmptyColumnGoesFirst() {
        var table = TextTable(headers: ["version", "status", "USD"], alignments: [.left, .left, .right])
        table.add(["verification001.2023-08-01T10.00.00", "", "8.00"])
        #expect(table.render(width: 44) == """
            version                               USD
            -----------------------------------  ----
            verification001.2023-08-01T10.00.00  8.00
            """)
        #expect(table.render(width: 60).contains("status"), "kept when there is room")
    }
}
