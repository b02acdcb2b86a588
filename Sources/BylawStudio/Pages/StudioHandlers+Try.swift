import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML

extension StudioHandlers {
    /// The two things *Try it* takes.
    enum TryMode: String {
        case event, workspace
    }

    /// `GET /try` and `POST /try`: an event (from the form built from the event schema, or raw
    /// JSON) against a workspace, or a workspace config on its own → the decision, the findings
    /// and why each rule decided as it did.
    func tryPage(_ call: Call) -> String {
        let frame = page("Try it", .tryIt)
        let fields = call.route == .tryItRun ? call.form : call.query
        let mode = TryMode(rawValue: fields["mode"] ?? "") ?? .event
        var out = "<h1>Try it</h1>"
        out += "<nav class=\"tabs\" aria-label=\"What to try\"><ul>"
        for (tab, title) in [(TryMode.event, "A usage event"), (.workspace, "A workspace config")] {
            out += "<li><a href=\"\(StudioRoute.tryIt.path)?mode=\(tab.rawValue)\"\(tab == mode ? " aria-current=\"page\"" : "")>\(title)</a></li>"
        }
        out += "</ul></nav>"
        let working = WorkingSet.load(configuration)
        guard let set = working.set else { return frame.render(out + notCompiling(working)) }
        let examples = ExampleFiles(folders)
        switch mode {
        case .event: out += tryEvent(call, fields: fields, set: set, examples: examples, frame: frame)
        case .workspace: out += tryWorkspace(call, fields: fields, set: set, examples: examples, frame: frame)
        }
        return frame.render(out)
    }

    // MARK: An event

    private func tryEvent(_ call: Call, fields: [String: String], set: PolicySet, examples: ExampleFiles, frame: StudioPage) -> String {
        var values = fields
        var json = fields["json"] ?? ""
        var problems: [String] = []
        if call.route == .tryIt, let example = fields["example"], !example.isEmpty {
            switch readExample(example) {
            case .success(let file):
                let loaded = YAMLLoader.load(file)
                if let node = loaded.documents.first, !loaded.hasErrors {
                    json = node.jsonValue.pretty
                    values.merge(EventForm.values(from: node.jsonValue)) { _, new in new }
                } else {
                    problems.append("\(example) is not one JSON or YAML document")
                }
            case .failure(let refusal): problems.append(refusal.message)
            }
        }
        let source = fields["source"] == "json" ? "json" : "form"
        if source == "form", call.route == .tryItRun {
            let made = EventForm.json(from: fields)
            problems += made.problems
            json = made.json
        }
        let chosenWorkspace = fields["workspace"] ?? (configuration.workspace == nil ? "none" : "studio")
        var out = examplePicker(.event, examples.events, selected: fields["example"]) + """
            <form method="post" action="\(StudioRoute.tryIt.path)" class="try-form" id="try-event">
            \(frame.tokenField)
            <input type="hidden" name="mode" value="event">
            \(workspaceChoice(chosenWorkspace, examples: examples))
            <fieldset class="source-choice"><legend>The event</legend>
            <label><input type="radio" name="source" value="form"\(source == "form" ? " checked" : "")> Fill in the form</label>
            <label><input type="radio" name="source" value="json"\(source == "json" ? " checked" : "")> Write JSON</label>
            </fieldset>
            <fieldset class="event-form" data-source="form"><legend class="visually-hidden">Event fields</legend>
            \(EventForm.html(values))
            </fieldset>
            <div class="event-json" data-source="json">
            <label for="event-json">The event as JSON (one object, as a line of a usage stream)</label>
            <textarea id="event-json" name="json" rows="12" spellcheck="false">\(h(json))</textarea>
            </div>
            <button type="submit" id="decide">Decide</button>
            </form>
            """
        guard call.route == .tryItRun || !problems.isEmpty else { return out }
        out += "<section class=\"result\" aria-labelledby=\"result-title\" id=\"result\"><h2 id=\"result-title\">Decision</h2>"
        if !problems.isEmpty {
            out += "<div class=\"error-state\" role=\"alert\"><ul>" + problems.map { "<li>\(h($0))</li>" }.joined() + "</ul></div>"
            return out + "</section>"
        }
        guard call.route == .tryItRun else { return out + "</section>" }
        let workspace: WorkspaceGraph?
        switch loadWorkspaceChoice(chosenWorkspace) {
        case .success(let graph): workspace = graph
        case .failure(let failure): return out + failure.html + "</section>"
        }
        out += decide(json, set: set, workspace: workspace)
        return out + "</section>"
    }

    /// The decision on one event's JSON: `deny` exactly when a `block` finding fires, as
    /// `bylaw serve` decides, with every finding and each rule's explanation.
    private func decide(_ json: String, set: PolicySet, workspace: WorkspaceGraph?) -> String {
        guard let graph = workspace ?? Workspace.empty().map(WorkspaceGraph.init) else { return "" }
        var decider = UsageDecider(policies: set, workspace: graph)
        var findings: [Finding] = []
        let bytes = Array(json.utf8)
        let outcome = bytes.withUnsafeBufferPointer { buffer in
            decider.decide(StreamLine(number: 1, offset: 0, bytes: buffer, maxLineLength: configuration.limits.maxBody), inputPath: "<event>") {
                findings.append($0)
            }
        }
        switch outcome {
        case .blank:
            return "<div class=\"error-state\" role=\"alert\">The event is empty: fill in the form or write a JSON object.</div>"
        case .malformed(let issue):
            return "<div class=\"error-state\" role=\"alert\">This is not a usage event: \(h(issue.message)) <code>\(h(issue.code.diagnosticCode.id))</code></div>"
        case .event:
            break
        }
        let denies = findings.contains { $0.enforcement == .block }
        var out = "<p class=\"decision \(denies ? "deny" : "allow")\" id=\"decision\">\(denies ? "deny" : "allow")</p>"
        out += "<h3>Findings</h3>" + FindingsHTML.list(findings, empty: "No rule fired.")
        out += explanations(.event(decider.event, workspace: graph), set: set)
        return out
    }

    // MARK: A workspace config

    private func tryWorkspace(_ call: Call, fields: [String: String], set: PolicySet, examples: ExampleFiles, frame: StudioPage) -> String {
        var text = fields["config"] ?? ""
        var problem: String?
        if call.route == .tryIt {
            if let example = fields["example"], !example.isEmpty {
                switch readExample(example) {
                case .success(let file): text = String(decoding: file.bytes, as: UTF8.self)
                case .failure(let refusal): problem = refusal.message
                }
            } else if let path = configuration.workspace, let file = try? SourceFile.read(path: path, maxBytes: configuration.limits.maxBody) {
                text = String(decoding: file.bytes, as: UTF8.self)
            }
        }
        var out = examplePicker(.workspace, examples.configs, selected: fields["example"]) + """
            <form method="post" action="\(StudioRoute.tryIt.path)" class="try-form">
            \(frame.tokenField)
            <input type="hidden" name="mode" value="workspace">
            <label for="config">A workspace config (YAML): a whole one, or a small one with just what the rules you try need</label>
            <textarea id="config" name="config" rows="18" spellcheck="false">\(h(text))</textarea>
            <button type="submit" id="lint">Check it</button>
            </form>
            """
        if let problem { out += "<div class=\"error-state\" role=\"alert\">\(h(problem))</div>" }
        guard call.route == .tryItRun else { return out }
        out += "<section class=\"result\" aria-labelledby=\"result-title\" id=\"result\"><h2 id=\"result-title\">Findings</h2>"
        let file = SourceFile(path: "<config>", text: text)
        let collector = FindingCollector()
        let result = LintRun(policies: set).run([.file(file)], into: collector)
        if !collector.failedInputs.isEmpty {
            out += "<div class=\"error-state\" role=\"alert\">This config does not load; fix it first:</div>"
            return out + DiagnosticsHTML.list(collector.diagnostics, limit: configuration.maxDiagnostics) + "</section>"
        }
        let blocks = result.status == .findings
        out += "<p class=\"decision \(blocks ? "deny" : "allow")\" id=\"decision\">\(blocks ? "fails" : "passes")</p>"
        out += DiagnosticsHTML.list(collector.diagnostics, limit: configuration.maxDiagnostics)
        out += FindingsHTML.list(collector.findings, empty: "No rule fired.")
        if let workspace = WorkspaceLoader.load(file).workspace { out += explanations(.workspace(WorkspaceGraph(workspace)), set: set) }
        return out + "</section>"
    }

    // MARK: Shared

    /// The form that fills *Try it* from an example file.
    private func examplePicker(_ mode: TryMode, _ entries: [ExampleFiles.Entry], selected: String?) -> String {
        let what = mode == .event ? "event" : "config"
        return """
            <form method="get" action="\(StudioRoute.tryIt.path)" class="inline-form">
            <input type="hidden" name="mode" value="\(mode.rawValue)">
            <label for="example-\(what)">Start from an example \(what)</label>
            <select id="example-\(what)" name="example"><option value="">—</option>\(ExampleFiles.options(entries, selected: selected))</select>
            <button type="submit">Load</button>
            </form>

            """
    }

    /// Why each rule the input runs fired or did not, as `bylaw explain` tells it.
    func explanations(_ input: ExplainRun.Input, set: PolicySet) -> String {
        switch ExplainRun(policies: set).run(input) {
        case .success(let outcome):
            return "<h3>Why, rule by rule</h3>" + ExplanationsHTML.list(outcome.explanations)
        case .failure(let diagnostic):
            return DiagnosticsHTML.list([diagnostic])
        }
    }

    /// A file of an example folder named `ROOT:PATH`, read.
    func readExample(_ qualified: String) -> Result<SourceFile, StudioFolders.Refusal> {
        folders.readable(qualified).flatMap { resolved in
            do throws(Diagnostic) {
                return .success(try SourceFile.read(path: resolved.full, maxBytes: configuration.limits.maxBody))
            } catch {
                return .failure(StudioFolders.Refusal(message: error.message))
            }
        }
    }

    /// Why a workspace could not be loaded, as HTML.
    struct WorkspaceFailure: Error {
        let html: String
    }

    /// The `<select>` of the workspace an event is judged against.
    func workspaceChoice(_ chosen: String, examples: ExampleFiles, name: String = "workspace", label: String = "Workspace") -> String {
        var options = ""
        if let path = configuration.workspace {
            options += "<option value=\"studio\"\(chosen == "studio" ? " selected" : "")>\(h(path)) (the studio's)</option>"
        }
        options += "<option value=\"none\"\(chosen == "none" ? " selected" : "")>none (an empty workspace)</option>"
        options += ExampleFiles.options(examples.configs, selected: chosen)
        return "<div class=\"field\"><label for=\"\(name)-choice\">\(h(label))</label><select id=\"\(name)-choice\" name=\"\(name)\">\(options)</select></div>"
    }

    /// The workspace a choice names: the studio's, none, or an example config.
    func loadWorkspaceChoice(_ chosen: String) -> Result<WorkspaceGraph?, WorkspaceFailure> {
        let loaded: WorkspaceLoadResult
        switch chosen {
        case "none": return .success(nil)
        case "studio":
            guard let path = configuration.workspace else { return .success(nil) }
            loaded = WorkspaceLoader.load(path: path)
        default:
            switch readExample(chosen) {
            case .success(let file): loaded = WorkspaceLoader.load(file)
            case .failure(let refusal): return .failure(WorkspaceFailure(html: "<div class=\"error-state\" role=\"alert\">\(h(refusal.message))</div>"))
            }
        }
        guard let workspace = loaded.workspace else {
            return .failure(WorkspaceFailure(
                html: "<div class=\"error-state\" role=\"alert\">The workspace does not load; fix it or choose another:</div>"
                    + DiagnosticsHTML.list(loaded.diagnostics, limit: configuration.maxDiagnostics)))
        }
        return .success(WorkspaceGraph(workspace))
    }
}
