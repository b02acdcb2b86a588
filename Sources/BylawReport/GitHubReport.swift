import BylawEval
import BylawPolicy
import BylawSource

/// GitHub Actions annotations, streamed: one workflow command per finding, which the runner
/// turns into an annotation on the line of the pull request's diff.
///
/// ```
/// ::error file=workspace.yaml,line=14,col=7,endLine=14,endColumn=26,title=billing/assigned-root%3A Child orgs inherit::org 'eu' declares …
/// ```
///
/// `block` → `::error`, `warn` → `::warning`, `audit` → `::notice`. Input diagnostics are
/// annotations at their severity titled with their code. The run ends with a plain count line.
public final class GitHubReport: FindingSink {
    private let output: ReportOutput
    private var tally = ReportTally()

    /// A sink writing through `output` (stdout in the CLI, a ``ReportBuffer`` in tests).
    public init(output: @escaping ReportOutput) { self.output = output }

    public func begin(rules: [RuleDescriptor], inputs: [String]) {}

    public func emit(_ finding: Finding) {
        tally.count(finding)
        var message = finding.message
        if finding.kind == .evaluationError { message = "evaluation error: " + message }
        if let id = finding.event?.id { message += " (event \(id))" }
        if let hint = finding.hint { message += "\nhint: " + hint }
        var properties = GitHubReport.position(span: finding.location, path: finding.inputPath)
        if finding.location == nil, let event = finding.event { properties.append(("line", String(event.line))) }
        properties.append(("title", "\(finding.rule.fullID): \(finding.rule.title)"))
        let command = WorkflowCommand(name: finding.enforcement.reportSeverity.githubCommand, properties: properties, message: message)
        output(command.line + "\n")
    }

    public func emit(_ diagnostic: Diagnostic) {
        tally.count(diagnostic)
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\nhint: " + hint }
        var properties = GitHubReport.position(span: diagnostic.span, path: diagnostic.path)
        properties.append(("title", diagnostic.code))
        output(WorkflowCommand(name: diagnostic.severity.githubCommand, properties: properties, message: message).line + "\n")
    }

    public func finish(summary: JSONValue) {
        output("bylaw: " + tally.line + "\n")
    }

    /// `file`, `line`, `col` and, for a non-empty span, `endLine` and `endColumn`.
    static func position(span: SourceSpan?, path: String?) -> [(String, String)] {
        guard let span else { return path.map { [("file", $0)] } ?? [] }
        let start = span.start
        var properties = [("file", span.file.path), ("line", String(start.line)), ("col", String(start.column))]
        if span.range.length > 0 {
            let end = span.end
            properties += [("endLine", String(end.line)), ("endColumn", String(end.column))]
        }
        return properties
    }
}
