import BylawEval
import BylawPolicy
import BylawSource

/// JUnit XML, written at `finish`, as CI test-report readers (Jenkins, GitLab, Azure, the
/// GitHub test-report actions) take it.
///
/// One `<testsuite>` per input file; in it one `<testcase name="POLICY/RULE" classname="FILE">`
/// per rule of the run. A rule that fired on the file has one `<failure>` whose `type` is the
/// enforcement and whose text lists every finding: JUnit's schema allows one result element per
/// test case, and Jenkins, Azure and the GitHub actions show only the first of several. A rule
/// whose findings are all evaluation errors gets an `<error>` instead. Input diagnostics of
/// severity `error` are `<testcase name="CODE">` elements with an `<error>`; warnings and notes
/// go into the suite's `<system-out>`. A file that could not be read at all has only its
/// load errors as test cases: no rule ran on it, so none is reported as passing.
public final class JUnitReport: FindingSink {
    private let output: ReportOutput
    private var rules: [RuleDescriptor] = []
    private var suites: [String: JUnitSuite] = [:]
    private var suiteOrder: [String] = []

    /// A sink writing through `output` (stdout in the CLI, a ``ReportBuffer`` in tests).
    public init(output: @escaping ReportOutput) { self.output = output }

    public func begin(rules: [RuleDescriptor], inputs: [String]) {
        self.rules = rules
        for input in inputs { _ = suiteIndex(input) }
    }

    public func emit(_ finding: Finding) {
        let path = finding.location?.file.path ?? finding.inputPath
        let key = suiteIndex(path)
        suites[key, default: JUnitSuite()].add(finding, path: path)
    }

    public func emit(_ diagnostic: Diagnostic) {
        let key = suiteIndex(diagnostic.path ?? "<input>")
        suites[key, default: JUnitSuite()].add(diagnostic)
    }

    /// No rule ran on the file: its suite holds its load errors alone, not every rule passing.
    public func inputFailed(_ path: String) {
        let key = suiteIndex(path)
        suites[key, default: JUnitSuite()].failedToLoad = true
    }

    public func finish(summary: JSONValue) {
        var body = ""
        var totals = JUnitCounts()
        for path in suiteOrder {
            let suite = suites[path] ?? JUnitSuite()
            let (xml, counts) = suite.render(path: path, rules: rules)
            body += xml
            totals.add(counts)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"bylaw\" " + totals.attributes + ">\n" + body + "</testsuites>\n"
        output(out)
    }

    private func suiteIndex(_ path: String) -> String {
        if suites[path] == nil {
            suites[path] = JUnitSuite()
            suiteOrder.append(path)
        }
        return path
    }
}

/// The `tests`, `failures`, `errors` and `skipped` attributes of a suite or of the whole run.
struct JUnitCounts {
    var tests = 0, failures = 0, errors = 0, skipped = 0

    mutating func add(_ other: JUnitCounts) {
        tests += other.tests
        failures += other.failures
        errors += other.errors
        skipped += other.skipped
    }

    var attributes: String {
        "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0\""
    }
}
