import BylawSource

extension DiagnosticsReport {
    /// GitHub Actions annotations for compile diagnostics (`bylaw check --format github`): one
    /// workflow command per diagnostic at its severity, titled with its code, then a plain
    /// count line, so a policy edit is annotated on the pull request's diff.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        let sorted = Diagnostic.sortedForDisplay(diagnostics)
        var out = ""
        for diagnostic in sorted { out += GitHubReport.command(for: diagnostic) + "\n" }
        return out + "bylaw: " + counts(sorted) + "\n"
    }

    /// JUnit XML for compile diagnostics (`bylaw check --format junit`): one test case per
    /// policy file, failing with the file's diagnostics when it has an error; warnings and notes
    /// of a passing file go into its `<system-out>`. A diagnostic about a path that is not among
    /// `files` (a policy folder that holds no policy) gets a test case of its own.
    public static func junit(_ diagnostics: [Diagnostic], files: [String]) -> String {
        var order = files
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in Diagnostic.sortedForDisplay(diagnostics) {
            let path = diagnostic.path ?? "<input>"
            if byFile[path] == nil, !order.contains(path) { order.append(path) }
            byFile[path, default: []].append(diagnostic)
        }
        var counts = JUnitCounts()
        var body = ""
        for path in order {
            let found = byFile[path] ?? []
            counts.tests += 1
            let open = "    <testcase name=\"\(XMLEscaping.attribute(path))\" classname=\"check\" time=\"0\""
            guard !found.isEmpty else {
                body += open + "/>\n"
                continue
            }
            let text = XMLEscaping.text(found.map(JUnitSuite.describe).joined(separator: "\n"))
            body += open + ">\n"
            let errors = found.filter { $0.severity == .error }
            if let first = errors.first {
                counts.failures += 1
                let message = errors.count == 1 ? first.message : "\(errors.count) errors; first: \(first.message)"
                body += "      <failure message=\"\(XMLEscaping.attribute(message))\" type=\"\(XMLEscaping.attribute(first.code.id))\">"
                body += text + "</failure>\n"
            } else {
                body += "      <system-out>" + text + "</system-out>\n"
            }
            body += "    </testcase>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"bylaw\" " + counts.attributes + ">\n"
        out += "  <testsuite name=\"policies\" " + counts.attributes + ">\n" + body + "  </testsuite>\n"
        return out + "</testsuites>\n"
    }

    /// `1 error, 2 warnings`.
    static func counts(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}
