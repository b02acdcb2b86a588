import Testing

/// Every file in Examples/, with what the shipped policies must say about it, written by hand
/// from reading the file: each finding as `RULE@LINE:COLUMN` (`RULE@LINE` for a stream event),
/// each input diagnostic as `CODE@LINE:COLUMN`.
enum ExampleCatalog {
    struct Workspace: CustomTestStringConvertible, Sendable {
        let file: String
        let exitCode: Int32
        var findings: [String] = []
        var diagnostics: [String] = []

        var path: String { "Examples/workspaces/\(file)" }
        var name: String { String(file.dropLast(".yaml".count)) }
        var testDescription: String { file }
    }

    struct Stream: CustomTestStringConvertible, Sendable {
        let file: String
        let workspace: String
        let exitCode: Int32
        var findings: [String] = []
        var diagnostics: [String] = []
        /// read, evaluated, blank, malformed
        let lines: (read: Int, evaluated: Int, blank: Int, malformed: Int)
        var excepted = 0

        var path: String { "Examples/usage/\(file)" }
        var workspacePath: String { "Examples/workspaces/\(workspace)" }
        var name: String { String(file.dropLast(".ndjson".count)) }
        var testDescription: String { "\(file) on \(workspace)" }
    }

    static let workspaces: [Workspace] = [
        // Valid, one per billing mode, and the workspace the policy tests use.
        Workspace(file: "acme.yaml", exitCode: 0),
        Workspace(file: "assigned.yaml", exitCode: 0),
        Workspace(file: "pooled.yaml", exitCode: 0),
        Workspace(file: "single.yaml", exitCode: 0),
        // Load errors: invalid input, no policy runs.
        Workspace(file: "broken-cycle.yaml", exitCode: 2, diagnostics: ["workspace.org-cycle@10:13"]),
        Workspace(file: "broken-duplicate-id.yaml", exitCode: 2, diagnostics: ["workspace.duplicate-id@11:10"]),
        Workspace(
            file: "broken-unknown-enum.yaml", exitCode: 2,
            diagnostics: [
                "workspace.unknown-enum@5:9", "workspace.unknown-enum@10:43", "workspace.unknown-enum@12:22",
                "workspace.unknown-enum@12:62",
            ]),
        Workspace(file: "broken-unknown-parent.yaml", exitCode: 2, diagnostics: ["workspace.unknown-reference@10:13"]),
        Workspace(
            file: "broken-unknown-reference.yaml", exitCode: 2,
            diagnostics: [
                "workspace.unknown-reference@8:26", "workspace.unknown-reference@12:22",
                "workspace.unknown-reference@16:38", "workspace.unknown-reference@16:55",
            ]),
        // One per workspace rule: the rule fires at the field (or object) that decides it.
        Workspace(file: "violates-app-has-owner.yaml", exitCode: 1, findings: ["apps/app-has-owner@21:5"]),
        Workspace(file: "violates-app-owner-active.yaml", exitCode: 1, findings: ["apps/app-owner-active@20:5"]),
        Workspace(
            file: "violates-child-org-inherits-account.yaml", exitCode: 1,
            findings: ["billing-mode/child-org-inherits-account@22:5"]),
        Workspace(
            file: "violates-client-data-needs-byos.yaml", exitCode: 1,
            findings: ["apps/client-data-needs-byos@23:5", "apps/client-data-needs-byos@28:5"]),
        Workspace(
            file: "violates-consumer-chat-no-client-data.yaml", exitCode: 1,
            findings: ["apps/consumer-chat-no-client-data@21:5"]),
        Workspace(file: "violates-offboarded-own-nothing.yaml", exitCode: 1, findings: ["apps/offboarded-own-nothing@16:5"]),
        Workspace(file: "violates-one-currency.yaml", exitCode: 1, findings: ["billing-mode/one-currency@10:25"]),
        Workspace(
            file: "violates-pooled-account-contributes.yaml", exitCode: 1,
            findings: ["billing-mode/pooled-account-contributes@10:7"]),
        Workspace(file: "violates-pooled-has-accounts.yaml", exitCode: 1, findings: ["billing-mode/pooled-has-accounts@8:3"]),
        Workspace(
            file: "violates-single-has-one-account.yaml", exitCode: 1, findings: ["billing-mode/single-has-one-account@8:3"]),
        Workspace(
            file: "violates-top-level-org-has-account.yaml", exitCode: 1,
            findings: ["billing-mode/top-level-org-has-account@21:5"]),
    ]

    static let streams: [Stream] = [
        Stream(
            file: "examples.ndjson", workspace: "acme.yaml", exitCode: 1,
            findings: [
                "app-use/app-accepts-classification@9",
                "app-use/app-accepts-classification@10", "client-data/no-client-data-in-consumer-chat@10",
                "app-use/app-accepts-classification@11", "client-data/no-client-data-in-consumer-chat@11",
                "app-use/app-accepts-classification@12", "client-data/no-client-data-in-consumer-chat@12",
                "client-data/internal-data-in-consumer-chat@13",
                "client-data/internal-data-in-consumer-chat@14",
                "sharing/no-org-to-private-share@17",
                "sharing/no-cross-silo-share@18",
                "sharing/no-org-to-private-share@21", "sharing/no-cross-silo-share@21",
                "sharing/no-cross-silo-subscription@22",
                "offboarding/offboarded-user-usage@23",
                "app-use/app-accepts-classification@24", "client-data/no-client-data-in-consumer-chat@24",
                "offboarding/offboarded-user-usage@24",
                "attribution/org-known@25",
                "attribution/org-known@26",
                "attribution/currency-matches@27",
                "attribution/currency-matches@28",
                "app-use/app-known@29", "client-data/internal-data-in-consumer-chat@29",
            ],
            lines: (read: 40, evaluated: 40, blank: 0, malformed: 0)),
        Stream(
            file: "broken.ndjson", workspace: "acme.yaml", exitCode: 0,
            diagnostics: [
                "stream.invalid-json@2:48", "stream.not-an-object@3:1", "stream.wrong-type@5:56", "stream.wrong-type@6:64",
                "stream.invalid-value@8:25", "stream.number-out-of-range@9:62", "stream.duplicate-field@10:49",
                "stream.invalid-utf8@11:45", "stream.too-deep@13:104", "stream.invalid-json@14:45",
                "stream.invalid-json@16:49", "stream.invalid-json@18:35",
            ],
            lines: (read: 20, evaluated: 6, blank: 2, malformed: 12)),
        Stream(
            file: "unbilled.ndjson", workspace: "violates-top-level-org-has-account.yaml", exitCode: 1,
            findings: ["attribution/billing-resolves@2", "attribution/billing-resolves@4"],
            lines: (read: 4, evaluated: 4, blank: 0, malformed: 0)),
        Stream(
            file: "redaction-bot.ndjson", workspace: "acme.yaml", exitCode: 1,
            findings: [
                "app-use/app-accepts-classification@1",
                "app-use/app-accepts-classification@2", "client-data/no-client-data-in-consumer-chat@2",
            ],
            lines: (read: 3, evaluated: 3, blank: 0, malformed: 0), excepted: 1),
    ]
}
