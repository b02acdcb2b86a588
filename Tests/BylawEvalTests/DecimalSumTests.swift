import BylawEval
import BylawModel
import Testing

@Suite("DecimalSum: exact spend sums")
struct DecimalSumTests {
    static func sum(_ amounts: [String]) -> String {
        var sum = DecimalSum()
        for amount in amounts { sum.add(amount) }
        return sum.description
    }

    @Test("1,100 amounts of 8999999999999999 sum exactly: no wrap past 64 bits")
    func largeSumsDoNotWrap() {
        #expect(Self.sum(Array(repeating: "8999999999999999", count: 1_100)) == "9899999999999998900")
    }

    @Test("amounts of 9e15 and more are added, in any notation")
    func largeAmountsAreAdded() {
        #expect(Self.sum(["9e15"]) == "9000000000000000")
        #expect(Self.sum(["9000000000000000", "1"]) == "9000000000000001")
        #expect(Self.sum(["1.5E+300", "1"]) == "15" + String(repeating: "0", count: 298) + "1")
        #expect(Self.sum(["123456789012345678901234567890.5", "0.5"]) == "123456789012345678901234567891")
    }

    @Test("every decimal is kept: 18 and more fraction digits")
    func fractionDigitsAreKept() {
        #expect(Self.sum(["0.123456789012345678", "0.876543210987654321"]) == "0.999999999999999999")
        #expect(Self.sum(["0.123456789012345678", "0.876543210987654322"]) == "1")
        #expect(Self.sum(["1e-20", "2.5e-21"]) == "0.0000000000000000000125")
        #expect(Self.sum(Array(repeating: "0.000000000000000001", count: 3)) == "0.000000000000000003")
        #expect(Self.sum(["4.9e-324"]) == "0." + String(repeating: "0", count: 323) + "49")
    }

    @Test("negative amounts (refunds) subtract, across limbs and scales")
    func negativeAmounts() {
        #expect(Self.sum(["1", "-0.000000000000000000001"]) == "0.999999999999999999999")
        #expect(Self.sum(["-1000000000000000000000", "1"]) == "-999999999999999999999")
        #expect(Self.sum(["2.5", "-2.50"]) == "0")
        #expect(Self.sum(["-0.0", "0e5"]) == "0")
        #expect(Self.sum(["-3"]) == "-3")
    }

    @Test("ordinary amounts print as before: plain, no trailing zeros")
    func ordinaryFormat() {
        #expect(Self.sum([]) == "0")
        #expect(Self.sum(["0.0042", "0.0150"]) == "0.0192")
        #expect(Self.sum(["12", "0.50"]) == "12.5")
        #expect(Self.sum(["1.25e2"]) == "125")
        #expect(Self.sum(["0.1", "0.2"]) == "0.3")
    }

    @Test("a stream's --summary spend is exact for huge and long amounts")
    func attributionThroughTheEvaluator() throws {
        let model = try #require(loadWorkspace(assignedWorkspace))
        let set = try #require(compilePolicy("policy: p\n"))
        var lines = Array(repeating: #"{"cost":{"amount":8999999999999999,"currency":"USD"}}"#, count: 1_100)
        lines.append(#"{"cost":{"amount":0.000000000000000001,"currency":"USD"}}"#)
        var tally = RunTally()
        var attribution: Attribution? = Attribution()
        _ = try StreamEvaluator(rules: set.rules, workspace: WorkspaceGraph(model)).evaluate(
            UsageStreamReader(bytes: Array(lines.joined(separator: "\n").utf8), name: "s"), streamPath: "s", tally: &tally,
            attribution: &attribution, callbacks: .init(finding: { _ in }, diagnostic: { _ in }))
        let spend = try #require(attribution?.json["by_account"]?["unattributed"]?["spend"]?["USD"])
        #expect(spend == .string("9899999999999998900.000000000000000001"))
    }
}
