import EditDistance

extension CELChecker {
    /// The closest candidate, if within a third of the longer name's length and at most 3
    /// edits (case ignored; ties go to the name that sorts first), as "did you mean 'x'?".
    /// A candidate whose length alone puts it out of reach is skipped and distances are
    /// computed only within the edits that could still win, so each comparison is cheap.
    func didYouMean(_ name: String, _ candidates: [String]) -> String? {
        var best: (String, Int)?
        let a = Array(name.lowercased())
        var rows = BandedEditDistance()
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
