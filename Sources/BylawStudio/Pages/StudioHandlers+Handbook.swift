import BylawReport
import HTTPTypes
import HummingbirdCore

extension StudioHandlers {
    /// `GET /handbook`: the handbook of the folder as it is on disk now, shown in a frame exactly
    /// as `bylaw handbook --format html` writes it (and downloadable as that file).
    func handbookPage() -> String {
        let frame = page("Handbook", .handbook)
        let working = WorkingSet.load(configuration)
        var out = "<h1>Handbook</h1>"
        guard let set = working.set else { return frame.render(out + notCompiling(working)) }
        let count = set.policies.count
        out += "<p class=\"toolbar\">Rendered now from the \(count) polic\(count == 1 ? "y" : "ies") in <code>\(h(folders.policies.path))/</code>, "
        out += "as <code>bylaw handbook --format html</code> writes it. "
        out += "<a href=\"\(StudioRoute.handbookPage.path)\" target=\"_blank\" rel=\"noopener\">Open on its own</a> · "
        out += "<a href=\"\(StudioRoute.handbookPage.path)?download=1\" download=\"handbook.html\">Download handbook.html</a></p>"
        out += "<iframe class=\"handbook\" id=\"handbook-frame\" title=\"The handbook\" src=\"\(StudioRoute.handbookPage.path)\" "
        out += "sandbox=\"allow-popups allow-popups-to-escape-sandbox\"></iframe>"
        return frame.render(out)
    }

    /// `GET /handbook/page[?download=1]`: the handbook itself, byte for byte what
    /// `bylaw handbook --format html` prints for the folder. `POST` (the editor's preview, with
    /// `file` and `text`): the same with the text being edited in place of its file.
    func handbookDocument(_ call: Call) throws -> Response {
        var working = WorkingSet.load(configuration)
        if call.route == .handbookPreview {
            let file = try policyFile(call, forWriting: true)
            working = WorkingSet.load(configuration, replacing: (file.full, call.form["text"] ?? ""))
        }
        guard let set = working.set else {
            var text = "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Handbook</title>"
            text += "<p>The policies do not compile, so there is no handbook to show. Fix these first:</p><ul>"
            for error in working.errors.prefix(configuration.maxDiagnostics) {
                text += "<li>\(h(DiagnosticsHTML.place(error, relativeTo: folders.policies.path))): \(h(error.message))</li>"
            }
            return StudioResponse.html(text + "</ul></html>", status: .unprocessableContent, policy: StudioResponse.handbookPolicy)
        }
        var response = StudioResponse.html(Handbook.html(set, title: configuration.title), policy: StudioResponse.handbookPolicy)
        if call.query["download"] == "1" {
            response.headers[.contentDisposition] = "attachment; filename=\"handbook.html\""
        }
        return response
    }
}
