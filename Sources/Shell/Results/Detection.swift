import CustomLabels
import PanyaLanguage
import PanyaSupport

/// One label the model returned: `{name, confidence, box: {left, top, width, height}}`.
struct Detection: ShellResult {
    static let kind = "detection"
    /// The wire label.
    var label: CustomLabel

    var fields: [(String, Value)] {
        [("name", .string(label.name)), ("confidence", .number(label.confidence)), ("box", Self.boxValue(label.boundingBox))]
    }

    /// A box as the map scripts read (`box.left` …), or nil.
    static func boxValue(_ box: BoundingBox?) -> Value {
        guard let box else { return .null }
        return .map(OrderedMap([("left", .number(box.left)), ("top", .number(box.top)),
                                ("width", .number(box.width)), ("height", .number(box.height))]))
    }

    func render(_ style: RenderStyle) -> String {
        label.name + "  " + NumberText.fixed(label.confidence, decimals: 2)
    }
}
