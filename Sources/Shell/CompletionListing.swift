import PanyaSupport

/// Lays out completion candidates in columns under the prompt, the way shells do,
/// measuring with `DisplayWidth` so Japanese names (two columns a character) line up.
public enum CompletionListing {
    /// The candidates in as many columns as fit in `columns`, filled down then across,
    /// each row ending with a newline.
    public static func render(_ names: [String], columns: Int) -> String {
        guard !names.isEmpty else { return "" }
        let gap = 2
        let widest = names.map(DisplayWidth.of).max() ?? 0
        let cell = widest + gap
        let perRow = max(1, (max(columns, 1) + gap) / max(cell, 1))
        let rows = (names.count + perRow - 1) / perRow
        var output = ""
        for row in 0..<rows {
            var line = ""
            var column = row
            while column < names.count {
                let name = names[column]
                let next = column + rows
                line += name
                if next < names.count {
                    line += String(repeating: " ", count: cell - DisplayWidth.of(name))
                }
                column = next
            }
            output += line + "\n"
        }
        return output
    }

    /// What a candidate looks like in the list: a path shows its last component
    /// (`lessons/photos/` → `photos/`), anything else as is.
    public static func displayName(_ candidate: String) -> String {
        var body = Substring(candidate)
        let trailingSlash = body.hasSuffix("/")
        if trailingSlash { body = body.dropLast() }
        guard let slash = body.lastIndex(of: "/") else { return candidate }
        return String(body[body.index(after: slash)...]) + (trailingSlash ? "/" : "")
    }
}
