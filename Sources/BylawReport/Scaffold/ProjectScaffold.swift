import BylawSource

/// The files `bylaw init` writes: a policy folder with one small policy and its tests, a
/// workspace config, the editor schemas and the VS Code settings that point at them.
///
/// The policy passes `bylaw check`, `bylaw test` and `bylaw lint` as written (a test runs all
/// three on a fresh scaffold). The schemas are the ones this build prints (``EditorSchema``),
/// so a project starts with schemas that match its `bylaw`.
public enum ProjectScaffold {
    /// One file of the scaffold.
    public struct File: Sendable {
        /// Relative to the project folder, `/`-separated.
        public let path: String
        /// What it is for, in a few words (`bylaw init` prints it).
        public let purpose: String
        /// The file's text.
        public let contents: String
    }

    /// Every file, in the order `bylaw init` lists them.
    public static var files: [File] {
        [
            File(path: "Policies/client-data.yaml", purpose: "a policy: one rule and the tests that prove it", contents: policy),
            File(path: "workspace.yaml", purpose: "a workspace config to lint", contents: workspace),
        ]
            + EditorSchema.allCases.map { File(path: "schemas/\($0.fileName)", purpose: "the \($0.rawValue) schema, for your editor", contents: $0.text) }
            + [File(path: ".vscode/settings.json", purpose: "VS Code: which schema checks which file", contents: vscodeSettings)]
    }

    /// The commands to run next, from the project folder, each with what it does.
    public static let nextSteps: [(command: String, purpose: String)] = [
        ("bylaw check", "compile the policies"),
        ("bylaw test", "run the tests written in them"),
        ("bylaw lint workspace.yaml", "check the workspace config against them"),
        ("bylaw handbook", "render them as a handbook"),
    ]

    /// The line that tells yaml-language-server which schema checks a file, for a file at
    /// `path` in the project.
    static func schemaLine(_ schema: EditorSchema, from path: String) -> String {
        let depth = path.split(separator: "/").count - 1
        return "# yaml-language-server: $schema=" + String(repeating: "../", count: depth) + "schemas/\(schema.fileName)\n"
    }

    static var policy: String {
        schemaLine(.policy, from: "Policies/client-data.yaml") + """
            policy: client-data
            title: Client data stays in the company's apps
            owner: legal@example.com
            handbook: |
              Client documents, patient details and account numbers never go into consumer chat
              apps. Use the company's own AI apps for client work.
            lists:
              client_data: [client, patient, account-number]
            rules:
              - id: no-client-data-in-consumer-chat
                title: Client data never goes into consumer chat
                on: usage
                enforcement: block
                forbid:
                  all:
                    - event.artifact.classification in client_data
                    - event.destination.kind == "consumer-chat"
                message: "{event.user} sent {event.artifact.classification} data to {event.destination.app}"
                hint: Use the company's chat app instead.
            tests:
              - name: a client PDF into consumer chat is blocked
                event: {kind: upload, user: alice, scope: org,
                        artifact: {type: pdf, classification: client},
                        destination: {kind: consumer-chat, app: chat-free}}
                expect: [no-client-data-in-consumer-chat]
              - name: public data in consumer chat is fine
                event: {kind: upload, user: alice, scope: org,
                        artifact: {type: pdf, classification: public},
                        destination: {kind: consumer-chat, app: chat-free}}
                expect: allow
              - name: client data in the company's app is fine
                event: {kind: upload, user: alice, scope: org,
                        artifact: {type: pdf, classification: client},
                        destination: {kind: company, app: company-chat}}
                expect: allow

            """
    }

    static var workspace: String {
        schemaLine(.workspace, from: "workspace.yaml") + """
            workspace: example
            name: Example Inc.
            billing:
              mode: single
              accounts:
                - {id: main, currency: USD, owner: finance@example.com}
            orgs:
              - {id: company, name: Example Inc.}
            users:
              - {id: alice, email: alice@example.com, org: company, status: active}
            providers:
              - {id: openai, vendor: OpenAI, custody: byos, training_opt_out: true}
            apps:
              - {id: company-chat, kind: company, owner: alice, provider: openai, data: [public, internal, client]}
              - {id: chat-free, kind: consumer-chat, owner: alice, provider: openai, data: [public]}

            """
    }

    /// `yaml.schemas`: which files each schema checks (the files' own `$schema` line says it
    /// too, for other editors).
    static var vscodeSettings: String {
        let globs: [(EditorSchema, [String])] = [
            (.policy, ["Policies/**/*.yaml", "Policies/**/*.yml"]), (.workspace, ["workspace.yaml", "workspaces/**/*.yaml"]),
        ]
        let schemas = JSONValue.object(globs.map { ("./schemas/\($0.0.fileName)", .array($0.1.map(JSONValue.string))) })
        return JSONValue.object([("yaml.schemas", schemas)]).pretty + "\n"
    }
}
