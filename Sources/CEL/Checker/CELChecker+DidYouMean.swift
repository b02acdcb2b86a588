extension CELChecker {
    /// The closest candidate, if within a third of the longer name's length and at most 3
    /// edits (case ignored; ties go to the name that sorts first), as "did you mean 'x'?".
    /// A candidate whose length alone puts it out of reach is skipped and distances are
    /// computed only within the edits that could still win, so each comparison is cheap.
    func didYouMean(_ name: String, _ candidates: [String]) -> String? {
        var best: (String, Int)?
        let a = Array(name.lowercased())
        var rows = SuggestionRows()
        for c in Set(candidates) where c != name {
            let limit = min(3, max(1, max(name.count, c.count) / 3))
            let bound = min(limit, best?.1 ?? limit)
            let b = Array(c.lowercased())
            guard abs(a.count - b.count) <= bound, let d = rows.distance(a, b, within: bound) else { continue }
            if let current = best, d > current.1 || (d == current.1 && c >= current.0) { continue }
            best = (c, d)
        }
        return best.map { "did you mean '\($0.0)'?" }
    }
}

/// The three rows of the optimal-string-alignment table, reused across candidates.
struct SuggestionRows {
    private var previous2: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    /// Levenshtein distance with transpositions (a swapped pair of letters is one edit) when
    /// it is at most `bound`, else nil. Only cells within `bound` of the diagonal are
    /// computed: a path through any other cell already costs more, so every distance within
    /// `bound` comes out exact. Cells outside the band read as `bound + 1`.
    mutating func distance(_ a: [Character], _ b: [Character], within bound: Int) -> Int? {
        let n = a.count
        let m = b.count
        guard abs(n - m) <= bound else { return nil }
        if n == 0 || m == 0 { return max(n, m) }
        let outside = bound + 1
        if previous.count < m + 1 {
            previous2 = Array(repeating: outside, count: m + 1)
            previous = previous2
            current = previous2
        }
        for j in 0...m { previous[j] = min(j, outside) }
        var previousMinimum = 0
        for i in 1...n {
            let low = max(1, i - bound)
            let high = min(m, i + bound)
            current[low - 1] = low == 1 ? min(i, outside) : outside
            var rowMinimum = current[low - 1]
            for j in low...high {
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                value = min(value, outside)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < m { current[high + 1] = outside }
            // A transposition reads two rows back: give up only when two rows running are out
            // of reach.
            if rowMinimum > bound, previousMinimum > bound { return nil }
            previousMinimum = rowMinimum
            (previous2, previous, current) = (previous, current, previous2)
        }
        let result = previous[m]
        return result <= bound ? result : nil
    }
}
