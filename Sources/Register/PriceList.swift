/// Prices in yen (tax excluded), label → yen, in the order they were first set.
public struct PriceList: Sendable, Equatable {
    public private(set) var entries: [(label: String, yen: Int)]

    public init(_ entries: [(label: String, yen: Int)] = []) {
        self.entries = []
        for entry in entries { set(entry.label, yen: entry.yen) }
    }

    /// The lesson's default prices (docs/register.md): あんぱん 150, メロンパン 180, 焼きそばパン 220.
    public static let lessonDefaults = PriceList([("あんぱん", 150), ("メロンパン", 180), ("焼きそばパン", 220)])

    /// The price of `label`, if it has one.
    public subscript(label: String) -> Int? {
        entries.first { $0.label == label }?.yen
    }

    /// Sets (or changes) a price.
    public mutating func set(_ label: String, yen: Int) {
        if let i = entries.firstIndex(where: { $0.label == label }) {
            entries[i].yen = yen
        } else {
            entries.append((label, yen))
        }
    }

    public var labels: [String] { entries.map(\.label) }
    public var isEmpty: Bool { entries.isEmpty }

    public static func == (a: PriceList, b: PriceList) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.label == $1.label && $0.yen == $1.yen }
    }

    /// The highest price one bread may have, in yen (the `register price` command's bound too).
    public static let maxPrice = 1_000_000

    /// Checks a price a script gave: a whole number of yen from 0 to ``maxPrice``.
    public static func validatedPrice(_ yen: Double, label: String) throws(RegisterError) -> Int {
        guard yen.isFinite, yen >= 0, yen.rounded() == yen, yen <= Double(maxPrice) else {
            throw .invalidPrice(label: label, value: yen)
        }
        return Int(yen)
    }
}
