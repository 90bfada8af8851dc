import PanyaSupport

/// A parsed JSON text: the value and where each of its values starts.
public struct JSONDocument: Sendable {
    /// The top-level value.
    public var root: JSONValue
    /// The line and column where the value at each path starts.
    public var locations: [JSONPath: JSONLocation]

    public init(root: JSONValue, locations: [JSONPath: JSONLocation] = [:]) {
        self.root = root
        self.locations = locations
    }

    /// A cursor at the top of the document, for decoding with paths and locations in errors.
    public var cursor: JSONCursor { JSONCursor(value: root, path: .root, locations: locations) }
}

/// A strict RFC 8259 JSON parser keeping object order, number forms, and the line, column and
/// key path of every value so errors can say exactly where a mistake is.
public enum JSONParser {
    /// Parses `text`. Duplicate keys in one object are an error unless `allowDuplicateKeys`
    /// (then the last value wins, as in Python).
    public static func parse(_ text: String, allowDuplicateKeys: Bool = false) throws -> JSONDocument {
        try parse(bytes: Array(text.utf8), allowDuplicateKeys: allowDuplicateKeys)
    }

    /// Parses UTF-8 bytes (a byte order mark is skipped). A string whose text is one of
    /// `knownStrings` is taken from there (see ``JSONKnownStrings``).
    public static func parse(bytes: [UInt8], allowDuplicateKeys: Bool = false, knownStrings: (any JSONKnownStrings)? = nil) throws -> JSONDocument {
        var reader = Reader(bytes: bytes, allowDuplicateKeys: allowDuplicateKeys)
        reader.knownStrings = knownStrings
        return try reader.parseDocument()
    }

    /// Parses and returns only the value.
    public static func value(_ text: String) throws -> JSONValue {
        try parse(text).root
    }
}

private struct Reader {
    let bytes: [UInt8]
    let allowDuplicateKeys: Bool
    var knownStrings: (any JSONKnownStrings)?
    var position = 0
    var line = 1
    var lineStart = 0
    var locations: [JSONPath: JSONLocation] = [:]
    var depth = 0

