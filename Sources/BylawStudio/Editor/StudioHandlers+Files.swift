import BylawSource
import HTTPTypes
import HummingbirdCore

extension StudioHandlers {
    /// The policy file a call names in `file`, checked (``StudioFolders``).
    func policyFile(_ call: Call, forWriting: Bool = false) throws -> StudioFolders.Resolved {
        let relative = call.route.method == "POST" ? call.form["file"] : call.query["file"]
        guard let relative else { throw StudioError(.badRequest, "No file was named (file=…).") }
        switch folders.policy(relative, forWriting: forWriting) {
        case .success(let resolved): return resolved
        case .failure(let refusal): throw StudioError(forWriting ? .forbidden : .notFound, refusal.message)
        }
    }

    /// `POST /api/check`: the text being edited (`file`, `text`) compiled with the rest of the
    /// folder → the diagnostics of that file at their places, and of the others.
    func check(_ call: Call) throws -> Response {
        let file = try policyFile(call, forWriting: true)
        let text = call.form["text"] ?? ""
        let working = WorkingSet.load(configuration, replacing: (file.full, text))
        let source = working.files.first { $0.path == file.full } ?? SourceFile(path: file.full, text: text)
        return StudioResponse.json(EditorDiagnostics.json(working, file: source, root: folders.policies.path, limit: configuration.maxDiagnostics))
    }

    /// `GET /api/file?file=…`: the file as it is on disk now and its version (the editor's
    /// "load the version on disk").
    func fileText(_ call: Call) throws -> Response {
        let file = try policyFile(call)
        guard let current = try readPolicy(file.full) else { throw StudioError(.notFound, "'\(file.relative)' does not exist") }
        return StudioResponse.json(.object([("text", .string(current.text)), ("version", .string(current.version))]))
    }

    /// `POST /api/save` (`file`, `text`, `version`, `confirm`): writes the file, unless it
    /// changed on disk since `version` was read (409, with the text on disk and the
    /// difference) or the text does not compile and `confirm` is not `1` (422, with the
    /// errors).
    func save(_ call: Call) throws -> Response {
        let file = try policyFile(call, forWriting: true)
        guard let text = call.form["text"], let version = call.form["version"] else {
            throw StudioError(.badRequest, "A save needs the text and the version it was opened at.")
        }
        guard file.relative.hasSuffix(".yaml") || file.relative.hasSuffix(".yml") else {
            throw StudioError(.forbidden, "Policy files end in .yaml or .yml; '\(file.relative)' would not be read as a policy.")
        }
        let current = try readPolicy(file.full)
        if (current?.version ?? PolicyFileStore.absent) != version {
            let disk = current?.text ?? ""
            let diff = LineDiff(from: text, to: disk)
            return StudioResponse.json(.object([
                ("conflict", .bool(true)), ("exists", .bool(current != nil)), ("text", .string(disk)),
                ("version", .string(current?.version ?? PolicyFileStore.absent)), ("diff", .string(diff.html())),
            ]), status: .conflict)
        }
        let working = WorkingSet.load(configuration, replacing: (file.full, text))
        let errors = working.diagnostics(of: file.full).filter { $0.severity == .error }
        if !errors.isEmpty, call.form["confirm"] != "1" {
            return StudioResponse.json(.object([
                ("invalid", .bool(true)), ("errors", .int(Int64(errors.count))),
                ("first", .string(DiagnosticsHTML.place(errors[0], relativeTo: folders.policies.path) + ": " + errors[0].message)),
            ]), status: .unprocessableContent)
        }
        if let failure = PolicyFileStore.write(text, to: file.full, root: folders.policies.path) {
            throw StudioError(.internalServerError, failure)
        }
        logger.info("saved \(file.full)")
        return StudioResponse.json(.object([
            ("saved", .bool(true)), ("version", .string(PolicyFileStore.digest(Array(text.utf8)))), ("compiles", .bool(errors.isEmpty)),
        ]))
    }

    func readPolicy(_ path: String) throws -> (text: String, version: String)? {
        do {
            return try PolicyFileStore.read(path, maxBytes: configuration.limits.maxBody)
        } catch {
            throw StudioError(.unprocessableContent, error.message, diagnostics: [error])
        }
    }
}
