import CustomLabels

/// A model is data: a versioned JSON document with every number in shortest round-trip form,
/// so decoding gives back exactly the same model.
extension BreadModel {
    /// The format version `json` writes and `init(json:)` reads.
    public static let formatVersion = 1
    /// The document's `Format` value.
    public static let formatName = "panya-bread-model"

    /// The model as a compact JSON document.
    public var json: String {
        var root = JSONObject()
        root.append("Format", .string(Self.formatName))
        root.append("Version", .int(Self.formatVersion))
        root.append("Labels", .array(labels.map { .string($0) }))
        root.append("Means", Self.numbers(means))
        root.append("Scales", Self.numbers(scales))
        root.append("Weights", .array(weights.map { Self.numbers($0) }))
        root.append("Biases", Self.numbers(biases))
        root.append("ExampleLabels", .array(exampleLabels.map { .int($0) }))
        root.append("Examples", .array(examples.map { Self.numbers($0) }))
        root.append("ClassSpreads", .array(classSpreads.map { Self.numbers($0) }))
        root.append("TypicalDistances", Self.numbers(typicalDistances))
        root.append("HalfDistance", .double(halfDistance))
        root.append("Sharpness", .double(sharpness))
        root.append("Temperature", .double(temperature))
        return JSONPrinter.compact(.object(root))
    }

    /// The model as UTF-8 bytes of `json`.
    public var encoded: [UInt8] { Array(json.utf8) }

    static func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .double($0) }) }

    /// Reads a model written by `json`; throws `modelUnreadable` naming the faulty part.
    public init(json bytes: [UInt8]) throws(BreadVisionError) {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes: bytes).root } catch {
            throw .modelUnreadable(reason: "not JSON: \(error)")
        }
        guard case .object = root, root["Format"]?.stringValue == Self.formatName else {
            throw .modelUnreadable(reason: "not a panya bread model (\"Format\" is not \"\(Self.formatName)\")")
        }
        guard let version = root["Version"]?.doubleValue else { throw .modelUnreadable(reason: "\"Version\" is missing") }
        if version != Double(Self.formatVersion) { throw .modelVersionUnsupported(found: Int(version), supported: Self.formatVersion) }
        func list(_ key: String) throws(BreadVisionError) -> [JSONValue] {
            guard case .array(let items)? = root[key] else { throw .modelUnreadable(reason: "\"\(key)\" is not a list") }
            return items
        }
        func doubles(_ value: JSONValue, _ key: String, count: Int?) throws(BreadVisionError) -> [Double] {
            guard case .array(let items) = value else { throw .modelUnreadable(reason: "\"\(key)\" is not a list") }
            var out: [Double] = []
            for item in items {
                guard let number = item.doubleValue else { throw .modelUnreadable(reason: "\"\(key)\" holds a value that is not a number") }
                out.append(number)
            }
            if let count, out.count != count {
                throw .modelUnreadable(reason: "\"\(key)\" has \(out.count) numbers, expected \(count)")
            }
            return out
        }
        var labels: [String] = []
        for item in try list("Labels") {
            guard let label = item.stringValue else { throw .modelUnreadable(reason: "\"Labels\" holds a value that is not a string") }
            labels.append(label)
        }
        let d = BreadFeatures.count, c = labels.count
        if c == 0 { throw .modelUnreadable(reason: "\"Labels\" is empty") }
        let means = try doubles(root["Means"] ?? .null, "Means", count: d)
        let scales = try doubles(root["Scales"] ?? .null, "Scales", count: d)
        if scales.contains(where: { !($0 > 0) }) { throw .modelUnreadable(reason: "\"Scales\" must be positive") }
        var weights: [[Double]] = []
        for row in try list("Weights") { weights.append(try doubles(row, "Weights", count: d)) }
        if weights.count != c { throw .modelUnreadable(reason: "\"Weights\" has \(weights.count) rows, expected \(c)") }
        let biases = try doubles(root["Biases"] ?? .null, "Biases", count: c)
        var exampleLabels: [Int] = []
        for item in try doubles(root["ExampleLabels"] ?? .null, "ExampleLabels", count: nil) {
            guard item >= 0, item < Double(c), item == item.rounded() else {
                throw .modelUnreadable(reason: "\"ExampleLabels\" holds \(item), not a label index")
            }
            exampleLabels.append(Int(item))
        }
        var examples: [[Double]] = []
        for row in try list("Examples") { examples.append(try doubles(row, "Examples", count: d)) }
        if examples.count != exampleLabels.count {
            throw .modelUnreadable(reason: "\"Examples\" has \(examples.count) rows, \"ExampleLabels\" \(exampleLabels.count)")
        }
        var classSpreads: [[Double]] = []
        for row in try list("ClassSpreads") { classSpreads.append(try doubles(row, "ClassSpreads", count: d)) }
        if classSpreads.count != c { throw .modelUnreadable(reason: "\"ClassSpreads\" has \(classSpreads.count) rows, expected \(c)") }
        if classSpreads.contains(where: { $0.contains { !($0 > 0) } }) { throw .modelUnreadable(reason: "\"ClassSpreads\" must be positive") }
        let typical = try doubles(root["TypicalDistances"] ?? .null, "TypicalDistances", count: c)
        if typical.contains(where: { !($0 > 0) }) { throw .modelUnreadable(reason: "\"TypicalDistances\" must be positive") }
        guard let half = root["HalfDistance"]?.doubleValue, half > 0, let sharpness = root["Sharpness"]?.doubleValue, sharpness > 0 else {
            throw .modelUnreadable(reason: "\"HalfDistance\" or \"Sharpness\" is missing or not positive")
        }
        // Models kept before calibration have no temperature: they answer as they always did.
        let temperature = root["Temperature"]?.doubleValue ?? 1
        guard temperature > 0, temperature.isFinite else { throw .modelUnreadable(reason: "\"Temperature\" must be positive") }
        self.init(labels: labels, means: means, scales: scales, weights: weights, biases: biases, examples: examples,
                  exampleLabels: exampleLabels, classSpreads: classSpreads, typicalDistances: typical, halfDistance: half, sharpness: sharpness,
                  temperature: temperature)
    }
}
