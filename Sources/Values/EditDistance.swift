/// Did-you-mean suggestions: the candidate closest to `word` by Levenshtein
/// distance, if it is close enough to be a plausible typo.
public enum EditDistance {
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate within a third of the word's length (at least 1,
    /// at most 3 edits); ties go to the earlier candidate so the answer is stable.
    public static func suggestion<C: Sequence>(for word: String, among candidates: C) -> String? where C.Element == String {
        if word.utf8.count > 64 { return nil }
        let limit = max(1, min(3, word.utf8.count / 3))
        var best: (String, Int)? = nil
        for c in candidates {
            if c.utf8.count > 64 { continue }
            let d = distance(word, c)
            if d <= limit && d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }
}
