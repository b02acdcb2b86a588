import Foundation
import Testing

/// `bylaw test`'s coverage a policy owner can read: the branches of `all:`/`any:` and the
/// exceptions no test exercised, and the explanation of a failing test's rules.
@Suite("bylaw test coverage")
struct PolicyCoverageTests {
    static let policy = """
        policy: demo
        lists:
          secret: [client, patient]
        rules:
          - id: no-leaks
            on: usage
            where:
              all:
                - event.kind == "upload"
                - event.scope == "org"
            forbid:
              any:
                - event.artifact.classification in secret
                - event.destination.kind == "consumer-chat"
            message: "{event.user} leaked"
        exceptions:
          - rule: no-leaks
            where: event.user == "bot"
            reason: the bot redacts first

        """

    static let firstTest = """
        tests:
          - name: a client upload leaks
            event: {kind: upload, scope: org, user: alice, artifact: {classification: client}}
            expect: [no-leaks]

        """

    /// The tests that exercise every branch and the exception, one each.
    static let remainingTests = """
          - name: a prompt is not an upload
            event: {kind: prompt, scope: org, user: alice, artifact: {classification: client}}
            expect: allow
          - name: a private upload stays private
            event: {kind: upload, scope: private, user: alice, artifact: {classification: client}}
            expect: allow
          - name: public data into consumer chat still leaks
            event: {kind: upload, scope: org, user: alice, artifact: {classification: public}, destination: {kind: consumer-chat}}
            expect: [no-leaks]
          - name: the bot is excepted
            event: {kind: upload, scope: org, user: bot, artifact: {classification: client}}
            expect: allow

        """

    @Test("each branch and the exception no test exercised, at its line, as a warning; --strict fails on them")
    func gaps() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data((Self.policy + Self.firstTest).utf8), to: "demo.yaml")
        let run = try Bylaw.run(["test", path])
        #expect(run.status == 0)
        let gaps = run.stdout.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(gaps == [
            "\(path):9:11: warning: rule 'demo/no-leaks': no test makes this the only false branch of its 'all' [test.unexercised-branch]",
            "\(path):10:11: warning: rule 'demo/no-leaks': no test makes this the only false branch of its 'all' [test.unexercised-branch]",
            "\(path):14:11: warning: rule 'demo/no-leaks': no test makes this the only true branch of its 'any' [test.unexercised-branch]",
            "\(path):17:5: warning: rule 'demo/no-leaks': no test's input is covered by this exception [test.unexercised-exception]",
        ])
        // The first test makes the first branch of `any` the only true one: it is exercised.
        #expect(!run.stdout.contains("\(path):13:11"))
        #expect(run.stdout.hasSuffix("1 passed, 0 failed\n3 branches no test exercises\n1 exception no test exercises\n"))

        let strict = try Bylaw.run(["test", path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("\(path):9:11: error: rule 'demo/no-leaks'"))
    }

    @Test("--format json lists what no test exercised")
    func json() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data((Self.policy + Self.firstTest).utf8), to: "demo.yaml")
        let document = try Bylaw.run(["test", path, "--format", "json"]).json()
        let unexercised = try #require(document["unexercised"] as? [[String: Any]])
        #expect(unexercised.map { $0["kind"] as? String } == ["all-branch", "all-branch", "any-branch", "exception"])
        #expect(unexercised.map { $0["text"] as? String } == [
            #"event.kind == "upload""#, #"event.scope == "org""#, #"event.destination.kind == "consumer-chat""#, #"event.user == "bot""#,
        ])
        #expect(unexercised.allSatisfy { $0["rule"] as? String == "demo/no-leaks" })
        #expect((unexercised[0]["location"] as? [String: Any])?["line"] as? Int == 9)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["unexercised"] as? Int == 4)
    }

    @Test("tests that make each branch decide on its own, and one the exception covers, close every gap")
    func closed() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data((Self.policy + Self.firstTest + Self.remainingTests).utf8), to: "demo.yaml")
        let run = try Bylaw.run(["test", path, "--strict"])
        #expect(run.status == 0, "stdout: \(run.stdout)")
        #expect(run.stdout.hasSuffix("5 passed, 0 failed\n"))
    }

    @Test("a branch after the one that decides, which cannot be evaluated without it, does not hide it")
    func guards() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data("""
            policy: guarded
            rules:
              - id: label
                on: workspace
                for: user in workspace.users
                forbid:
                  all:
                    - "'team' in user.labels"
                    - user.labels["team"] == "red"
            tests:
              - name: a red user
                workspace: {workspace: w, billing: {mode: single, accounts: []}, orgs: [{id: o, name: O}], users: [{id: u, email: u@x, org: o, labels: {team: red}}]}
                expect: [label]
              - name: a user with no team
                workspace: {workspace: w, billing: {mode: single, accounts: []}, orgs: [{id: o, name: O}], users: [{id: u, email: u@x, org: o}]}
                expect: allow

            """.utf8), to: "guarded.yaml")
        let run = try Bylaw.run(["test", path])
        #expect(run.status == 0)
        // The guard is exercised (the second branch fails without it); the second branch is not.
        #expect(!run.stdout.contains("\(path):8:"))
        #expect(run.stdout.contains("\(path):9:11: warning: rule 'guarded/label': no test makes this the only false branch of its 'all'"))
    }

    @Test("a failing test explains the rule that did not do what was expected")
    func failingTestExplains() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data((Self.policy + """
            tests:
              - name: internal data is wrongly expected to leak
                event: {kind: upload, scope: org, user: alice, artifact: {classification: internal}}
                expect: [no-leaks]

            """).utf8), to: "demo.yaml")
        let run = try Bylaw.run(["test", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("""
                  \(path):5:9: demo/no-leaks passes
                    where:
                      ✓ all (8:7)
                        ✓ event.kind == "upload" (9:11)
                            event.kind = "upload"
                        ✓ event.scope == "org" (10:11)
                            event.scope = "org"
                    forbid:
                      ✗ any (12:7)
                        ✗ event.artifact.classification in secret (13:11)
                            event.artifact.classification = "internal"
                            secret = ["client", "patient"]
                        ✗ event.destination.kind == "consumer-chat" (14:11)
                            event.destination.kind = ""
                    exception (17:5) "the bot redacts first": not considered

            """))
        let json = try Bylaw.run(["test", path, "--format", "json"]).json()
        let tests = try #require(json["tests"] as? [[String: Any]])
        let explanations = try #require(tests.first?["explanations"] as? [[String: Any]])
        #expect(explanations.map { $0["outcome"] as? String } == ["passed"])
    }
}
