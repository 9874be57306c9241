/// "Did you mean …?" for misspelt keys, levers and names.
public enum Suggestion {
    /// The optimal-string-alignment edit distance between two strings, counted in characters:
    /// the fewest insertions, deletions, substitutions and swaps of two adjacent characters
    /// that turn one into the other (Levenshtein 1966, with Damerau's 1964 transposition, so
    /// "odp" is one edit from "opd").
    ///
    /// - Complexity: O(a · b) time and memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// How many edits still look like a slip for a word of `length` characters: none for one
    /// or two characters (only a difference of case), 1 up to five, 2 up to nine, then 3.
    static func editLimit(length: Int) -> Int {
        switch length {
        case ...2: return 0
        case 3...5: return 1
        case 6...9: return 2
        default: return 3
        }
    }

    /// The candidate closest to `word`, compared without case, when it is close enough to be a
    /// likely misspelling (``editLimit(length:)``), ties to the earlier candidate; failing
    /// that, the only candidate that starts with `word`.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let limit = editLimit(length: lowered.count)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // A truncated word ("weakest" for "weakestLink") is a likely slip too, when only one
        // candidate starts with it.
        guard lowered.count >= 3 else { return nil }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// "; did you mean 'x'?" or, with no close candidate, "; <listing>: a, b, c" (or nothing
    /// when there are no candidates), e.g. `listing: "keys are"`.
    public static func hint(for word: String, among candidates: [String], listing: String) -> String {
        if let match = closest(to: word, among: candidates) {
            return "; did you mean '\(match)'?"
        }
        if candidates.isEmpty { return "" }
        return "; \(listing): \(candidates.joined(separator: ", "))"
    }
}
