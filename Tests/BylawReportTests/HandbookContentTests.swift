import BylawPolicy
import BylawSource
import Testing

@testable import BylawReport

/// What the handbook says about a policy: examples grouped by what happens, exceptions in words,
/// and what changed since an earlier set.
@Suite("Handbook content")
struct HandbookContentTests {
    static func compile(_ yaml: String, today: String = "2026-11-22") throws -> PolicySet {
        var loaded = PolicySetLoader.Result()
        PolicySetLoader.load(file: SourceFile(path: "p.yaml", text: yaml), into: &loaded)
        let date = try #require(CalendarDate(today))
        let compiled = PolicyCompiler(today: date).compile(loaded.documents)
        let errors = (loaded.diagnostics + compiled.diagnostics).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        return try #require(compiled.set)
    }

    static let enforcements = """
        policy: p
        rules:
          - {id: blocked, on: usage, enforcement: block, forbid: event.kind == "share"}
          - {id: warned, on: usage, enforcement: warn, forbid: event.kind == "upload"}
          - {id: recorded, on: usage, enforcement: audit, forbid: event.kind == "prompt"}
        tests:
          - {name: an audit example, event: {kind: prompt}, expect: [recorded]}
          - {name: a fine example, event: {kind: other}, expect: allow}
          - {name: a warned example, event: {kind: upload}, expect: [warned]}
          - {name: a blocked example, event: {kind: share}, expect: [blocked]}
          - {name: warned and recorded, event: {kind: upload}, expect: [warned, p/recorded]}

        """

    @Test("examples are grouped by what happens: the strictest rule a test expects decides")
    func grouped() throws {
        let set = try Self.compile(Self.enforcements)
        let policy = try #require(set.policies.first)
        let groups = Handbook.examples(policy).map { ($0.outcome.heading, $0.examples.map(\.name)) }
        #expect(groups.map(\.0) == ["Blocked", "Warned", "Recorded for audit", "Allowed"])
        #expect(groups.map(\.1) == [["a blocked example"], ["a warned example", "warned and recorded"], ["an audit example"], ["a fine example"]])
        let markdown = Handbook.markdown(set)
        #expect(markdown.contains("*Recorded for audit*\n\n- an audit example (`recorded`)\n"))
        #expect(!markdown.contains("Not allowed"))
        let html = Handbook.html(set)
        #expect(html.contains("<p><em>Recorded for audit</em></p><ul><li>an audit example (<code>recorded</code>)</li></ul>"))
    }

    @Test("an exception says whom it covers, in words made from its 'where'", arguments: [
        ("where: event.user == \"redaction-bot\"", "when the user is `redaction-bot`"),
        ("where: '\"redaction-bot\" == event.user'", "when the user is `redaction-bot`"),
        ("where: event.artifact.classification in client_data", "when the artifact classification is one of `client`, `patient`"),
        ("where: event.kind in [\"upload\"]", "when the kind is `upload`"),
        ("where: {all: [event.kind == \"upload\", {not: event.scope == \"org\"}]}", "when the kind is `upload` and the scope is not `org`"),
        ("where: {any: [event.tokens.input >= 100, event.user != \"bot\"]}", "when the tokens input is at least 100 or the user is not `bot`"),
        ("where: label(workspace.user(event.user), \"employment\") == \"contractor\"", "when the `employment` label of the user is `contractor`"),
        ("where: workspace.org(event.org).parent.id == \"us\"", "when the org's parent id is `us`"),
        ("where: is_bot", "when the user starts with `bot-`"),
        ("where: event.user.contains(\"`x\")", "when the user contains `` `x ``"),
        ("where: event.tokens.input * 2 > 10", "when `event.tokens.input * 2 > 10`"),
        ("expires: 2099-01-01", "at all"),
    ])
    func coverage(_ exceptionKey: String, _ words: String) throws {
        let set = try Self.compile("""
            policy: p
            lists:
              client_data: [client, patient]
            macros:
              is_bot: event.user.startsWith("bot-")
            rules:
              - {id: r, on: usage, forbid: event.kind == "share" && client_data.size() > 0 && (is_bot || true)}
            exceptions:
              - rule: r
                \(exceptionKey)
                reason: approved
            """)
        let policy = try #require(set.policies.first)
        let line = try #require(Handbook.exceptionLines(policy).first)
        #expect(line == "`r` does not apply \(words): approved" + (words == "at all" ? " (until 2099-01-01)" : ""))
    }

