import BylawPolicy
import BylawSource
import Testing

/// Literals compared with an id, checked against the ids a run knows (``KnownIDs``): the
/// compiler alone checks none.
@Suite("Known ids: literals naming no object of the workspace")
struct KnownIDTests {
    private static let ids: KnownIDs = {
        var ids = KnownIDs(origin: "acme.yaml")
        for org in ["us", "us-legal", "eu"] { ids.insert(org, type: "Org") }
        for user in ["alice", "bob"] { ids.insert(user, type: "User") }
        ids.insert("chat-free", type: "App")
        return ids
    }()

    private func check(_ source: MarkedSource, _ ids: KnownIDs = Self.ids) -> [Diagnostic] {
        guard let set = compile(source).set else { return [] }
        return set.policies.flatMap { KnownValueCheck.diagnostics($0, rules: $0.rules, against: .workspace(ids)) }
    }

    @Test("event fields that hold ids and a lookup's argument, each at its literal")
    func idFields() {
        let source = MarkedSource.rule(forbid: """
            all:
              - event.org == 1️⃣"us-legl"
              - event.target.user != 2️⃣"alcie"
              - event.destination.app in ["chat-free", 3️⃣"chat-fre"]
              - has(workspace.user(4️⃣"bobb").org)
            """)
        let found = check(source)
        expectDiagnostic(.policyNoSuchID, at: "1️⃣", in: source, found, hint: "did you mean 'us-legal'?")
        expectDiagnostic(.policyNoSuchID, at: "2️⃣", in: source, found, hint: "did you mean 'alice'?")
        expectDiagnostic(.policyNoSuchID, at: "3️⃣", in: source, found, hint: "did you mean 'chat-free'?")
        expectDiagnostic(.policyNoSuchID, at: "4️⃣", in: source, found, hint: "did you mean 'bob'?")
        #expect(found.count == 4, "\(found.map(\.message))")
        #expect(found.first?.message == "no org has the id 'us-legl' in acme.yaml")
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test("an object's own id, nothing close: the ids are listed")
    func ownID() {
        let source = MarkedSource.rule(on: "workspace", for: "org in workspace.orgs", forbid: #"org.id == 1️⃣"legal""#)
        expectDiagnostic(.policyNoSuchID, at: "1️⃣", in: source, check(source), hint: "the org ids there are: eu, us, us-legal")
    }

    @Test("ids that exist, kinds of objects no workspace declares, and the schema's values are left alone")
    func notReported() {
        let source = MarkedSource.rule(forbid: """
            all:
              - event.org in ["us", "eu"]
              - event.user == "bob"
              - event.provider == "no-such-provider"
              - event.subscription != ""
              - event.artifact.classification == "clinet"
            """)
        #expect(check(source).isEmpty)
    }

    @Test("no ids known: nothing to check")
    func noIDs() {
        let source = MarkedSource.rule(forbid: #"event.org == "legl""#)
        #expect(check(source, KnownIDs(origin: "nothing")).isEmpty)
        #expect(check(source).count == 1)
    }
}
