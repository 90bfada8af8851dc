/// What reading a manifest gave: the valid lines as entries, and every problem with its line.
public struct ManifestReading: Sendable, Equatable {
    /// One valid line.
    public struct Row: Sendable, Equatable {
        /// The line number (from 1).
        public var line: Int
        /// What the line says.
        public var entry: ManifestEntry
    }

    /// The valid lines, in order (a line may have lost some boxes; see ``issues``).
    public var rows: [Row]
    /// Every problem, in the order of the lines; problems of the whole manifest last.
    public var issues: [ManifestIssue]
    /// Lines left out by an error.
    public var invalidRows: Int
    /// Lines that count towards the 20 % rule: every non-blank line but the ignored (warning) ones.
    public var countedRows: Int

    /// The entries of the valid lines.
    public var entries: [ManifestEntry] { rows.map(\.entry) }

    /// The labels of the valid boxes, in the order met.
    public var labels: [String] {
        var seen = Set<String>()
        return entries.flatMap(\.boxes).map(\.label).filter { seen.insert($0).inserted }
    }

    /// The problems that make the whole manifest unusable (too few labels, too many invalid rows).
    public var manifestErrors: [ManifestIssue] { issues.filter { $0.manifestCode.scope == .manifest } }

    /// True when the manifest can be used (its invalid lines and boxes left out).
    public var isUsable: Bool { manifestErrors.isEmpty }
}
