import PanyaSupport

// Every message of the panya language, in English and Japanese.
extension Catalog {
    // MARK: Renderer

    /// The label after the place: `error` / `エラー`.
    public static let errorLabel = Message(en: "error", ja: "エラー")

    // MARK: Types and tokens

    /// A type name in both languages.
    static func typeName(_ name: String) -> Message {
        switch name {
        case "number": return Message(en: "number", ja: "数")
        case "string": return Message(en: "string", ja: "文字列")
        case "bool": return Message(en: "bool", ja: "真偽値")
        case "list": return Message(en: "list", ja: "リスト")
        case "map": return Message(en: "map", ja: "マップ")
        case "function": return Message(en: "function", ja: "関数")
        case "record": return Message(en: "record", ja: "レコード")
        case "whole number": return Message(en: "whole number", ja: "整数")
        default: return .verbatim(name)
        }
    }

    /// A value's type, with the value when it is short: `number 5`, `string "a"`.
    static func describe(_ value: Value) -> Message {
        let type = typeName(value.typeName)
        switch value {
        case .number, .string, .bool:
            let literal = value.literal
            if literal.count <= 20 { return type + .verbatim(" " + literal) }
            return type
        default:
            return type
        }
    }

    static func list(_ items: [String]) -> String { items.joined(separator: ", ") }

    /// How a token reads in a message.
    static func describe(_ token: Token) -> Message {
        switch token.kind {
        case .newline: return Message(en: "the end of the line", ja: "行の終わり")
        case .end: return Message(en: "the end of the input", ja: "入力の終わり")
        case .string: return Message(en: "a string", ja: "文字列")
        case .number(let n): return quotedToken(NumberText.plain(n))
        case .identifier(let name): return quotedToken(name)
        case .keyword(let k): return quotedToken(k.rawValue)
        case .symbol(let s): return quotedToken(s.rawValue)
        case .invalid(let c, _, _): return quotedToken(visible(c))
        }
    }

    static func quotedToken(_ text: String) -> Message { Message(en: "'\(text)'", ja: "「\(text)」") }

    static func notACommandAlone(_ word: String, family: [String]) -> Message {
        let list = family.sorted().map { "'\($0)'" }.joined(separator: ", ")
        return Message(en: "'\(word)' is not a command by itself; try \(list)",
                       ja: "「\(word)」だけではコマンドになりません。\(list) を使ってください")
    }

    // MARK: Lexer

    static func fullWidthCharacter(_ c: String, half: String) -> Message {
        Message(en: "full-width '\(c)' is not allowed here; type the half-width '\(half)' instead",
                ja: "全角の「\(c)」はここでは使えません。半角の「\(half)」を入力してください")
    }
    static let singleQuote = Message(en: "strings use double quotes: \"like this\"",
                                     ja: "文字列はダブルクォートで囲みます: \"このように\"")
    static func unexpectedCharacter(_ c: String) -> Message {
        Message(en: "unexpected character '\(c)'", ja: "ここでは「\(c)」は使えません")
    }
    static let unterminatedString = Message(en: "this string has no closing '\"'",
                                            ja: "文字列を閉じる「\"」がありません")
    static func unknownEscape(_ c: String) -> Message {
        Message(en: "unknown escape '\\\(c)'; use \\\" \\\\ \\n \\t \\{ or \\u{...}",
                ja: "「\\\(c)」というエスケープはありません。\\\" \\\\ \\n \\t \\{ \\u{...} が使えます")
    }
    static let badUnicodeEscape = Message(en: "a Unicode escape looks like \\u{3042}",
                                          ja: "Unicode エスケープは \\u{3042} のように書きます")
    static let unterminatedInterpolation = Message(en: "'{' in a string needs a closing '}' (write \\{ for a brace)",
                                                   ja: "文字列の中の「{」を閉じる「}」がありません (波かっこそのものは \\{ と書きます)")
    static let emptyInterpolation = Message(en: "empty '{}' in a string; put an expression inside or write \\{",
                                            ja: "文字列の中の「{}」が空です。式を入れるか、\\{ と書いてください")

    // MARK: Parser

