/// Edit distance for "did you mean" hints, shared by the CEL checker and the policy and
/// workspace diagnostics (a target of its own so that CEL, which depends on nothing, and
/// BylawSource can both use the one implementation).

/// The three rows of the optimal-string-alignment table, reused across candidates: one
/// allocation for a whole hint, whatever the number of candidates.
public struct BandedEditDistance: Sendable {
    private var previous2: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    public init() {}

    /// Levenshtein distance with transpositions (optimal string alignment) when it is at most
    /// `bound`, else nil. Only cells within `bound` of the diagonal are computed: a path
    /// through any other cell already costs more than `bound`, so every distance within
    /// `bound` comes out exact, in time proportional to `bound` × the length.
    public mutating func distance<E: Equatable>(_ a: [E], _ b: [E], within bound: Int) -> Int? {
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
            // A transposition reads two rows back, so give up only when two rows in a row
            // are out of reach.
            if rowMinimum > bound, previousMinimum > bound { return nil }
            previousMinimum = rowMinimum
            (previous2, previous, current) = (previous, current, previous2)
        }
        let result = previous[m]
        return result <= bound ? result : nil
    }
}
