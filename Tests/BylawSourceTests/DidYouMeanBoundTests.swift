@testable import BylawSource
import EditDistance
import Testing

/// "Did you mean" stays cheap on hostile input (a banded distance, a length filter, a budget
/// per run) and gives the hints it always gave.
@Suite struct DidYouMeanBoundTests {
    /// The plain optimal-string-alignment distance, for reference.
    static func reference(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }

    static let words = [
        "", "a", "ab", "ba", "abc", "acb", "forbid", "frobid", "forbidden", "require", "requrie", "rule-number-12",
        "rule-numbr-12", "rule-number-21", "caf\u{E9}", "cafe", "ca", "abcdefgh", "badcfehg", "xyz", "ruleNumber",
    ]

    @Test func bandedDistanceIsExactWithinItsBound() {
        var rows = BandedEditDistance()
        for a in Self.words {
            for b in Self.words {
                let (x, y) = (Array(a), Array(b))
                let exact = Self.reference(x, y)
                for bound in 0...4 {
                    let banded = rows.distance(x, y, within: bound)
                    #expect(banded == (exact <= bound ? exact : nil), "\(a) / \(b) within \(bound)")
                }
            }
        }
    }

    @Test func suggestionsAreTheClosestAsBefore() {
        #expect(DidYouMean.suggest("frobid", from: ["forbid", "require"]) == "forbid")
        #expect(DidYouMean.suggest("rule-numbr-12", from: ["rule-number-12", "rule-number-21", "rule-number-1"]) == "rule-number-12")
        // Ties go to the name that sorts first, whatever the order of the candidates.
        #expect(DidYouMean.suggest("ab", from: ["ac", "aa"]) == "aa")
        #expect(DidYouMean.suggest("ab", from: ["aa", "ac"]) == "aa")
        #expect(DidYouMean.suggest("Forbid", from: ["forbid"]) == "forbid")
    }

    @Test func aCanonicallyEquivalentNameWithOtherBytesIsSuggested() {
        #expect(DidYouMean.suggest("cafe\u{301}", from: ["caf\u{E9}", "tea"]) == "caf\u{E9}")
    }

    @Test func aBudgetMakesSuggestionsAllOrNothing() {
        var budget = DidYouMean.Budget(comparisons: 5)
        #expect(DidYouMean.suggest("frobid", from: ["forbid", "require", "allow"], budget: &budget) == "forbid")
        #expect(budget.remaining == 2)
        #expect(DidYouMean.suggest("frobid", from: ["forbid", "require", "allow"], budget: &budget) == nil)
        #expect(budget.remaining == 2)
    }

    @Test func thousandsOfNamesAgainstThousandsOfCandidatesStayWithinTheBudget() {
        let candidates = (0..<3000).map { "rule-number-\($0)" }
        var budget = DidYouMean.Budget(comparisons: 30_000)
        var hints = 0
        for index in 0..<3000 where DidYouMean.suggest("rule-numbr-\(index)", from: candidates, budget: &budget) != nil { hints += 1 }
        #expect(hints == 10)
    }

    @Test func theSuggestionOfAHintIsTheNameItSuggests() throws {
        let hint = try #require(DidYouMean.hint("frobid", from: ["forbid", "require"]))
        #expect(DidYouMean.suggestion(inHint: hint) == "forbid")
        #expect(DidYouMean.suggestion(inHint: "did you mean ''?") == nil)
        #expect(DidYouMean.suggestion(inHint: "use the company app instead") == nil)
        #expect(DidYouMean.suggestion(inHint: "did you mean 'a' or 'b'?") == nil)
    }
}
