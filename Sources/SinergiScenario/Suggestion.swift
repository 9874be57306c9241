/// "Did you mean …?" for misspelt keys, levers and names.
enum Suggestion {
    /// The Levenshtein edit distance between two strings, counted in characters
    /// (Levenshtein 1966): the fewest insertions, deletions and substitutions that turn one
    /// into the other.
    ///
    /// - Complexity: O(a · b) time, O(b) memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word`, compared without case, when it is close enough to be a
    /// likely misspelling: at most 2 edits (3 for words of ten or more characters). Ties go to
    /// the earlier candidate.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let limit = lowered.count >= 10 ? 3 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// "; did you mean 'x'?" or, with no close candidate, "; <listing>: a, b, c" (or nothing
    /// when there are no candidates), e.g. `listing: "keys are"`.
    static func hint(for word: String, among candidates: [String], listing: String) -> String {
        if let match = closest(to: word, among: candidates) {
            return "; did you mean '\(match)'?"
        }
        if candidates.isEmpty { return "" }
        return "; \(listing): \(candidates.joined(separator: ", "))"
    }
}
