/// The three breads of the lesson: あんぱん, メロンパン, 焼きそばパン.
public enum BreadKind: String, Sendable, CaseIterable, Equatable, Hashable {
    case anpan
    case melonpan
    case yakisobapan

    /// The exact label the model returns (UTF-8 Japanese).
    public var label: String {
        switch self {
        case .anpan: return "あんぱん"
        case .melonpan: return "メロンパン"
        case .yakisobapan: return "焼きそばパン"
        }
    }

    /// The kind whose label is `label`, or nil.
    public init?(label: String) {
        guard let kind = BreadKind.allCases.first(where: { $0.label == label }) else { return nil }
        self = kind
    }
}
