import BylawEval
import BylawPolicy
import BylawSource

/// Compiler-style text, streamed: each finding as soon as it arrives, then a summary block.
///
/// ```
/// workspace.yaml:14:7: error: org 'eu' declares account 'b2' [billing/assigned-root]
///    14 │       billing_account: b2
///       │       ^~~~~~~~~~~~~~~~~~~
///       = hint: remove it; 'eu' inherits 'b1' from 'acme'
/// usage.ndjson:42: warning: client data pasted into consumer chat [data/consumer-chat]
///       = event: evt-42
/// ```
///
/// `block` prints as `error`, `warn` as `warning`, `audit` as `note`. Colour comes only from
/// the ``TextStyle`` passed in; control characters from the input are shown escaped.
public final class TextReport: FindingSink {
    private let output: ReportOutput
    private let style: TextStyle
    private let printer: DiagnosticPrinter
    private let diagnosticLimit: Int?
    private let closing: Closing
    private var tally = ReportTally()
    private var diagnosticsOmitted = 0
    private var inputs = 0

    /// How the report ends, after the findings.
    public struct Closing: Sendable {
        /// Print the run's summary as indented `key: value` lines before the count line.
        public var summary: Bool
        /// Start the count line with the number of input files (`3 files, 0 findings`).
        public var countsFiles: Bool

        /// The summary block and a count line of findings (`bylaw eval`).
        public static let full = Closing(summary: true, countsFiles: false)
        /// One line naming the files and findings (`bylaw lint` without `--summary`).
        public static let oneLine = Closing(summary: false, countsFiles: true)

        /// A closing with or without the summary block and the file count.
        public init(summary: Bool, countsFiles: Bool) {
            self.summary = summary
            self.countsFiles = countsFiles
        }
    }

    /// - Parameters:
    ///   - diagnosticLimit: input diagnostics printed at most (the rest are counted).
    ///   - closing: whether the summary block is printed and the count line names the files.
    public init(style: TextStyle = .plain, diagnosticLimit: Int? = nil, closing: Closing = .full, output: @escaping ReportOutput) {
        self.output = output
        self.style = style
        self.printer = DiagnosticPrinter(style: style)
        self.diagnosticLimit = diagnosticLimit
        self.closing = closing
    }

    public func begin(rules: [RuleDescriptor], inputs: [String]) { self.inputs = inputs.count }

    public func emit(_ finding: Finding) {
        tally.count(finding)
        output(TextReport.render(finding, style: style, printer: printer))
    }

    public func emit(_ diagnostic: Diagnostic) {
        tally.count(diagnostic)
        if let diagnosticLimit, tally.diagnostics > diagnosticLimit {
            diagnosticsOmitted += 1
            return
        }
        output(printer.render(TerminalText.clean(diagnostic)))
    }

    public func finish(summary: JSONValue) {
        var out = ""
        if diagnosticsOmitted > 0 {
            out += style.bold("… and \(diagnosticsOmitted) more diagnostic\(diagnosticsOmitted == 1 ? "" : "s") not shown") + "\n"
        }
        let body = closing.summary ? SummaryText.render(summary) : ""
        if !body.isEmpty { out += style.bold("summary:") + "\n" + body }
        let files = closing.countsFiles ? "\(inputs) file\(inputs == 1 ? "" : "s"), " : ""
        out += style.bold(files + tally.line) + "\n"
        output(out)
    }

    /// One finding in the compiler style, ending with a newline.
    static func render(_ finding: Finding, style: TextStyle, printer: DiagnosticPrinter) -> String {
        let severity = finding.enforcement.reportSeverity
        let code = finding.kind == .evaluationError ? "\(finding.rule.fullID), evaluation-error" : finding.rule.fullID
        let message = TerminalText.clean(finding.message)
        let hint = finding.hint.map(TerminalText.clean)
        if let span = finding.location {
            let diagnostic = Diagnostic(code: DiagnosticCode(unregistered: code), severity: severity, message: message, span: span, hint: hint)
            return printer.render(diagnostic)
        }
        var place = finding.inputPath
        if let event = finding.event { place += ":\(event.line)" }
        var out = style.bold(place + ":") + " " + style.severity(severity, "\(severity.rawValue):") + " "
            + style.bold(message) + " " + style.dim("[\(code)]") + "\n"
        if let id = finding.event?.id {
            out += "      " + style.dim("=") + " " + style.bold("event:") + " " + TerminalText.clean(id) + "\n"
        }
        if let hint {
            out += "      " + style.dim("=") + " " + style.bold("hint:") + " " + hint + "\n"
        }
        return out
    }
}
