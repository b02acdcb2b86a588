/// Suggests the closest of some known names for a misspelt one ("did you mean 'forbid'?").
public enum DidYouMean {
    /// The candidate with the smallest edit distance, if it is close enough to be a plausible typo:
    /// at most a third of the longer name's length, and at most 3 edits. Case is ignored, so `Forbid`
    /// finds `forbid`.
    public static func suggest(_ name: String, from candidates: some Sequence<String>) -> String? {
        var best: (name: String, distance: Int)?
        let lowered = Array(name.lowercased())
        for candidate in candidates where candidate != name {
            let distance = editDistance(lowered, Array(candidate.lowercased()))
            let limit = min(3, max(1, max(name.count, candidate.count) / 3))
            guard distance <= limit else { continue }
            if let current = best, distance > current.distance || (distance == current.distance && candidate >= current.name) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// `"did you mean 'x'?"`, or nil.
    public static func hint(_ name: String, from candidates: some Sequence<String>) -> String? {
        suggest(name, from: candidates).map { "did you mean '\($0)'?" }
    }

    /// Levenshtein distance with transpositions (optimal string alignment).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