    static func expected(_ what: Message, found: Message) -> Message {
        Message(en: "expected \(what.en), found \(found.en)", ja: "\(what.ja)が必要ですが、\(found.ja)があります")
    }
    static func expectedEndOfExpression(_ found: Message) -> Message {
        Message(en: "unexpected \(found.en) after the expression", ja: "式のあとに \(found.ja) があります")
    }
    static let endOfStatement = Message(en: "the end of the line (or ';')", ja: "行の終わり (または「;」)")
    static let anExpression = Message(en: "an expression", ja: "式")
    static let openBrace = Message(en: "'{'", ja: "「{」")
    static let fieldName = Message(en: "a field name after '.'", ja: "「.」のあとのフィールド名")
    static let mapKey = Message(en: "a key (a name or a string)", ja: "キー (名前か文字列)")
    static let mapKeyPlain = Message(en: "a map key must be a plain string, without {...}",
                                     ja: "マップのキーには {...} のない文字列を書きます")
    static let expectMessage = Message(en: "',' and a message after the condition", ja: "条件のあとの「,」とメッセージ")
    static func symbolNamed(_ s: String) -> Message { Message(en: "'\(s)'", ja: "「\(s)」") }
    static func keywordNamed(_ s: String) -> Message { Message(en: "'\(s)'", ja: "「\(s)」") }
    static func nameAfter(_ keyword: String) -> Message {
        Message(en: "a name after '\(keyword)'", ja: "「\(keyword)」のあとの名前")
    }
    static let unexpectedCloseBrace = Message(en: "this '}' closes nothing", ja: "この「}」に対応する「{」がありません")
    static func unclosed(_ bracket: String, line: Int) -> Message {
        let close = bracket == "(" ? ")" : bracket == "[" ? "]" : "}"
        return Message(en: "'\(bracket)' opened on line \(line) is never closed with '\(close)'",
                       ja: "\(line) 行目の「\(bracket)」を閉じる「\(close)」がありません")
    }
    static let tooDeeplyNested = Message(en: "this is nested too deeply", ja: "入れ子が深すぎます")
    static func outsideLoop(_ keyword: String) -> Message {
        Message(en: "'\(keyword)' can only be used inside 'for' or 'while'",
                ja: "「\(keyword)」は for か while の中でしか使えません")
    }
    static let returnOutsideFunction = Message(en: "'return' can only be used inside a function (fn)",
                                               ja: "「return」は関数 (fn) の中でしか使えません")
    static let elseWithoutIf = Message(en: "'else' must follow the '}' of an 'if' on the same line",
                                       ja: "「else」は if の「}」と同じ行に続けて書きます")
    static func nameIsCommand(_ name: String) -> Message {
        Message(en: "'\(name)' is the name of a command; choose another name (for example 'my_\(name)')",
                ja: "「\(name)」はコマンドの名前なので使えません。別の名前にしてください (例: my_\(name))")
    }
    static func nameIsBuiltin(_ name: String) -> Message {
        Message(en: "'\(name)' is a built-in function; choose another name",
                ja: "「\(name)」は組み込み関数の名前なので使えません。別の名前にしてください")
    }
    static func nameIsKeyword(_ name: String) -> Message {
        Message(en: "'\(name)' is a keyword and cannot be used as a name",
                ja: "「\(name)」はキーワードなので名前には使えません")
    }
    static func duplicateParameter(_ name: String) -> Message {
        Message(en: "the parameter '\(name)' appears twice", ja: "引数「\(name)」が 2 回あります")
    }
    static let invalidAssignmentTarget = Message(en: "only a variable, an item x[i] or a field x.f can be assigned",
                                                 ja: "代入できるのは変数、x[i] の要素、x.f のフィールドだけです")
    static let chainedComparison = Message(en: "comparisons cannot be chained; join them with 'and' (a < b and b < c)",
                                           ja: "比較はつなげられません。and でつないでください (a < b and b < c)")
    static func callNeedsParentheses(_ name: String) -> Message {
        Message(en: "'\(name)' is a function; call it with parentheses: \(name)(...)",
                ja: "「\(name)」は関数です。かっこを付けて呼んでください: \(name)(...)")
    }
    static func unknownCommand(_ name: String, suggestion: String?) -> Message {
        if let suggestion {
            return Message(en: "unknown command '\(name)'; did you mean '\(suggestion)'?",
                           ja: "「\(name)」というコマンドはありません。「\(suggestion)」のことですか?")
        }
        return Message(en: "unknown command '\(name)' (to call a function, write \(name)(...))",
                       ja: "「\(name)」というコマンドはありません (関数を呼ぶときは \(name)(...) と書きます)")
    }
    static let flagNameMissing = Message(en: "a flag needs a name after '--' (like --min-confidence)",
                                         ja: "「--」のあとにフラグの名前が必要です (例: --min-confidence)")
    static let dollarNeedsName = Message(en: "'$' must be followed by a variable name ($total)",
                                         ja: "「$」のすぐあとに変数名を書きます ($total)")
    static let bareWordBrace = Message(en: "a command argument cannot start with '{'; put a map in parentheses: ({...})",
                                       ja: "コマンドの引数は「{」で始められません。マップはかっこで囲みます: ({...})")
    static let lessonOptionsAreFlags = Message(en: "after the lesson title only flags may follow (--backend mock)",
                                               ja: "レッスンのタイトルのあとにはフラグだけを書きます (--backend mock)")
    static func unknownLessonFlag(_ name: String, known: [String], suggestion: String?) -> Message {
        let shown = CommandText.visible(name)
        let list = known.map { "--" + $0 }.joined(separator: ", ")
        if let suggestion {
            return Message(en: "a lesson header has no flag --\(shown) (it takes \(list)); did you mean --\(suggestion)?",
                           ja: "レッスンの見出しに --\(shown) というフラグはありません (使えるのは \(list))。--\(suggestion) のことですか?")
        }
        return Message(en: "a lesson header has no flag --\(shown) (it takes \(list))",
                       ja: "レッスンの見出しに --\(shown) というフラグはありません (使えるのは \(list))")
    }
    static let stepAtTopLevel = Message(en: "'step' must be at the top level of a lesson, not inside a block",
                                        ja: "「step」はブロックの中ではなく、レッスンのいちばん外側に書きます")
    static let taskNeedsCheck = Message(en: "a task needs at least one 'check'", ja: "task には check が少なくとも 1 つ必要です")
    static let quizNeedsOneAnswer = Message(en: "a quiz needs exactly one 'answer'", ja: "quiz には answer がちょうど 1 つ必要です")
    static func clauseExpected(block: String, allowed: [String]) -> Message {
        Message(en: "inside '\(block)' write \(allowed.joined(separator: ", "))",
                ja: "「\(block)」の中には \(allowed.joined(separator: "、")) を書きます")
    }

