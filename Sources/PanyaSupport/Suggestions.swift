/// "Did you mean …?": the closest name by edit distance (variables, commands, help topics, JSON keys).
public enum Suggestions {
    /// The candidate closest to `name` when it is close enough to be a likely typo.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        var best: (String, Int)? = nil
        for candidate in Set(candidates).sorted() where candidate != name {
            let limit = max(1, min(3, max(name.count, candidate.count) / 3))
            let d = distance(name, candidate)
            guard d <= limit, d < name.count, d < candidate.count else { continue }
            if best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance in characters (a swap of two neighbours counts as one).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