    @Test("words made from a policy's literals are text on the HTML page")
    func inertWords() throws {
        let set = try Self.compile("""
            policy: p
            rules:
              - {id: r, on: usage, forbid: event.kind == "share"}
            exceptions:
              - rule: r
                where: event.user == '<script>alert(1)</script>' || event.user == '`](javascript:alert(1))'
                reason: approved
            """)
        let html = Handbook.html(set)
        #expect(html.contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("href=\"javascript"))
    }

    static let earlier = """
        policy: p
        rules:
          - {id: kept, on: usage, enforcement: warn, forbid: event.kind == "share"}
          - {id: dropped, on: usage, forbid: event.kind == "upload"}
          - {id: stricter, on: usage, enforcement: audit, forbid: event.kind == "prompt"}
          - {id: milder, on: usage, enforcement: block, forbid: event.scope == "org"}
          - {id: reworded, on: usage, forbid: event.user == "a"}
        exceptions:
          - {rule: kept, where: event.user == "bot", reason: tests}
          - {rule: kept, where: event.user == "old-bot", reason: retired}
          - {rule: stricter, where: event.user == "temp", reason: a trial, expires: 2026-06-30}

        """

    static let later = """
        policy: p
        rules:
          - {id: kept, on: usage, enforcement: warn, forbid: event.kind ==  "share"}
          - {id: stricter, on: usage, enforcement: block, forbid: event.kind == "prompt"}
          - {id: milder, on: usage, enforcement: warn, forbid: event.scope == "org"}
          - {id: reworded, on: usage, forbid: event.user == "b"}
          - {id: fresh, on: usage, enforcement: audit, forbid: event.kind == "new"}
        exceptions:
          - {rule: kept, where: event.user == "bot", reason: tests, expires: 2027-01-31}
          - {rule: fresh, where: event.user == "new-bot", reason: a pilot}
          - {rule: stricter, where: event.user == "temp", reason: a trial, expires: 2026-06-30}

        """

    @Test("what changed: rules added, removed, tightened, relaxed, rewritten; exceptions added and ended")
    func changes() throws {
        let changes = HandbookChanges(from: try Self.compile(Self.earlier), to: try Self.compile(Self.later), since: "old")
        let parts = Dictionary(uniqueKeysWithValues: changes.parts.map { ($0.heading, $0.lines) })
        #expect(changes.parts.map(\.heading) == [
            "Rules added", "Rules removed", "Enforcement tightened", "Enforcement relaxed", "Conditions changed", "Exceptions added", "Exceptions ended",
        ])
        #expect(parts["Rules added"] == ["fresh (`p/fresh`): recorded for audit"])
        #expect(parts["Rules removed"] == ["dropped (`p/dropped`): was **blocked**"])
        #expect(parts["Enforcement tightened"] == ["stricter (`p/stricter`): recorded for audit → **blocked**"])
        #expect(parts["Enforcement relaxed"] == ["milder (`p/milder`): **blocked** → warning"])
        // Spacing is not a change; another value is.
        #expect(parts["Conditions changed"] == ["reworded (`p/reworded`): its conditions were rewritten"])
        // A new expiry date does not make an exception another one.
        #expect(parts["Exceptions added"] == ["`p/fresh` does not apply when the user is `new-bot`: a pilot"])
        #expect(parts["Exceptions ended"] == [
            "`p/kept` applies again when the user is `old-bot`: removed",
            "`p/stricter` applies again when the user is `temp`: expired on 2026-06-30",
        ])
        #expect(Handbook.markdown(changes).contains("## What changed\n\n_Compared with the policies in `old`._\n\n**Rules added**\n\n- fresh"))
    }

    @Test("a set compared with itself: nothing changed, and the handbook says so")
    func unchanged() throws {
        let set = try Self.compile(Self.later)
        let changes = HandbookChanges(from: set, to: set, since: "Policies")
        #expect(changes.changes.isEmpty == false, "the expired exception of the earlier set counts as ended")
        let fresh = try Self.compile(Self.enforcements)
        let none = HandbookChanges(from: fresh, to: fresh, since: "Policies")
        #expect(none.changes.isEmpty)
        #expect(none.parts.isEmpty)
        #expect(Handbook.markdown(fresh, changes: none).contains("Nothing changed: the same rules, enforced the same way, with the same exceptions."))
        #expect(Handbook.html(fresh, changes: none).contains("<li><a href=\"#what-changed\">What changed</a></li>"))
    }
}
