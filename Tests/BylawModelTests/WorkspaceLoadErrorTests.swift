import BylawModel
import BylawSource
import Testing

/// Every load error code, at the exact node, with its "did you mean" where one applies.
@Suite struct WorkspaceLoadErrorTests {
    @Test func unknownKeySuggestsTheClosestKey() throws {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: single, accounts: [{id: main, currency: EUR}]}
            orgs:
              - id: us
                1️⃣parnet: eu
            """)
        let diagnostic = try onlyDiagnostic(config)
        #expect(diagnostic.code == .workspaceUnknownKey)
        #expect(diagnostic.position == config.position("1"))
        #expect(diagnostic.position == "5:5")
        #expect(diagnostic.message == "unknown key 'parnet' in an org")
        #expect(diagnostic.hint == "did you mean 'parent'?")
    }

    @Test func unknownKeyFarFromEveryKeyListsTheKeys() throws {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: single, 1️⃣colour: blue}
            """)
        let diagnostic = try onlyDiagnostic(config)
        #expect(diagnostic.code == .workspaceUnknownKey)
        #expect(diagnostic.position == config.position("1"))
        #expect(diagnostic.hint == "the billing section has the keys: mode, accounts, labels")
    }

    @Test func missingRequiredFieldPointsAtTheObject() throws {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: single}
            orgs: [{id: us}]
            users:
              - 1️⃣id: alice
                email: alice@example.com
            """)
        let diagnostic = try onlyDiagnostic(config)
        #expect(diagnostic.code == .workspaceMissingField)
        #expect(diagnostic.position == config.position("1"))
        #expect(diagnostic.message == "user 'alice' is missing required field 'org'")
    }

    @Test func missingWorkspaceIDAndBillingAreBothReported() {
        let result = MarkedConfig("name: Acme\n").load()
        #expect(result.diagnostics.map(\.code) == [.workspaceMissingField, .workspaceMissingField])
        #expect(result.diagnostics.map(\.message) == [
            "the workspace config is missing required field 'workspace'",
            "the workspace config is missing required field 'billing'",
        ])
    }

    @Test func wrongTypesAreReportedAtTheValue() {
        let config = MarkedConfig("""
            workspace: acme
            name: 1️⃣[a, b]
            billing: {mode: pooled, accounts: [{id: a, currency: EUR}]}
            subscriptions: [{id: s, account: a, resource: seats, quantity: 2️⃣ten}]
            providers: [{id: p, vendor: openai, custody: byos, training_opt_out: 3️⃣"yes"}]
            orgs: 4️⃣{id: us}
            """)
        let result = config.load()
        #expect(result.workspace == nil)
        #expect(result.diagnostics.map(\.code) == Array(repeating: DiagnosticCode.workspaceWrongType, count: 4))
        #expect(result.diagnostics.map(\.position) == ["1", "2", "3", "4"].map { config.position($0) })
        #expect(result.diagnostics.map(\.message) == [
            "expected a string for 'name', found a sequence",
            "expected an integer for 'quantity', found a string",
            "expected a boolean for 'training_opt_out', found a string",
            "expected a list for 'orgs', found a mapping",
        ])
    }

    @Test func aDocumentThatIsNotAMappingIsAWrongType() throws {
        let diagnostic = try onlyDiagnostic(MarkedConfig("- workspace: acme\n"))
        #expect(diagnostic.code == .workspaceWrongType)
        #expect(diagnostic.message == "expected a workspace config (a mapping), found a sequence")
        #expect(diagnostic.position == "1:1")
    }

    @Test func invalidValues() {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: pooled, accounts: [{id: a, currency: EUR}]}
            subscriptions: [{id: s, account: a, resource: seats, quantity: 1️⃣-3}]
            orgs: [{id: us}]
            users:
              - {id: bob, org: us, status: offboarded, offboarded_on: 2️⃣2025-02-30}
              - {id: 3️⃣"", org: us}
            """)
        let result = config.load()
        #expect(result.diagnostics.map(\.code) == Array(repeating: DiagnosticCode.workspaceInvalidValue, count: 3))
        #expect(result.diagnostics.map(\.position) == ["1", "2", "3"].map { config.position($0) })
        #expect(result.diagnostics[1].message == "'offboarded_on' must be a date written YYYY-MM-DD, found '2025-02-30'")
    }

    @Test func unknownEnumValuesSuggestTheClosestValue() {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: 1️⃣asigned}
            orgs: [{id: us}]
            users: [{id: al, org: us, status: 2️⃣gone}]
            providers: [{id: p, vendor: groq, custody: 3️⃣shared_login}]
            apps: [{id: chat, kind: 4️⃣consumer, provider: p, data: [internal, 5️⃣clinet]}]
            """)
        let result = config.load()
        #expect(result.diagnostics.map(\.code) == Array(repeating: DiagnosticCode.workspaceUnknownEnum, count: 5))
        #expect(result.diagnostics.map(\.position) == ["1", "2", "3", "4", "5"].map { config.position($0) })
        #expect(result.diagnostics.map(\.message) == [
            "unknown billing mode 'asigned'", "unknown user status 'gone'", "unknown custody 'shared_login'",
            "unknown app kind 'consumer'", "unknown data classification 'clinet'",
        ])
        #expect(result.diagnostics.map(\.hint) == [
            "did you mean 'assigned'?", "expected one of: active, offboarded", "did you mean 'shared-login'?",
            "expected one of: company, consumer-chat", "did you mean 'client'?",
        ])
    }

    @Test func duplicateIDsNoteTheFirstDefinition() throws {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: single, accounts: [{id: main, currency: EUR}]}
            orgs:
              - id: 1️⃣us
              - id: eu
              - id: 2️⃣us
            users: [{id: us, org: us}]
            """)
        let diagnostic = try onlyDiagnostic(config)
        #expect(diagnostic.code == .workspaceDuplicateID)
        #expect(diagnostic.message == "duplicate org id 'us'")
        #expect(diagnostic.position == config.position("2"))
        #expect(diagnostic.notes.count == 1)
        #expect(diagnostic.notes.first?.span?.range.start == config.offset("1"))
    }

    @Test func unknownReferencesOfEveryKind() {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: assigned, accounts: [{id: acct-us, currency: USD}]}
            subscriptions: [{id: s, account: 1️⃣acct-su, resource: seats}]
            orgs:
              - {id: engineering, billing_account: acct-us}
              - {id: research, parent: 2️⃣enginering}
              - {id: ops, billing_account: 3️⃣acct-eu}
            users: [{id: alice, org: 4️⃣engineerin}]
            providers: [{id: openai, vendor: openai, custody: byos}]
            apps: [{id: wiki, kind: company, owner: 5️⃣alcie, provider: 6️⃣open-ai, orgs: [7️⃣ops, 8️⃣legal]}]
            """)
        let result = config.load()
        #expect(result.workspace == nil)
        #expect(result.diagnostics.allSatisfy { $0.code == .workspaceUnknownReference })
        #expect(result.diagnostics.map(\.position) == ["1", "2", "3", "4", "5", "6", "8"].map { config.position($0) })
        #expect(result.diagnostics.map(\.message) == [
            "unknown billing account 'acct-su'", "unknown parent org 'enginering'", "unknown billing account 'acct-eu'",
            "unknown org 'engineerin'", "unknown user 'alcie'", "unknown provider 'open-ai'", "unknown org 'legal'",
        ])
        #expect(result.diagnostics.map(\.hint) == [
            "did you mean 'acct-us'?", "did you mean 'engineering'?", "did you mean 'acct-us'?",
            "did you mean 'engineering'?", "did you mean 'alice'?", "did you mean 'openai'?", nil,
        ])
        #expect(config.offset("7") >= 0)
    }

    @Test func everyErrorOfAFileIsReportedInOnePass() {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: singel}
            orgs:
              - {id: a, parent: b}
              - {id: b, parent: a}
              - {id: c, parent: zz}
              - {id: c}
            users: [{id: u, org: q, colour: red}]
            """)
        let codes = config.load().diagnostics.map(\.code)
        #expect(codes == [
            .workspaceUnknownEnum, .workspaceOrgCycle, .workspaceUnknownReference, .workspaceDuplicateID,
            .workspaceUnknownReference, .workspaceUnknownKey,
        ])
    }

    @Test func yamlErrorsStopBeforeDecoding() {
        let result = MarkedConfig("workspace: acme\nworkspace: again\n").load()
        #expect(result.workspace == nil)
        #expect(result.diagnostics.map(\.code) == [.yamlDuplicateKey])
    }

    @Test func aFileWithTwoDocumentsIsRejected() throws {
        let diagnostic = try onlyDiagnostic(MarkedConfig("workspace: a\nbilling: {mode: single}\n---\nworkspace: b\n"))
        #expect(diagnostic.code == .workspaceDocumentCount)
        #expect(diagnostic.position == "4:1")
    }
}