    init(bytes: [UInt8], allowDuplicateKeys: Bool) {
        self.bytes = bytes
        self.allowDuplicateKeys = allowDuplicateKeys
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineStart = 3
        }
    }

    /// The last column computed, to count on from there: keeps locating every value linear
    /// on a long line (a compact recording is one line of megabytes).
    var cachedLine = 0
    var cachedIndex = 0
    var cachedColumn = 1

    /// The location of the current position, counting only the bytes since the last one.
    mutating func currentLocation() -> JSONLocation {
        var column = 1
        var i = lineStart
        if cachedLine == line && cachedIndex >= lineStart && cachedIndex <= position {
            column = cachedColumn
            i = cachedIndex
        }
        while i < position && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cachedLine = line
        cachedIndex = i
        cachedColumn = column
        return JSONLocation(line: line, column: column)
    }

    /// The location of `index` on the current line (for errors: counts from the line's start).
    func location(at index: Int) -> JSONLocation {
        var column = 1
        var i = lineStart
        while i < index && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return JSONLocation(line: line, column: column)
    }

    func error(_ en: String, _ ja: String, path: JSONPath, at index: Int? = nil, hint: Message? = nil) -> JSONError {
        JSONError(.syntax(Message(en: en, ja: ja)), path: path, location: location(at: index ?? position), hint: hint)
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D:
                position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default:
                return
            }
        }
    }

    mutating func parseDocument() throws -> JSONDocument {
        skipWhitespace()
        if position >= bytes.count {
            throw error("the text is empty: expected a JSON value", "中身が空です: JSON の値が必要です", path: .root)
        }
        let root = try parseValue(path: .root)
        skipWhitespace()
        if position < bytes.count {
            throw error("unexpected text after the end of the JSON value", "JSON の値のあとに余分な文字があります", path: .root)
        }
        return JSONDocument(root: root, locations: locations)
    }

    mutating func parseValue(path: JSONPath) throws -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else {
            throw error("unexpected end of text: a value is missing", "途中で終わっています: 値がありません", path: path)
        }
        locations[path] = currentLocation()
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(path: path)
        case UInt8(ascii: "["): return try parseArray(path: path)
        case UInt8(ascii: "\""): return .string(try parseString(path: path))
        case UInt8(ascii: "t"): try literal("true", path: path); return .bool(true)
        case UInt8(ascii: "f"): try literal("false", path: path); return .bool(false)
        case UInt8(ascii: "n"): try literal("null", path: path); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber(path: path)
        case UInt8(ascii: "'"):
            throw error("strings must be in double quotes (\"), not single quotes", "文字列は ' ではなく \" で囲みます", path: path)
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            throw error("a value is missing before '\(Character(Unicode.Scalar(byte)))' (a trailing comma?)",
                        "'\(Character(Unicode.Scalar(byte)))' の前に値がありません (最後の余分なカンマ?)", path: path)
        default:
            throw error("unexpected character '\(characterAt(position))': expected a value",
                        "予期しない文字 '\(characterAt(position))' です: 値が必要です", path: path)
        }
    }

    func characterAt(_ index: Int) -> String {
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<min(end, bytes.count)], as: UTF8.self)
    }

    mutating func literal(_ word: String, path: JSONPath) throws {
        let utf8 = Array(word.utf8)
        if position + utf8.count <= bytes.count && Array(bytes[position..<position + utf8.count]) == utf8 {
            position += utf8.count
            return
        }
        throw error("unexpected word: expected \(word)", "予期しない語です: \(word) が必要です", path: path,
                    hint: Message(en: "words must be true, false or null (lower case); text goes in double quotes",
                                  ja: "語は true、false、null (小文字) だけです。文字列は \" で囲みます"))
    }

    mutating func enter(path: JSONPath) throws {
        depth += 1
        if depth > 512 {
            throw error("the JSON is nested too deeply", "JSON の入れ子が深すぎます", path: path)
        }
    }

    mutating func parseObject(path: JSONPath) throws -> JSONValue {
        try enter(path: path)
        defer { depth -= 1 }
        position += 1
        var object = JSONObject()
        var seen = Set<String>()
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unexpected end of text: the object is not closed with '}'", "途中で終わっています: オブジェクトが '}' で閉じていません", path: path)
            }
            guard bytes[position] == UInt8(ascii: "\"") else {
                if bytes[position] == UInt8(ascii: "}") {
                    throw error("a trailing comma before '}' is not allowed in JSON", "JSON では '}' の前の余分なカンマは使えません", path: path)
                }
                throw error("expected a key in double quotes", "\" で囲んだキーが必要です", path: path)
            }
            let keyStart = position
            let key = try parseString(path: path)
            if seen.contains(key) && !allowDuplicateKeys {
                throw error("the key \"\(key)\" appears twice in this object", "キー \"\(key)\" がこのオブジェクトに 2 回あります",
                            path: path.appending(key: key), at: keyStart)
            }
            seen.insert(key)
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\"", "キー \"\(key)\" のあとに ':' が必要です", path: path.appending(key: key))
            }
            position += 1
            let value = try parseValue(path: path.appending(key: key))
            object[key] = value
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unexpected end of text: the object is not closed with '}'", "途中で終わっています: オブジェクトが '}' で閉じていません", path: path)
            }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(object)
            }
            throw error("expected ',' or '}' after the value of \"\(key)\" (a missing comma?)",
                        "\"\(key)\" の値のあとに ',' か '}' が必要です (カンマの付け忘れ?)", path: path.appending(key: key))
        }
    }

    mutating func parseArray(path: JSONPath) throws -> JSONValue {
        try enter(path: path)
        defer { depth -= 1 }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            let elementPath = path.appending(index: elements.count)
            elements.append(try parseValue(path: elementPath))
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unexpected end of text: the list is not closed with ']'", "途中で終わっています: リストが ']' で閉じていません", path: path)
            }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            throw error("expected ',' or ']' after a list element (a missing comma?)",
                        "リストの要素のあとに ',' か ']' が必要です (カンマの付け忘れ?)", path: elementPath)
        }
    }

    mutating func parseString(path: JSONPath) throws -> String {
        let start = position
        position += 1
        if let knownStrings, let known = knownStrings.knownString(startingAt: bytes[position...]) {
            position += known.utf8.count + 1
            return known
        }
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flush(_ reader: Reader, upTo end: Int) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: reader.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while position < bytes.count {
            skipPlainStringBytes()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                if runStart == start + 1 {
                    // No escapes: the bytes are the string (a base64 photo is one such run of 150 KB+).
                    let text = String(decoding: bytes[runStart..<position], as: UTF8.self)
                    position += 1
                    return text
                }
                flush(self, upTo: position)
                position += 1
                return String(scalars)
            }
            if byte == UInt8(ascii: "\\") {
                flush(self, upTo: position)
                position += 1
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let unit = try hex4(path: path)
                    if (0xD800..<0xDC00).contains(unit) {
                        if position + 1 < bytes.count && bytes[position] == UInt8(ascii: "\\") && bytes[position + 1] == UInt8(ascii: "u") {
                            position += 2
                            let low = try hex4(path: path)
                            if (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) {
                                scalars.append(scalar)
                            } else {
                                scalars.append("\u{FFFD}")
                            }
                        } else {
                            scalars.append("\u{FFFD}")
                        }
                    } else if let scalar = Unicode.Scalar(unit) {
                        scalars.append(scalar)
                    } else {
                        scalars.append("\u{FFFD}")
                    }
                default:
                    throw error("invalid escape '\\\(characterAt(position - 1))' in a string", "文字列の中の '\\\(characterAt(position - 1))' は使えないエスケープです",
                                path: path, at: position - 2,
                                hint: Message(en: "write a backslash as \\\\", ja: "バックスラッシュは \\\\ と書きます"))
                }
                runStart = position
                continue
            }
            if byte < 0x20 {
                if byte == 0x0A {
                    throw error("the string is not closed before the end of the line", "文字列が行末までに閉じていません", path: path, at: start,
                                hint: Message(en: "add the closing \" (a line break inside a string is written \\n)",
                                              ja: "閉じる \" を書きます (文字列の中の改行は \\n と書きます)"))
                }
                throw error("a control character inside a string must be escaped", "文字列の中の制御文字はエスケープが必要です", path: path)
            }
            position += 1
        }
        throw error("unexpected end of text: the string is not closed", "途中で終わっています: 文字列が閉じていません", path: path, at: start)
    }

    /// Moves past bytes that stand for themselves in a string (not a quote, a backslash or a
    /// control character), without bounds checks per byte: a photo in base64 is 150 KB of them.
    mutating func skipPlainStringBytes() {
        position = bytes.withUnsafeBufferPointer { buffer in
            var index = position
            if let base = buffer.baseAddress {
                // Words of eight bytes (a base64 photo is 150 KB of plain bytes), then byte by byte
                // from the word that holds a quote, a backslash or a control byte. (Comparing 32
                // at a time with Swift's `SIMD32<UInt8>` was tried: `panya serve` became ten
                // times slower in the release build, so the words stay.)
                let raw = UnsafeRawPointer(base)
                // Four words a turn with one test, while no stop is in any of them.
                while index + 32 <= buffer.count {
                    let stops = JSONParser.stringStops(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        | JSONParser.stringStops(raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
                        | JSONParser.stringStops(raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
                        | JSONParser.stringStops(raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
                    if stops != 0 { break }
                    index += 32
                }
                while index + 8 <= buffer.count {
                    if JSONParser.holdsStringStop(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { break }
                    index += 8
                }
            }
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                index += 1
            }
            return index
        }
    }

    mutating func hex4(path: JSONPath) throws -> UInt32 {
        guard position + 4 <= bytes.count else {
            throw error("\\u must be followed by four hex digits", "\\u のあとには 16 進数 4 桁が必要です", path: path)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default:
                throw error("\\u must be followed by four hex digits", "\\u のあとには 16 進数 4 桁が必要です", path: path)
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    mutating func parseNumber(path: JSONPath) throws -> JSONValue {
        let start = position
        var isInteger = true
        func digits(_ reader: inout Reader) -> Int {
            var count = 0
            while reader.position < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.position]) {
                reader.position += 1
                count += 1
            }
            return count
        }
        let badNumber = { (reader: Reader) -> JSONError in
            reader.error("this is not a valid number", "正しい数値ではありません", path: path, at: start,
                         hint: Message(en: "write numbers like 90.45, 0.5 or 1e-05 (no leading zeros, no trailing dot)",
                                       ja: "数値は 90.45、0.5、1e-05 のように書きます (先頭の 0 や末尾の . は不可)"))
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw badNumber(self) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { throw badNumber(self) }
        } else if digits(&self) == 0 {
            throw badNumber(self)
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            if digits(&self) == 0 { throw badNumber(self) }
        }
        if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            isInteger = false
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) { position += 1 }
            if digits(&self) == 0 { throw badNumber(self) }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let int = Int(text) { return .int(int) }
        guard let double = Double(text), double.isFinite else {
            throw error("the number \(text) is too large", "数値 \(text) が大きすぎます", path: path, at: start)
        }
        return .double(double)
    }
}

extension JSONParser {
    /// Whether one of the eight bytes of `word` is `"`, `\` or below 0x20 (the bytes that end a
    /// plain run in a string). Exact: each test finds a zero byte or a byte below 0x20 without
    /// false answers for the word as a whole.
    @inline(__always)
    static func holdsStringStop(_ word: UInt64) -> Bool {
        stringStops(word) != 0
    }

    /// Non-zero exactly when ``holdsStringStop(_:)`` is true (high bits mark candidate bytes; only
    /// zero versus non-zero is meaningful), so several words can be tested with one branch.
    @inline(__always)
    static func stringStops(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func holdsZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let quote = holdsZero(word ^ (ones &* 0x22))
        let backslash = holdsZero(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return quote | backslash | control
    }
}
