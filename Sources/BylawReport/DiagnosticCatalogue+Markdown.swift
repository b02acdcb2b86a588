import BylawSource

extension DiagnosticCatalogue {
    /// `docs/diagnostics.md`: the intro, then one section per stage with a table of its codes,
    /// each row anchored by its id.
    ///
    /// The page is generated, never edited by hand: a test compares the file with this output
    /// and `BYLAW_UPDATE_DOCS=1 swift test --filter DiagnosticCatalogueTests` rewrites it.
    public static func markdown() -> String {
        var out = """
            # Diagnostics

            <!-- Generated from the diagnostic code registries by DiagnosticCatalogue; do not edit. -->

            Every problem Bylaw reports has a stable code: it is printed after the message
            (`[policy.unknown-key]`), it is the SARIF rule id, and it is the anchor of its explanation
            here (`diagnostics.md#policy.unknown-key`). Text output is compiler-style:
            `file:line:column: severity: message [code]`, the source line with the range underlined, notes
            pointing at related places, and a hint. Columns count characters as a person does (é, 日 and
            👩‍👩‍👧 are one column each). All diagnostics of a run are collected, sorted by file and
            position, and capped (`--max-diagnostics`, default 100; the rest are counted).

            The tables give each code's severity and meaning. SARIF output describes every code it reports
            with the same text: a one-line summary as the rule's `shortDescription`, the meaning as its
            `fullDescription` and `help`, and the severity as its `defaultConfiguration.level`.

            Exit codes: any error in the inputs of a command (policies, a workspace config, a test input) is
            exit code `2`. Warnings do not change the exit code unless `--strict` is given. Malformed lines of
            a usage stream are reported and counted but do not change the exit code (unless `--max-errors`
            stops the run); see [usage-events.md](usage-events.md).


            """
        for section in sections {
            out += "## \(section.registry.prefix): \(section.title)"
            if let page = section.page { out += " ([\(page)](\(page)))" }
            out += "\n\n"
            if let intro = section.intro { out += intro + "\n\n" }
            out += "| code | severity | meaning |\n|---|---|---|\n"
            for code in section.registry.codes {
                out += "| <a id=\"\(code.id)\"></a>`\(code.id)` | \(severityText(code.severity)) | \(cell(code.help.description)) |\n"
            }
            if let outro = section.outro { out += "\n" + outro + "\n" }
            out += "\n"
        }
        return String(out.dropLast())
    }

    private static func severityText(_ severity: Severity?) -> String {
        severity?.rawValue ?? "error / warning"
    }

    /// Text as one table cell: a `|` would end it.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
