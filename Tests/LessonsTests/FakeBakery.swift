import Foundation
import Lessons
import PanyaLanguage
import PanyaSupport
import PanyaTestSupport

/// A stand-in for the shell in lesson tests: the commands the lessons use, with the walkthrough's numbers
/// (breads3.jpg confidences, thresholds, mock lifecycle, pricing) and records shaped as commands.md says.
final class FakeBakery: LessonEnvironment {
    let interpreter: Interpreter
    var status = "STOPPED"
    var clock: Date = Date(timeIntervalSince1970: 0)
    var runningSince: Date?
    var billedSeconds: Double = 0
    var prices: [(String, Double)] = [("あんぱん", 150), ("メロンパン", 180), ("焼きそばパン", 220)]
    var lines: [(name: String, qty: Double, price: Double)] = []
    var appliedOptions: [OrderedMap] = []
    var counter = 0

    static let thresholds: [(String, Double)] = [("あんぱん", 0.817), ("メロンパン", 0.862), ("焼きそばパン", 0.907)]
    /// Every candidate for breads3.jpg, unfiltered.
    static let breads3: [(String, Double)] = [
        ("焼きそばパン", 90.44999694824219), ("メロンパン", 88.00399780273438), ("あんぱん", 77.53700256347656),
        ("あんぱん", 41.2), ("メロンパン", 23.5),
    ]

    init(language: UILanguage, output: @escaping (String) -> Void) {
        let table = CommandTable()
        interpreter = Interpreter(commands: table, language: language, output: output)
        register(table)
    }

    func applyLessonOptions(_ options: OrderedMap) throws {
        appliedOptions.append(options)
        if let text = options["clock"]?.asString, let date = ISO8601DateFormatter().date(from: text) { clock = date }
    }

    func display(_ value: Value) -> String { value.printed }

    private func advance(_ seconds: Double) {
        clock += seconds
    }

    private var modelRecord: Value {
        .record(Record(kind: "model", fields: [("name", .string("verification001.2023-08-01T10.00.00")), ("status", .string(status)), ("units", .number(1)),
                                       ("labels", .list(Self.thresholds.map { .record(Record(kind: "threshold", fields: [("name", .string($0.0)), ("threshold", .number($0.1))])) }))]))
    }

    private func totalUSD() -> Double {
        var seconds = billedSeconds
        if let since = runningSince { seconds += clock.timeIntervalSince(since) }
        return (seconds / 60).rounded(.up) * 4.0 / 60
    }

