import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML

/// Every diagnostic code Bylaw reports, gathered from the registries of the stages that report
/// them, in the sections of `docs/diagnostics.md`.
///
/// SARIF output describes its rules from here (summary, help, a link to the code's anchor), and
/// the page is generated from here (``markdown()``), so neither can drift from the codes.
public enum DiagnosticCatalogue {
    /// One stage's codes as a section of the page: `## PREFIX: TITLE ([PAGE](PAGE))`, prose before
    /// and after the table.
    public struct Section: Sendable {
        /// The stage's codes, in the order of the table.
        public let registry: DiagnosticRegistry
        /// What the stage reads (`the YAML source layer`), after the prefix in the heading.
        public let title: String
        /// The page of the docs that explains the stage, linked from the heading.
        public let page: String?
        /// Prose between the heading and the table.
        public let intro: String?
        /// Prose after the table.
        public let outro: String?

        init(_ registry: DiagnosticRegistry, _ title: String, page: String? = nil, intro: String? = nil, outro: String? = nil) {
            self.registry = registry
            self.title = title
            self.page = page
            self.intro = intro
            self.outro = outro
        }
    }

    /// The docs page the catalogue is, relative to the docs folder.
    public static let page = "diagnostics.md"

    /// The page's sections, in order.
    public static let sections: [Section] = [
        Section(.input, "files"),
        Section(.yaml, "the YAML source layer", page: "yaml.md"),
        Section(.policy, "policy documents and the compiler", page: "policy-language.md"),
        Section(
            .cel, "expressions", page: "cel.md",
            intro: """
                Errors inside an expression point at the exact column in the YAML file, through plain, quoted
                and block scalars alike.
                """,
            outro: """
                In `lint` and `eval` an evaluation error inside a rule is a finding of kind `evaluation-error`
                under the rule's own id and enforcement: never silent, never read as "allowed".
                """),
        Section(.workspace, "workspace configs", page: "workspace.md"),
        Section(.stream, "usage streams", page: "usage-events.md"),
        Section(.test, "`bylaw test`"),
        Section(.explain, "`bylaw explain`", page: "explain.md"),
        Section(
            .serve, "`bylaw serve`", page: "serve.md",
            intro: "Start-up and reload problems of the decision server."),
        Section(.server, "the decision server's own failures", page: "serve.md"),
        Section(
            .request, "what a request to `bylaw serve` got wrong", page: "serve.md",
            intro: "The codes of the server's error responses (`{\"error\": {\"code\", ...}}`), with their HTTP status."),
    ]

    /// Every code, in page order.
    public static let codes: [DiagnosticCode] = sections.flatMap(\.registry.codes)

    private static let byID: [String: DiagnosticCode] = Dictionary(codes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The catalogued code with this id, or `nil` for a code no registry declares.
    public static func code(id: String) -> DiagnosticCode? { byID[id] }

    /// The address of a code's explanation, given the address of the docs folder
    /// (`https://example.com/bylaw/docs/`); `nil` for a code the page does not explain.
    public static func helpURI(of code: DiagnosticCode, documentation: String) -> String? {
        guard byID[code.id] != nil else { return nil }
        let base = documentation.hasSuffix("/") ? documentation : documentation + "/"
        return base + page + "#" + code.id
    }
}
