import BylawSource

extension StudioHandlers {
    /// `GET /edit?file=…` (`&new=1` for a file to create): a policy in the editor pane, with
    /// line numbers, the compiler's diagnostics inline and in a list, and save.
    func editorPage(_ call: Call) throws -> String {
        let isNew = call.query["new"] == "1"
        let file = try policyFile(call, forWriting: isNew)
        var text: String
        var version: String
        if let current = try readPolicy(file.full) {
            (text, version) = current
        } else {
            guard isNew else { throw StudioError(.notFound, "'\(file.relative)' does not exist") }
            guard file.relative.hasSuffix(".yaml") || file.relative.hasSuffix(".yml") else {
                throw StudioError(.badRequest, "A policy file's name ends in .yaml or .yml.")
            }
            text = Self.newPolicy(named: file.relative)
            version = PolicyFileStore.absent
        }
        let working = WorkingSet.load(configuration, replacing: (file.full, text))
        let source = working.files.first { $0.path == file.full } ?? SourceFile(path: file.full, text: text)
        let initial = EditorDiagnostics.json(working, file: source, root: folders.policies.path, limit: configuration.maxDiagnostics)
        let policyIDs = working.documents.filter { $0.file.path == file.full }.map(\.id)
        let testsLink = policyIDs.first.map { "\(StudioRoute.tests.path)?policy=\(FormFields.encode($0))" } ?? StudioRoute.tests.path
        let content = """
            <h1><span class="muted">Policy file</span> \(h(file.relative))\(version == PolicyFileStore.absent ? " <span class=\"badge warn\">new</span>" : "")</h1>
            <div class="editor-layout" id="editor" data-file="\(h(file.relative))" data-version="\(h(version))">
            <section class="editor-pane" aria-label="Editor">
            <div class="toolbar" role="toolbar" aria-label="File">
            <button type="button" id="save" aria-keyshortcuts="Control+S">Save <kbd>Ctrl+S</kbd></button>
            <button type="button" id="reload">Load from disk</button>
            <a href="\(h(testsLink))" id="run-tests">Run this policy's tests</a>
            <form method="post" action="\(StudioRoute.handbookPreview.path)" target="_blank" id="preview-form" class="inline">
            \(page(file.relative, .policies).tokenField)
            <input type="hidden" name="file" value="\(h(file.relative))">
            <input type="hidden" name="text" id="preview-text">
            <button type="submit" id="preview">Preview the handbook</button>
            </form>
            <span id="status" class="status" role="status" aria-live="polite">Checking…</span>
            </div>
            <div class="code-editor">
            <div class="gutter" id="gutter" aria-hidden="true"></div>
            <div class="code-area">
            <pre class="highlights" id="highlights" aria-hidden="true"></pre>
            <label for="source" class="visually-hidden">Policy source of \(h(file.relative))</label>
            <textarea id="source" spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off" aria-describedby="caret-message">\(h(text))</textarea>
            </div>
            </div>
            <p class="muted">Tab indents; press Esc, then Tab, to move on from the editor.</p>
            <p id="caret-message" class="caret-message" aria-live="polite"></p>
            </section>
            <aside class="problems" aria-labelledby="problems-title">
            <h2 id="problems-title">Problems</h2>
            <ul id="problems" class="diagnostics"></ul>
            <h3 id="elsewhere-title" hidden>In other files</h3>
            <ul id="elsewhere" class="diagnostics"></ul>
            </aside>
            </div>
            <script type="application/json" id="initial-diagnostics">\(Self.scriptJSON(initial.compact))</script>
            <dialog id="conflict-dialog" aria-labelledby="conflict-title">
            <h2 id="conflict-title">The file changed on disk</h2>
            <p>Someone (or another program) saved <code>\(h(file.relative))</code> after you opened it. Lines marked <code>-</code> are only in your text, <code>+</code> only on disk:</p>
            <div id="conflict-diff"></div>
            <div class="dialog-actions">
            <button type="button" id="conflict-overwrite">Save mine over it</button>
            <button type="button" id="conflict-load">Load the version on disk (drop my changes)</button>
            <button type="button" id="conflict-cancel">Keep editing</button>
            </div>
            </dialog>
            <dialog id="invalid-dialog" aria-labelledby="invalid-title">
            <h2 id="invalid-title">This policy does not compile</h2>
            <p id="invalid-message"></p>
            <p>Saved as it is, every command that reads the folder (<code>bylaw check</code>, <code>lint</code>, <code>serve</code>) stops at it until it is fixed.</p>
            <div class="dialog-actions">
            <button type="button" id="invalid-save">Save anyway</button>
            <button type="button" id="invalid-cancel">Keep editing</button>
            </div>
            </dialog>
            """
        return page(file.relative, .policies).render(content, bodyClass: "editing")
    }

    /// JSON inside a `<script type="application/json">`: `</` written `<\/` so the text cannot
    /// close the element.
    static func scriptJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "</", with: "<\\/")
    }

    /// The text a new policy file starts with: a complete policy with one rule and its test.
    static func newPolicy(named relative: String) -> String {
        var id = relative.split(separator: "/").last.map(String.init) ?? "new-policy"
        for suffix in [".yaml", ".yml"] where id.hasSuffix(suffix) { id.removeLast(suffix.count) }
        id = String(id.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        return """
            policy: \(id.isEmpty ? "new-policy" : id)
            title: What this policy is about
            owner: you@example.com
            handbook: |
              What this policy asks of people, in plain words.
            rules:
              - id: no-shares-into-private-scope
                title: Work is not shared into a private scope
                on: usage
                enforcement: warn
                forbid:
                  all:
                    - event.kind == "share"
                    - event.target.scope == "private"
                message: "{event.user} shared work into a private scope"
            tests:
              - name: a share into a private scope is flagged
                event: {kind: share, user: alice, org: us, scope: org, target: {scope: private}}
                expect: [no-shares-into-private-scope]
              - name: a share inside the org is fine
                event: {kind: share, user: alice, org: us, scope: org, target: {scope: org}}
                expect: allow

            """
    }
}