    private func register(_ t: CommandTable) {
        func add(_ name: String, flags: [String] = [], _ run: @escaping (CommandCall) throws -> Value) {
            t.register(Command(name, summary: .verbatim(name), arguments: [.repeated("ARG", .value, optional: true)],
                               flags: flags.map { $0 == "json" ? .switch($0, .verbatim($0)) : .value($0, "V", .value, .verbatim($0)) }, run: run))
        }
        add("counter add") { [unowned self] call in
            counter += Int(call.positional.first?.asNumber ?? 1)
            return .number(Double(counter))
        }
        add("counter") { [unowned self] _ in .number(Double(counter)) }
        add("model") { [unowned self] _ in modelRecord }
        add("model start", flags: ["units"]) { [unowned self] _ in
            guard status == "STOPPED" else { throw FakeError("ResourceInUseException: the model is \(status)") }
            status = "STARTING"
            return .string(status)
        }
        add("model wait") { [unowned self] _ in
            if status == "STARTING" { advance(300); status = "RUNNING"; runningSince = clock }
            if status == "STOPPING" { advance(60); status = "STOPPED" }
            return .string(status)
        }
        add("model stop") { [unowned self] _ in
            guard status == "RUNNING" else { throw FakeError("the model is not running") }
            if let since = runningSince { billedSeconds += clock.timeIntervalSince(since) }
            runningSince = nil
            status = "STOPPING"
            return .string(status)
        }
        add("thresholds") { _ in
            .list(Self.thresholds.map { .record(Record(kind: "threshold", fields: [("name", .string($0.0)), ("threshold", .number($0.1))])) })
        }
        add("detect", flags: ["min-confidence", "max-results", "json"]) { [unowned self] call in
            guard status == "RUNNING" else { throw FakeError("ResourceNotReadyException: the model is not running") }
            let min = try call.number(flag: "min-confidence")
            let kept = Self.breads3.filter { label in
                if let min { return label.1 >= min }
                return label.1 >= (Self.thresholds.first { $0.0 == label.0 }!.1 * 100)
            }
            let labels: [Value] = kept.map {
                .record(Record(kind: "detection", fields: [("name", .string($0.0)), ("confidence", .number($0.1)),
                                                           ("box", .map(OrderedMap([("left", .number(0.1))])))]))
            }
            return .record(Record(kind: "detect_result", fields: [("photo", .string(try call.string(at: 0))),
                                                                  ("min_confidence", min.map(Value.number) ?? .null),
                                                                  ("labels", .list(labels))]))
        }
        add("inspect", flags: ["min-confidence"]) { _ in
            .list(Self.breads3.map { .record(Record(kind: "inspection_row", fields: [("name", .string($0.0)), ("confidence", .number($0.1))])) })
        }
        add("register price") { [unowned self] call in
            let label = try call.string(at: 0)
            let yen = try call.number(at: 1)
            prices.removeAll { $0.0 == label }
            prices.append((label, yen))
            return .null
        }
        add("register add") { [unowned self] call in
            let first = try call.value(at: 0)
            var names: [String] = []
            if case .record(let r) = first, let labels = r["labels"]?.asList {
                names = labels.compactMap { $0[field: "name"]?.asString }
            } else {
                let label = try call.string(at: 0)
                names = Array(repeating: label, count: Int(try call.optionalNumber(at: 1) ?? 1))
            }
            for name in names {
                guard let price = prices.first(where: { $0.0 == name })?.1 else { throw FakeError("'\(name)' has no price; set one with: register price \(name) YEN") }
                if let i = lines.firstIndex(where: { $0.name == name }) { lines[i].qty += 1 } else { lines.append((name, 1, price)) }
            }
            return .null
        }
        add("register prices") { [unowned self] _ in .map(OrderedMap(prices.map { ($0.0, Value.number($0.1)) })) }
        add("register clear") { [unowned self] _ in lines = []; return .null }
        add("register total", flags: ["tax", "rounding"]) { [unowned self] call in
            let rate = try call.number(flag: "tax") ?? 8
            let subtotal = lines.reduce(0) { $0 + $1.qty * $1.price }
            let tax = (subtotal * rate / 100).rounded(.down)
            return .record(Record(kind: "register_total", fields: [("subtotal", .number(subtotal)), ("tax_rate", .number(rate)),
                                                                    ("tax", .number(tax)), ("total", .number(subtotal + tax))]))
        }
        add("clock") { [unowned self] _ in .string(ISO8601DateFormatter().string(from: clock)) }
        add("clock advance") { [unowned self] call in
            let text = try call.string(at: 0)
            let n = Double(text.dropLast()) ?? 0
            let unit: Double = ["s": 1, "m": 60, "h": 3600, "d": 86400][String(text.last ?? "s")] ?? 1
            advance(n * unit)
            return .string(ISO8601DateFormatter().string(from: clock))
        }
        add("bill") { [unowned self] _ in
            let usd = totalUSD()
            let line = Value.record(Record(kind: "bill_line", fields: [("model", .string("verification001.2023-08-01T10.00.00")),
                                                                      ("inference_usd", .number(usd)), ("training_usd", .number(0.685)),
                                                                      ("total_usd", .number(usd + 0.685))]))
            return .record(Record(kind: "bill", fields: [("versions", .list([line])), ("total_usd", .number(usd + 0.685)),
                                                         ("total_jpy", .number(((usd + 0.685) * 140).rounded()))]))
        }
    }
}

struct FakeError: UserFacingError {
    let text: String
    init(_ text: String) { self.text = text }
    var message: Message { .verbatim(text) }
}

/// Makes a fresh `FakeBakery` per lesson and remembers the last one.
final class FakeFactory: LessonEnvironmentFactory {
    var made: [FakeBakery] = []
    var purposes: [LessonEnvironmentPurpose] = []

    func makeEnvironment(for lesson: LessonFile, purpose: LessonEnvironmentPurpose, language: UILanguage,
                         output: @escaping (String) -> Void) throws -> any LessonEnvironment {
        let env = FakeBakery(language: language, output: output)
        made.append(env)
        purposes.append(purpose)
        return env
    }
}

/// A temporary folder with lesson files written from strings (removed when released).
func lessonFolder(_ files: [String: String]) throws -> TemporaryFolder {
    let folder = try TemporaryFolder(prefix: "panya-lessons")
    for (name, text) in files {
        try folder.write(name, text)
    }
    return folder
}

/// The repository's `lessons/` folder.
let repositoryLessons = RepositoryRoot.file("lessons")