    // MARK: Runtime

    static func unknownVariable(_ name: String, suggestion: String?) -> Message {
        if let suggestion {
            return Message(en: "unknown variable '\(name)'; did you mean '\(suggestion)'?",
                           ja: "変数「\(name)」はありません。「\(suggestion)」のことですか?")
        }
        return Message(en: "unknown variable '\(name)'; declare it first with 'let \(name) = ...'",
                       ja: "変数「\(name)」はありません。先に let \(name) = ... で作ってください")
    }
    static func unknownFunction(_ name: String, suggestion: String?) -> Message {
        if let suggestion {
            return Message(en: "unknown function '\(name)'; did you mean '\(suggestion)'?",
                           ja: "関数「\(name)」はありません。「\(suggestion)」のことですか?")
        }
        return Message(en: "unknown function '\(name)'", ja: "関数「\(name)」はありません")
    }
    static func alreadyDeclared(_ name: String) -> Message {
        Message(en: "'\(name)' is already declared here; to change it write '\(name) = ...' without let",
                ja: "「\(name)」はもう作られています。値を変えるときは let を付けずに \(name) = ... と書きます")
    }
    static func assignUndeclared(_ name: String, suggestion: String?) -> Message {
        let hint = suggestion.map { (en: " (or did you mean '\($0)'?)", ja: " (「\($0)」のことですか?)") } ?? (en: "", ja: "")
        return Message(en: "'\(name)' is not declared; declare it first with 'let \(name) = ...'\(hint.en)",
                       ja: "「\(name)」はまだ作られていません。先に let \(name) = ... で作ってください\(hint.ja)")
    }
    static let stringPlusNumber = Message(en: "cannot add a string and a number; convert the number with str(...), e.g. \"合計 \" + str(total)",
                                          ja: "文字列と数は足せません。数を str(...) で文字列にしてください (例: \"合計 \" + str(total))")
    static func operandTypes(_ op: String, _ lhs: Value, _ rhs: Value) -> Message {
        let l = typeName(lhs.typeName), r = typeName(rhs.typeName)
        return Message(en: "'\(op)' cannot be used with \(l.en) and \(r.en)",
                       ja: "「\(op)」は\(l.ja)と\(r.ja)には使えません")
    }
    static func unaryType(_ op: String, _ value: Value) -> Message {
        let t = describe(value)
        return Message(en: "'\(op)' needs a number, not \(t.en)", ja: "「\(op)」には数が必要です (\(t.ja) ではなく)")
    }
    static let divisionByZero = Message(en: "division by zero", ja: "0 で割ることはできません")
    static func compareDifferentTypes(_ op: String, _ lhs: Value, _ rhs: Value) -> Message {
        let l = typeName(lhs.typeName), r = typeName(rhs.typeName)
        return Message(en: "cannot compare \(l.en) with \(r.en) using '\(op)'",
                       ja: "\(l.ja)と\(r.ja)は「\(op)」で比べられません")
    }
    static func cannotOrder(_ type: String) -> Message {
        let t = typeName(type)
        return Message(en: "\(t.en) values cannot be ordered with < or >", ja: "\(t.ja)は < や > で比べられません")
    }
    static func conditionNotBool(_ keyword: String, _ value: Value) -> Message {
        let t = describe(value)
        return Message(en: "'\(keyword)' needs true or false, not \(t.en)",
                       ja: "「\(keyword)」には true か false が必要です (\(t.ja) ではなく)")
    }
    static func notIterable(_ type: String) -> Message {
        let t = typeName(type)
        return Message(en: "'for' cannot go through a \(t.en); use a list, a string or a map",
                       ja: "for で\(t.ja)は回せません。リスト、文字列、マップを使ってください")
    }
    static func notCallable(_ type: String) -> Message {
        let t = typeName(type)
        return Message(en: "a \(t.en) cannot be called like a function", ja: "\(t.ja)は関数のように呼べません")
    }
    static let positionalAfterKeyword = Message(en: "positional arguments must come before name: value arguments",
                                                ja: "名前なしの引数は「名前: 値」の引数より前に書きます")
    static func argumentCount(_ name: String, expected: Int, got: Int) -> Message {
        Message(en: "\(name)() takes \(expected) argument\(expected == 1 ? "" : "s") but got \(got)",
                ja: "\(name)() の引数は \(expected) 個ですが、\(got) 個渡されました")
    }
    static func builtinArgumentCount(_ name: String, arity: ClosedRange<Int>, got: Int) -> Message {
        let en: String, ja: String
        if arity.lowerBound == arity.upperBound {
            en = "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")"; ja = "\(arity.lowerBound) 個"
        } else if arity.upperBound == Int.max {
            en = "at least \(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")"; ja = "\(arity.lowerBound) 個以上"
        } else {
            en = "\(arity.lowerBound) or \(arity.upperBound) arguments"; ja = "\(arity.lowerBound) 個か \(arity.upperBound) 個"
        }
        return Message(en: "\(name)() takes \(en) but got \(got)", ja: "\(name)() の引数は\(ja)ですが、\(got) 個渡されました")
    }
    static func unknownKeyword(_ function: String, _ label: String, suggestion: String?) -> Message {
        let hint = suggestion.map { (en: "; did you mean '\($0)'?", ja: "。「\($0)」のことですか?") } ?? (en: "", ja: "")
        return Message(en: "\(function)() has no parameter '\(label)'\(hint.en)", ja: "\(function)() に引数「\(label)」はありません\(hint.ja)")
    }
    static func duplicateArgument(_ label: String) -> Message {
        Message(en: "the argument '\(label)' is given twice", ja: "引数「\(label)」が 2 回渡されています")
    }
    static func builtinNoKeywords(_ name: String) -> Message {
        Message(en: "\(name)() takes no name: value arguments", ja: "\(name)() には「名前: 値」の引数は渡せません")
    }
    static func indexType(_ index: Value) -> Message {
        let t = describe(index)
        return Message(en: "an index must be a number, not \(t.en)", ja: "インデックスは数です (\(t.ja) ではなく)")
    }
    static func indexNotWhole(_ n: Double) -> Message {
        let s = NumberText.plain(n)
        return Message(en: "an index must be a whole number, not \(s)", ja: "インデックスは整数です (\(s) ではなく)")
    }
    static func indexOutOfRange(_ index: Int, count: Int) -> Message {
        if count == 0 {
            return Message(en: "index \(index) is out of range: it is empty", ja: "インデックス \(index) は範囲外です (空です)")
        }
        return Message(en: "index \(index) is out of range: valid indexes are 0 to \(count - 1)",
                       ja: "インデックス \(index) は範囲外です。使えるのは 0 から \(count - 1) までです")
    }
    static func mapKeyType(_ key: Value) -> Message {
        let t = describe(key)
        return Message(en: "a map key must be a string, not \(t.en)", ja: "マップのキーは文字列です (\(t.ja) ではなく)")
    }
    static func missingKey(_ key: String, suggestion: String?) -> Message {
        let hint = suggestion.map { (en: "; did you mean \"\($0)\"?", ja: "。\"\($0)\" のことですか?") } ?? (en: "", ja: "")
        return Message(en: "the map has no key \"\(key)\"\(hint.en)", ja: "マップにキー \"\(key)\" はありません\(hint.ja)")
    }
    static func missingField(_ name: String, kind: String, fields: [String], suggestion: String?) -> Message {
        if let suggestion {
            return Message(en: "\(kind) has no field '\(name)'; did you mean '\(suggestion)'?",
                           ja: "\(kind) にフィールド「\(name)」はありません。「\(suggestion)」のことですか?")
        }
        return Message(en: "\(kind) has no field '\(name)'; its fields are: \(list(fields))",
                       ja: "\(kind) にフィールド「\(name)」はありません。フィールド: \(list(fields))")
    }
    static func noFields(_ type: String) -> Message {
        let t = typeName(type)
        return Message(en: "a \(t.en) has no fields", ja: "\(t.ja)にはフィールドがありません")
    }
    static func notIndexable(_ type: String) -> Message {
        let t = typeName(type)
        return Message(en: "a \(t.en) cannot be indexed with [...]", ja: "\(t.ja)には [...] は使えません")
    }
    static func recordReadOnly(_ kind: String) -> Message {
        Message(en: "\(kind) is a record and cannot be changed; copy what you need into a variable",
                ja: "\(kind) はレコードなので変更できません。必要な値を変数にコピーしてください")
    }
    static let stringReadOnly = Message(en: "a character of a string cannot be changed; build a new string instead",
                                        ja: "文字列の 1 文字だけを変えることはできません。新しい文字列を作ってください")
    static func tooDeep(limit: Int) -> Message {
        Message(en: "too many nested function calls (more than \(limit)); does a function call itself forever?",
                ja: "関数の呼び出しが深すぎます (\(limit) 段より深い)。関数が自分自身を終わりなく呼んでいませんか?")
    }
    static func lessonOnly(_ keyword: String) -> Message {
        Message(en: "'\(keyword)' only works in a lesson (panya lesson FILE)",
                ja: "「\(keyword)」はレッスンの中でだけ使えます (panya lesson FILE)")
    }
    static func expectationFailed(_ message: String) -> Message {
        Message(en: "expectation failed: \(message)", ja: "期待した結果になりませんでした: \(message)")
    }
    static func unknownFlag(_ flag: String, command: String, suggestion: String?, accepted: [String]) -> Message {
        if let suggestion {
            return Message(en: "'\(command)' has no flag \(flag); did you mean \(suggestion)?",
                           ja: "「\(command)」に \(flag) というフラグはありません。\(suggestion) のことですか?")
        }
        if accepted.isEmpty {
            return Message(en: "'\(command)' takes no flags (got \(flag))", ja: "「\(command)」にはフラグはありません (\(flag))")
        }
        return Message(en: "'\(command)' has no flag \(flag); its flags are: \(list(accepted))",
                       ja: "「\(command)」に \(flag) というフラグはありません。使えるフラグ: \(list(accepted))")
    }
    static func missingArgument(command: String, position: Int, usage: String) -> Message {
        let u = usage.isEmpty ? (en: "", ja: "") : (en: "; usage: \(usage)", ja: "。使い方: \(usage)")
        return Message(en: "'\(command)' needs argument \(position)\(u.en)", ja: "「\(command)」には \(position) 番目の引数が必要です\(u.ja)")
    }
    static func argumentType(command: String, what: String, expected: String, got: Value) -> Message {
        let e = typeName(expected), g = describe(got)
        return Message(en: "argument \(what) of '\(command)' must be a \(e.en), not \(g.en)",
                       ja: "「\(command)」の引数 \(what) は\(e.ja)です (\(g.ja) ではなく)")
    }

    // MARK: Built-ins

    static func builtinArgumentType(_ name: String, expected: String, got: Value) -> Message {
        let parts = expected.components(separatedBy: ", ").map { typeName($0) }
        let e = Message(en: parts.map(\.en).joined(separator: " or "), ja: parts.map(\.ja).joined(separator: "か"))
        let g = describe(got)
        return Message(en: "\(name)() needs a \(e.en), not \(g.en)", ja: "\(name)() には\(e.ja)を渡します (\(g.ja) ではなく)")
    }
    static func notANumber(_ text: String) -> Message {
        Message(en: "cannot read \(ValueFormatter.quoted(text)) as a number", ja: "\(ValueFormatter.quoted(text)) は数として読めません")
    }
    static let roundDigits = Message(en: "round(x, digits): digits must be a whole number from 0 to 15",
                                     ja: "round(x, 桁数) の桁数は 0 から 15 の整数です")
    static func listOfNumbers(_ name: String, got: Value) -> Message {
        let g = describe(got)
        return Message(en: "\(name)() needs numbers (or strings, not mixed), but got \(g.en)",
                       ja: "\(name)() には数 (または文字列、混ぜずに) を渡します。\(g.ja) が入っています")
    }
    static func emptyList(_ name: String) -> Message {
        Message(en: "\(name)() of an empty list has no answer", ja: "空のリストの \(name)() は求められません")
    }
    static let sortMixed = Message(en: "sort() needs a list of only numbers or only strings",
                                   ja: "sort() には数だけ、または文字列だけのリストを渡します")
    static func containsNeedsString(_ got: Value) -> Message {
        let g = describe(got)
        return Message(en: "contains(text, part): part must be a string, not \(g.en)",
                       ja: "contains(文字列, 部分) の部分は文字列です (\(g.ja) ではなく)")
    }
    static let rangeTooLarge = Message(en: "range() would make more than 1,000,000 numbers",
                                       ja: "range() で作る数が 1,000,000 個を超えます")
}

