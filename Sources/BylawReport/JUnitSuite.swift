import BylawEval
import BylawPolicy
import BylawSource

/// What one input file collected for the JUnit report: findings by rule, diagnostics by code.
struct JUnitSuite {
    /// The findings of one rule on this file.
    struct RuleCase {
        var rule: RuleDescriptor
        var lines: [String] = []
        var firstMessage = ""
        var enforcement: Enforcement = .audit
        var violations = 0
        var evaluationErrors = 0
    }

    private var cases: [String: RuleCase] = [:]
    /// Rules that fired but were not announced in `begin`, in the order they fired.
    private var extraRules: [String] = []
    private var errorCodes: [String] = []
    private var errorsByCode: [String: [Diagnostic]] = [:]
    private var otherDiagnostics: [Diagnostic] = []
    /// The file could not be read: no rule ran on it, so none is listed as passing.
    var failedToLoad = false

    mutating func add(_ finding: Finding, path: String) {
        let id = finding.rule.fullID
        if cases[id] == nil {
            cases[id] = RuleCase(rule: finding.rule)
            extraRules.append(id)
        }
        // Updated in place: a copy of the case taken out and put back would copy its `lines`
        // on every append, quadratic in the findings of one rule.
        JUnitSuite.update(&cases[id, default: RuleCase(rule: finding.rule)], with: finding, path: path)
    }

    private static func update(_ entry: inout RuleCase, with finding: Finding, path: String) {
        if entry.lines.isEmpty { entry.firstMessage = finding.message }
        entry.enforcement = max(entry.enforcement, finding.enforcement)
        if finding.kind == .evaluationError { entry.evaluationErrors += 1 } else { entry.violations += 1 }
        entry.lines.append(describe(finding, path: path))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        guard diagnostic.severity == .error else {
            otherDiagnostics.append(diagnostic)
            return
        }
        if errorsByCode[diagnostic.code.id] == nil { errorCodes.append(diagnostic.code.id) }
        errorsByCode[diagnostic.code.id, default: []].append(diagnostic)
    }

    /// The `<testsuite>` element and its counts.
    func render(path: String, rules: [RuleDescriptor]) -> (String, JUnitCounts) {
        var counts = JUnitCounts()
        var body = ""
        let file = XMLEscaping.attribute(path)
        let announced = Set(rules.map(\.fullID))
        let ordered = failedToLoad ? extraRules : rules.map(\.fullID) + extraRules.filter { !announced.contains($0) }
        for id in ordered {
            counts.tests += 1
            let open = "    <testcase name=\"\(XMLEscaping.attribute(id))\" classname=\"\(file)\" time=\"0\""
            guard let entry = cases[id] else {
                body += open + "/>\n"
                continue
            }
            let element = entry.violations == 0 ? "error" : "failure"
            if element == "error" { counts.errors += 1 } else { counts.failures += 1 }
            let count = entry.lines.count
            let message = count == 1 ? entry.firstMessage : "\(count) findings; first: \(entry.firstMessage)"
            let type = entry.violations == 0 ? "evaluation-error" : entry.enforcement.rawValue
            body += open + ">\n"
            body += "      <\(element) message=\"\(XMLEscaping.attribute(message))\" type=\"\(type)\">"
            body += XMLEscaping.text(entry.lines.joined(separator: "\n")) + "</\(element)>\n"
            body += "    </testcase>\n"
        }
        for code in errorCodes {
            let diagnostics = errorsByCode[code] ?? []
            guard let first = diagnostics.first else { continue }
            counts.tests += 1
            counts.errors += 1
            let message = diagnostics.count == 1 ? first.message : "\(diagnostics.count) diagnostics; first: \(first.message)"
            body += "    <testcase name=\"\(XMLEscaping.attribute(code))\" classname=\"\(file)\" time=\"0\">\n"
            body += "      <error message=\"\(XMLEscaping.attribute(message))\" type=\"\(XMLEscaping.attribute(code))\">"
            body += XMLEscaping.text(diagnostics.map(JUnitSuite.describe).joined(separator: "\n")) + "</error>\n"
            body += "    </testcase>\n"
        }
        if !otherDiagnostics.isEmpty {
            body += "    <system-out>" + XMLEscaping.text(otherDiagnostics.map(JUnitSuite.describe).joined(separator: "\n")) + "</system-out>\n"
        }
        let head = "  <testsuite name=\"\(file)\" " + counts.attributes + ">\n"
        return (head + body + "  </testsuite>\n", counts)
    }

    /// `file:line:col: [block] message (hint: …)`, or `file:LINE: … (event ID)` for a stream.
    static func describe(_ finding: Finding, path: String) -> String {
        var place = path
        if let span = finding.location {
            let start = span.start
            place += ":\(start.line):\(start.column)"
        } else if let event = finding.event {
            place += ":\(event.line)"
        }
        var text = place + ": [\(finding.enforcement.rawValue)] "
        if finding.kind == .evaluationError { text += "evaluation error: " }
        text += finding.message
        if let id = finding.event?.id { text += " (event \(id))" }
        if let hint = finding.hint { text += "\n  hint: " + hint }
        return text
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        var place = diagnostic.path ?? "<input>"
        if let start = diagnostic.location { place += ":\(start.line):\(start.column)" }
        var text = place + ": \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
        if let hint = diagnostic.hint { text += "\n  hint: " + hint }
        return text
    }
}
