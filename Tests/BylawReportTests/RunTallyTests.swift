import BylawEval
import BylawPolicy
import Testing

@Suite struct RunTallyTests {
    /// Counting by rule number and folding once gives the same tally as counting each finding.
    @Test func countsByRuleNumberFoldIntoTheSameTally() {
        let rules = ReportFixture.rules
        var findings: [(Finding, Int)] = []
        for round in 0..<7 {
            for (number, rule) in rules.enumerated() where (round + number) % 3 != 0 {
                findings.append((Finding(rule: rule, message: "m\(round)", inputPath: "s.ndjson"), number))
                if round == 2 {
                    findings.append((Finding(rule: rule, kind: .evaluationError, enforcement: .warn, message: "e", inputPath: "s.ndjson"), number))
                }
            }
        }
        var direct = RunTally()
        for (finding, _) in findings { direct.count(finding) }
        var folded = RunTally()
        var counts = RunTally.RuleCounts(rules: rules.count)
        for (finding, number) in findings { folded.count(finding, rule: number, in: &counts) }
        #expect(folded.byRule.isEmpty, "rule counts wait for the fold")
        folded.fold(counts, ruleIDs: rules.map(\.fullID))
        #expect(folded.json.map(\.1.compact) == direct.json.map(\.1.compact))
        #expect(folded.findings == findings.count)
        #expect(folded.evaluationErrors == direct.evaluationErrors && direct.evaluationErrors > 0)
        #expect(folded.fails(strict: false) == direct.fails(strict: false))
    }
}