// MARK: Limits and invisible characters
extension Catalog {
    static func stringTooLong(limit: Int) -> Message {
        let n = NumberText.grouped(limit)
        return Message(en: "this string would be longer than \(n) bytes, the most a string may hold",
                       ja: "文字列が長すぎます。文字列に入れられるのは \(n) バイトまでです")
    }
    static func memoryBudgetExceeded(live: Int, budget: Int) -> Message {
        let held = NumberText.short(Double(live) / Double(1 << 20), decimals: 1)
        let most = NumberText.short(Double(budget) / Double(1 << 20), decimals: 1)
        return Message(en: "this value would take the memory of this run past its budget of \(most) MiB (its variables hold about \(held) MiB); "
                           + "keep fewer or smaller values (`x = nil` lets go of what the variable x holds)",
                       ja: "この値を作ると、この実行のメモリが上限の \(most) MiB をこえます (変数が持っている値は約 \(held) MiB)。"
                           + "値を少なく、小さくしてください (`x = nil` で変数 x の中身を手放せます)")
    }
    static func tooManyItems(limit: Int) -> Message {
        let n = NumberText.grouped(limit)
        return Message(en: "a list or map may hold at most \(n) items",
                       ja: "リストやマップに入れられるのは \(n) 個までです")
    }
    static func nestedTooDeeply(limit: Int) -> Message {
        Message(en: "lists and maps may be nested at most \(limit) deep inside each other",
                ja: "リストやマップの入れ子は \(limit) 段までです")
    }
    static func printedTooLong(limit: Int) -> Message {
        let n = NumberText.grouped(limit)
        return Message(en: "this value is too big to write as text (more than \(n) bytes)",
                       ja: "この値は大きすぎて文字にできません (\(n) バイトをこえます)")
    }

    /// A character as it should appear in a message: itself, or `U+200B` when it is invisible
    /// (control characters, NUL, zero-width and other format characters).
    static func visible(_ c: Character) -> String {
        isInvisible(c) ? c.unicodeScalars.map(scalarName).joined(separator: " ") : String(c)
    }

    /// `text` with every invisible character written as `U+XXXX`.
    static func visible(_ text: String) -> String {
        var out = ""
        for c in text {
            if isInvisible(c) { out += c.unicodeScalars.map(scalarName).joined(separator: " ") } else { out.append(c) }
        }
        return out
    }

    static func isInvisible(_ c: Character) -> Bool {
        if c == "\t" || c == "\n" || c == "\r\n" { return false }
        return c.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    static func scalarName(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
