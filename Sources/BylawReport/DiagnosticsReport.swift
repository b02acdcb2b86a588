import BylawSource

/// Printers for compile diagnostics alone (`bylaw check --format json|sarif`); text is
/// ``DiagnosticPrinter``'s.
public enum DiagnosticsReport {
    /// `{"diagnostics": [...], "summary": {"errors": N, "warnings": N}}`, sorted for display,
    /// each diagnostic as ``Diagnostic/jsonValue``.
    public static func json(_ diagnostics: [Diagnostic], pretty: Bool = true) -> String {
        let sorted = Diagnostic.sortedForDisplay(diagnostics)
        let document = JSONValue.object([
            ("diagnostics", .array(sorted.map(\.jsonValue))),
            ("summary", .object([
                ("errors", .int(Int64(sorted.count { $0.severity == .error }))),
                ("warnings", .int(Int64(sorted.count { $0.severity == .warning }))),
            ])),
        ])
        return (pretty ? document.pretty : document.compact) + "\n"
    }

    /// A SARIF 2.1.0 log whose driver rules are the diagnostic codes and whose results are the
    /// diagnostics, notes as related locations.
    ///
    /// - Parameter documentationURI: the address of Bylaw's docs folder; each code's rule then
    ///   links its explanation in `diagnostics.md` as `helpUri`.
    public static func sarif(
        _ diagnostics: [Diagnostic], exitCode: Int? = nil, informationURI: String? = nil, documentationURI: String? = nil
    ) -> String {
        let sorted = Diagnostic.sortedForDisplay(diagnostics)
        var codes = SARIFCodes(documentationURI: documentationURI)
        var artifacts = SARIFArtifacts()
        var results: [JSONValue] = []
        for diagnostic in sorted {
            let index = codes.index(of: diagnostic.code, severity: diagnostic.severity)
            results.append(SARIFCodes.result(for: diagnostic, ruleIndex: index, component: nil, artifacts: &artifacts))
        }
        let tool = JSONValue.object([("driver", SARIFLog.driver(rules: codes.descriptors, informationURI: informationURI))])
        return SARIFLog.document(tool: tool, results: results, artifacts: artifacts, exitCode: exitCode, summary: nil).pretty + "\n"
    }
}
