import BylawEval
import BylawPolicy
import BylawSource

extension PolicyTestReport {
    /// JUnit XML: one `<testsuite>` per policy file, one `<testcase name="TEST"
    /// classname="POLICY">` per policy test. A failed test has a `<failure type="test.failed">`
    /// saying what was expected and what fired; a test whose input is broken has an `<error>`
    /// with the input's diagnostics. Rules no test covers, and branches and exceptions no test
    /// exercised, are listed in the suite's `<system-out>`; under `strict` each is a failing
    /// test case named `coverage: POLICY/RULE` (with ` at LINE:COLUMN` for a branch or exception).
    public func junit() -> String {
        var order: [String] = []
        var bodies: [String: String] = [:]
        var counts: [String: JUnitCounts] = [:]
        func suite(_ path: String) {
            if bodies[path] == nil {
                order.append(path)
                bodies[path] = ""
                counts[path] = JUnitCounts()
            }
        }
        for result in results {
            let path = result.file.path
            suite(path)
            counts[path, default: JUnitCounts()].tests += 1
            let open = "    <testcase name=\"\(XMLEscaping.attribute(result.test.name))\" classname=\"\(XMLEscaping.attribute(result.policyID))\" time=\"0\""
            let diagnostics = Self.diagnostics(result)
            guard let first = diagnostics.first else {
                bodies[path, default: ""] += open + "/>\n"
                continue
            }
            let element: String
            if case .invalid = result.outcome {
                element = "error"
                counts[path, default: JUnitCounts()].errors += 1
            } else {
                element = "failure"
                counts[path, default: JUnitCounts()].failures += 1
            }
            let text = diagnostics.map { JUnitSuite.describe($0) + $0.notes.map { "\n  note: " + $0.message }.joined() }
            bodies[path, default: ""] += open + ">\n"
                + "      <\(element) message=\"\(XMLEscaping.attribute(first.message))\" type=\"\(XMLEscaping.attribute(first.code.id))\">"
                + XMLEscaping.text(text.joined(separator: "\n")) + "</\(element)>\n"
                + "    </testcase>\n"
        }
        var gaps: [String: [String]] = [:]
        // A gap's test case names its place too: a rule can have several.
        let coverage = uncovered.map { (rule: $0, name: "coverage: " + $0.fullID, diagnostic: coverageGap($0)) }
            + self.gaps.map { gap in
                let start = gap.span.start
                return (rule: gap.rule, name: "coverage: \(gap.rule.fullID) at \(start.line):\(start.column)", diagnostic: coverageGap(gap))
            }
        for (rule, name, gap) in coverage {
            let path = gap.path ?? "<policies>"
            suite(path)
            if strict {
                counts[path, default: JUnitCounts()].tests += 1
                counts[path, default: JUnitCounts()].failures += 1
                bodies[path, default: ""] += "    <testcase name=\"\(XMLEscaping.attribute(name))\" classname=\"\(XMLEscaping.attribute(rule.policyID))\" time=\"0\">\n"
                    + "      <failure message=\"\(XMLEscaping.attribute(gap.message))\" type=\"\(gap.code)\">"
                    + XMLEscaping.text(JUnitSuite.describe(gap)) + "</failure>\n"
                    + "    </testcase>\n"
            } else {
                gaps[path, default: []].append(JUnitSuite.describe(gap))
            }
        }
        var totals = JUnitCounts()
        var out = ""
        for path in order {
            let suiteCounts = counts[path] ?? JUnitCounts()
            totals.add(suiteCounts)
            out += "  <testsuite name=\"\(XMLEscaping.attribute(path))\" " + suiteCounts.attributes + ">\n" + (bodies[path] ?? "")
            if let lines = gaps[path] { out += "    <system-out>" + XMLEscaping.text(lines.joined(separator: "\n")) + "</system-out>\n" }
            out += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"bylaw\" " + totals.attributes + ">\n" + out + "</testsuites>\n"
    }
}
