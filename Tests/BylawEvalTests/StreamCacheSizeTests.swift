@testable import BylawEval
import BylawModel
import BylawPolicy
import Testing

/// The per-rule caches of a stream run grow with the keys seen, not with the number of rules:
/// ten thousand rules on one event must not take a gigabyte.
@Suite struct StreamCacheSizeTests {
    @Test func decisionCachesStartSmallAndShareOneCap() {
        let few = StreamDecisionCache(fields: [.user], rules: 30)
        #expect(few.maxSlots == StreamDecisionCache.slotCount)
        #expect(few.capacity == StreamDecisionCache.initialSlots)
        let many = StreamDecisionCache(fields: [.user], rules: 10_000)
        #expect(many.maxSlots * 16 * 10_000 <= StreamDecisionCache.totalBytes)
        #expect(many.maxSlots >= StreamDecisionCache.initialSlots)
        let texts = StreamMessageCache(fields: [.user], rules: 10_000)
        #expect(texts.capacity <= StreamMessageCache.initialSlots)
        #expect(texts.maxSlots < StreamMessageCache.slotCount)
    }

    /// Many rules on many users: the caches grow (and, at their cap, start over), and the run
    /// reports exactly what plain evaluation reports.
    @Test func manyRulesOnManyUsersReportWhatPlainEvaluationReports() throws {
        let rules = (0..<100).map { "  - {id: r\($0), on: usage, forbid: event.user == \"u\($0 * 7)\"}\n" }.joined()
        let (set, diagnostics) = StreamTestSupport.policies("policy: many\nrules:\n" + rules)
        let policies = try #require(set, "\(diagnostics.map(\.message))")
        let graph = try #require(StreamTestSupport.acme())
        var stream: [UInt8] = []
        for index in 0..<3000 { stream += Array("{\"id\":\"e\(index)\",\"user\":\"u\(index % 1500)\"}\n".utf8) }
        var plain = StreamEvaluator(policies: policies, workspace: graph)
        plain.shortcuts = []
        let expected = try StreamTestSupport.run(plain, stream)
        #expect(expected.findings == 100 * 2)
        #expect(try StreamTestSupport.run(StreamEvaluator(policies: policies, workspace: graph), stream) == expected)
    }
}
