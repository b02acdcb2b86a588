import BylawEval
import BylawModel
import BylawReport
import BylawSource
import BylawYAML
import HTTPTypes
import HummingbirdCore
import NIOCore

extension ServeHandlers {
    /// `POST /v1/lint`: a workspace config (YAML) → what `bylaw lint --format json` prints for
    /// it, `{"findings", "diagnostics", "summary"}`, and the `revision` that judged it. A config
    /// that does not load is a 422 with its diagnostics.
    func lint(_ request: Request) async throws -> Response {
        let (start, snapshot, body) = try await open(request, .lint)
        let file = SourceFile(path: Self.inputPath, bytes: Array(body.readableBytesView))
        let (report, result) = ServeRuns.lint(file, policies: snapshot.policies)
        guard report.failedInputs.isEmpty else { throw invalidWorkspace(report.diagnostics) }
        let document = JSONValue.object([
            ("findings", .array(report.findings.map(\.jsonValue))), ("diagnostics", .array(report.diagnostics.map(\.jsonValue))),
            ("summary", result.summary.json), ("revision", .string(snapshot.revision)),
        ])
        metrics.record(.lint, since: start)
        return JSONResponse.make(document)
    }

    /// `POST /v1/plan`: a YAML (or JSON) document `{before: CONFIG, after: CONFIG}` → what
    /// `bylaw plan --format json` prints for the pair, and the `revision`. Without `before`,
    /// the workspace the server serves is the current config.
    func plan(_ request: Request) async throws -> Response {
        let (start, snapshot, body) = try await open(request, .plan)
        let file = SourceFile(path: Self.inputPath, bytes: Array(body.readableBytesView))
        let (before, after) = try planSides(file, snapshot: snapshot)
        let plan = try ServeRuns.plan(before: before, after: after, policies: snapshot.policies)
        var document = PlanReport.json(plan)
        if case .object(var pairs) = document {
            pairs.append(("revision", .string(snapshot.revision)))
            document = .object(pairs)
        }
        metrics.record(.plan, since: start)
        return JSONResponse.make(document)
    }

    private typealias Side = (workspace: Workspace, path: String)

    /// The two configs of a plan request, each loaded, or a 422 saying why not.
    private func planSides(_ file: SourceFile, snapshot: PolicySnapshot) throws -> (before: Side, after: Side) {
        let yaml = ServeRuns.parseYAML(file)
        if yaml.hasErrors { throw invalidWorkspace(yaml.diagnostics, message: "the request body is not valid YAML") }
        let expected = "expected one mapping with 'after:' (the proposed config) and, optionally, 'before:' (default: the served one)"
        guard yaml.documents.count == 1, let root = yaml.documents.first, let pairs = root.mapping else {
            let range = yaml.documents.first?.range ?? .at(0)
            throw invalidWorkspace([.error(.requestInvalidPlan, expected, in: file, at: range)], message: "the request body is not a plan request")
        }
        var problems: [Diagnostic] = []
        for pair in pairs where !(pair.key.scalarText(equals: "before") || pair.key.scalarText(equals: "after")) {
            problems.append(.error(.requestInvalidPlan, "unknown key '\(pair.key.scalarText ?? "?")'; \(expected)", in: file, at: pair.key.range))
        }
        guard let afterNode = root["after"] else {
            problems.append(.error(.requestInvalidPlan, "no 'after:'; \(expected)", in: file, at: root.range))
            throw invalidWorkspace(problems, message: "the request body is not a plan request")
        }
        if !problems.isEmpty { throw invalidWorkspace(problems, message: "the request body is not a plan request") }
        let after = ServeRuns.loadWorkspace(afterNode, file: file)
        var before: WorkspaceLoadResult?
        if let beforeNode = root["before"] { before = ServeRuns.loadWorkspace(beforeNode, file: file) }
        let diagnostics = (before?.diagnostics ?? []) + after.diagnostics
        guard let proposed = after.workspace else { throw invalidWorkspace(diagnostics) }
        guard let before else { return ((snapshot.workspace, snapshot.workspacePath), (proposed, Self.inputPath)) }
        guard let current = before.workspace else { throw invalidWorkspace(diagnostics) }
        return ((current, Self.inputPath), (proposed, Self.inputPath))
    }

    private func invalidWorkspace(_ diagnostics: [Diagnostic], message: String = "the workspace config does not load") -> APIError {
        let shown = Array(Diagnostic.sortedForDisplay(diagnostics).prefix(configuration.maxDiagnostics))
        return APIError(.unprocessableContent, .requestInvalidInput, message, diagnostics: shown)
    }
}
