import PanyaLanguage
import PanyaSupport

/// The human form of a record no command family renders itself: one field per line.
enum GenericRecordRenderer {
    static func render(_ record: Record) -> String {
        let width = record.fields.keys.map { DisplayWidth.of($0) }.max() ?? 0
        return record.fields.elements.map { entry in
            let shown: String
            if case .string(let text) = entry.value { shown = text } else { shown = entry.value.literal }
            return DisplayWidth.padRight(entry.key, to: width) + "  " + shown
        }.joined(separator: "\n")
    }
}
