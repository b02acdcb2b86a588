import EditDistance
/// Suggests the closest of some known names for a misspelt one ("did you mean 'forbid'?").
///
/// Cheap per candidate whatever the input: a candidate whose length alone puts it out of reach
/// is skipped, and the edit distance is computed only within the few edits that could still
/// win (a band around the diagonal), so a comparison costs about the name's length times the
/// number of edits allowed. A ``Budget`` bounds what one run spends on suggestions in all.
public enum DidYouMean {
    /// The candidates one run may still compare against names (each candidate of each
    /// suggestion counts one): thousands of misspelt names among thousands of known ones must
    /// not make a run quadratic. A suggestion that would need more than what is left is not
    /// made (all or nothing, so a hint never depends on the order of the candidates).
    public struct Budget: Sendable {
        /// Comparisons left.
        public private(set) var remaining: Int

        /// A budget of `comparisons` (by default 2,000,000, a fraction of a second).
        public init(comparisons: Int = 2_000_000) {
            remaining = max(0, comparisons)
        }

        /// Takes `count` comparisons, or returns false (taking nothing) when fewer are left.
        mutating func take(_ count: Int) -> Bool {
            guard count <= remaining else { return false }
            remaining -= count
            return true
        }
    }

    /// The candidate with the smallest edit distance, if it is close enough to be a plausible typo:
    /// at most a third of the longer name's length, and at most 3 edits. Case is ignored, so `Forbid`
    /// finds `forbid`. Ties go to the candidate that sorts first.
    public static func suggest(_ name: String, from candidates: some Sequence<String>) -> String? {
        var matcher = Matcher(name)
        for candidate in candidates { matcher.consider(candidate) }
        return matcher.best?.name
    }

    /// ``suggest(_:from:)`` when `budget` still covers a comparison with every candidate, else nil.
    public static func suggest(_ name: String, from candidates: some Collection<String>, budget: inout Budget) -> String? {
        guard budget.take(candidates.count) else { return nil }
        return suggest(name, from: candidates)
    }

    /// `"did you mean 'x'?"`, or nil.
    public static func hint(_ name: String, from candidates: some Sequence<String>) -> String? {
        suggest(name, from: candidates).map { "did you mean '\($0)'?" }
    }

    /// The name a hint made by ``hint(_:from:)`` (or CEL's checker, which words it the same)
    /// suggests: `x` for `"did you mean 'x'?"`; nil for any other hint. The studio offers it
    /// as a one-click fix that replaces the diagnostic's span.
    public static func suggestion(inHint hint: String) -> String? {
        let prefix = "did you mean '", suffix = "'?"
        guard hint.hasPrefix(prefix), hint.hasSuffix(suffix), hint.count > prefix.count + suffix.count else { return nil }
        let name = hint.dropFirst(prefix.count).dropLast(suffix.count)
        return name.contains("'") ? nil : String(name)
    }

    /// `"did you mean 'x'?"` within `budget`, or nil.
    public static func hint(_ name: String, from candidates: some Collection<String>, budget: inout Budget) -> String? {
        suggest(name, from: candidates, budget: &budget).map { "did you mean '\($0)'?" }
    }

    /// The best candidate so far for one name. ASCII names and candidates (the common case)
    /// are compared as bytes; others as lowercased characters, as before.
    struct Matcher {
        let name: String
        /// `name.count`, for the limit.
        let count: Int
        /// The lowercased name as bytes, when the name is ASCII.
        let asciiName: [UInt8]?
        /// The lowercased name as characters (for non-ASCII candidates), made when first needed.
        private var characterName: [Character]?
        private var candidateBytes: [UInt8] = []
        private var rows = BandedEditDistance()
        private(set) var best: (name: String, distance: Int)?

        init(_ name: String) {
            self.name = name
            if name.utf8.allSatisfy({ $0 < 0x80 }) {
                asciiName = name.utf8.map(Self.lower)
                count = name.utf8.count
            } else {
                asciiName = nil
                count = name.count
            }
        }

        @inline(__always)
        static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

        mutating func consider(_ candidate: String) {
            guard !candidate.utf8.elementsEqual(name.utf8) else { return }
            let ascii = asciiName != nil && candidate.utf8.allSatisfy { $0 < 0x80 }
            let candidateCount = ascii ? candidate.utf8.count : candidate.count
            let limit = min(3, max(1, max(count, candidateCount) / 3))
            // A distance above the best so far cannot win; an equal one can (by name).
            let bound = min(limit, best?.distance ?? limit)
            let distance: Int?
            if ascii, let asciiName {
                // ASCII lowercasing keeps lengths, so the lengths alone may rule it out.
                guard abs(candidateCount - count) <= bound else { return }
                candidateBytes.removeAll(keepingCapacity: true)
                candidateBytes.append(contentsOf: candidate.utf8.lazy.map(Self.lower))
                distance = rows.distance(asciiName, candidateBytes, within: bound)
            } else {
                let lowered = characterName ?? Array(name.lowercased())
                characterName = lowered
                let other = Array(candidate.lowercased())
                guard abs(other.count - lowered.count) <= bound else { return }
                distance = rows.distance(lowered, other, within: bound)
            }
            guard let distance else { return }
            if let current = best, distance > current.distance || (distance == current.distance && candidate >= current.name) { return }
            best = (candidate, distance)
        }
    }

    /// Levenshtein distance with transpositions (optimal string alignment), unbounded.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var rows = BandedEditDistance()
        return rows.distance(a, b, within: max(a.count, b.count)) ?? max(a.count, b.count)
    }
}
