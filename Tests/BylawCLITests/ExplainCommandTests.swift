import Foundation
import Testing

/// `bylaw explain`: why each rule fired or did not, on an event, a workspace or a change.
@Suite("bylaw explain")
struct ExplainCommandTests {
    static let acme = "Examples/workspaces/acme.yaml"
    static let clientPDF = "Examples/events/client-pdf-to-consumer-chat.json"

    @Test("a rule that fires: its parts with their values, its lines, the values read, the macro expanded, the exception")
    func firingRule() throws {
        let run = try Bylaw.run([
            "explain", "--event", Self.clientPDF, "--workspace", Self.acme, "--rule", "client-data/no-client-data-in-consumer-chat",
        ])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stdout == """
            Policies/client-data.yaml:13:9: client-data/no-client-data-in-consumer-chat fires (block)
              forbid:
                ✓ all (18:7)
                  ✓ event.artifact.classification in client_data (19:11)
                      event.artifact.classification = "client"
                      client_data = ["client", "patient", "account-number"]
                  ✓ macro consumer_chat (20:11)
                    ✓ event.destination.kind == "consumer-chat" (11:18)
                        event.destination.kind = "consumer-chat"
              exception (35:5) "Redacted test documents, approved by legal" (until 2027-03-31): does not apply
                ✗ event.user == "redaction-bot" (36:12)
                    event.user = "alice"
              message: alice sent client data to chat-free
              hint: Use the company workspace app instead.
            1 explained: 1 fire

            """)
    }

    @Test("an exception that applies; every rule the event runs by default")
    func exceptionApplies() throws {
        let run = try Bylaw.run(["explain", "--event", "Examples/events/redaction-bot-upload.json", "--workspace", Self.acme])
        // The exception covers one rule; the app still does not accept client data.
        #expect(run.status == 1)
        #expect(run.stdout.contains("client-data/no-client-data-in-consumer-chat is excepted\n"))
        #expect(run.stdout.contains(#"(until 2027-03-31): applies"#))
        #expect(run.stdout.contains("app-use/app-accepts-classification fires (block)\n"))
        #expect(run.stdout.hasSuffix("11 explained: 1 fire, 1 excepted, 5 pass, 4 do not apply\n"))
    }

    /// Every event in Examples/events/, with what the shipped policies make of it on acme.yaml.
    static let events: [(file: String, verdicts: [String], count: String)] = [
        ("client-pdf-to-consumer-chat.json", ["app-use/app-accepts-classification fires (block)", "client-data/no-client-data-in-consumer-chat fires (block)"],
         "11 explained: 2 fire, 5 pass, 4 do not apply"),
        ("cross-silo-share.yaml", ["sharing/no-cross-silo-share fires (block)"], "11 explained: 1 fire, 6 pass, 4 do not apply"),
        ("redaction-bot-upload.json", ["app-use/app-accepts-classification fires (block)", "client-data/no-client-data-in-consumer-chat is excepted"],
         "11 explained: 1 fire, 1 excepted, 5 pass, 4 do not apply"),
    ]

    @Test("every example event is listed, and explained as listed")
    func exampleEvents() throws {
        let directory = Bylaw.packageRoot.appendingPathComponent("Examples/events")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == Set(Self.events.map(\.file)))
        for event in Self.events {
            let run = try Bylaw.run(["explain", "--event", "Examples/events/\(event.file)", "--workspace", Self.acme])
            #expect(run.status == 1, "\(event.file): \(run.stderr)")
            let verdicts = run.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && ($0.hasSuffix(")") || $0.hasSuffix("excepted")) }
                .map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "" }
            #expect(verdicts == event.verdicts, "\(event.file)")
            #expect(run.stdout.hasSuffix(event.count + "\n"), "\(event.file)")
        }
    }

    @Test("--format json: the same explanation as a document for tools")
    func json() throws {
        let run = try Bylaw.run([
            "explain", "--event", Self.clientPDF, "--workspace", Self.acme, "--rule", "no-client-data-in-consumer-chat", "--format", "json",
        ])
        #expect(run.status == 1)
        let document = try run.json()
        let explanations = try #require(document["explanations"] as? [[String: Any]])
        let explanation = try #require(explanations.first)
        #expect(explanation["rule"] as? String == "client-data/no-client-data-in-consumer-chat")
        #expect(explanation["outcome"] as? String == "fired")
        #expect(explanation["enforcement"] as? String == "block")
        #expect(explanation["message"] as? String == "alice sent client data to chat-free")
        let condition = try #require(explanation["condition"] as? [String: Any])
        #expect(condition["kind"] as? String == "all")
        #expect(condition["value"] as? Bool == true)
        let children = try #require(condition["children"] as? [[String: Any]])
        let reads = try #require(children.first?["reads"] as? [[String: Any]])
        #expect(reads.first?["expression"] as? String == "event.artifact.classification")
        #expect(reads.first?["value"] as? String == "client")
        #expect((children[1]["kind"] as? String) == "macro")
        let exceptions = try #require(explanation["exceptions"] as? [[String: Any]])
        #expect(exceptions.first?["status"] as? String == "not-matching")
        #expect(exceptions.first?["expires"] as? String == "2027-03-31")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["rules"] as? Int == 1 && summary["fired"] as? Int == 1)
    }

    @Test("--workspace alone: the workspace rules, one explanation per for: element, with the config line that decided")
    func workspaceRules() throws {
        let run = try Bylaw.run([
            "explain", "--workspace", "Examples/workspaces/violates-child-org-inherits-account.yaml", "--rule", "child-org-inherits-account",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.contains(#"billing-mode/child-org-inherits-account (org = Org "us-marketing") fires (block)"#))
        #expect(run.stdout.contains(#"org.billing_account.id = "acct-eu""#))
        #expect(run.stdout.contains("  at: Examples/workspaces/violates-child-org-inherits-account.yaml:22:5\n"))
        #expect(run.stdout.hasSuffix("4 explained: 1 fire, 1 pass, 2 do not apply\n"))
    }

    @Test("--before and --after: the change rules on the pair")
    func changeRules() throws {
        let directory = try TemporaryDirectory()
        let policy = try directory.write(Data("""
            policy: changes
            rules:
              - id: mode-is-permanent
                on: change
                require: before.billing.mode == after.billing.mode
                message: "billing mode changed from {before.billing.mode} to {after.billing.mode}"

            """.utf8), to: "changes.yaml")
        let run = try Bylaw.run([
            "explain", "--before", Self.acme, "--after", "Examples/workspaces/single.yaml", "--policies", policy,
        ])
        #expect(run.status == 1)
        #expect(run.stdout.contains("changes/mode-is-permanent fires (block)\n"))
        #expect(run.stdout.contains(#"before.billing.mode = "assigned""#))
        #expect(run.stdout.contains(#"after.billing.mode = "single""#))
        let none = try Bylaw.run(["explain", "--before", Self.acme, "--after", Self.acme])
        #expect(none.status == 0)
        #expect(none.stdout == "nothing to explain: the policies have no 'on: change' rule\n")
    }

    @Test("a rule that does not exist, or runs on another input, or no input: exit 2 with what to do", arguments: [
        (["explain", "--event", clientPDF, "--rule", "no-client-data-in-consumer-caht"], "did you mean 'no-client-data-in-consumer-chat'?"),
        (["explain", "--event", clientPDF, "--rule", "apps/app-owner-active"], "explain it on a workspace config: --workspace FILE alone"),
        (["explain"], "give the input to explain"),
        (["explain", "--before", acme], "--before and --after go together"),
        (["explain", "--before", acme, "--after", acme, "--event", clientPDF], "a change (--before, --after) is explained alone"),
        (["explain", "--event", "Examples/usage/broken.ndjson"], "invalid UTF-8"),
    ])
    func refused(arguments: [String], message: String) throws {
        let run = try Bylaw.run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }

    @Test("an event file that holds no event: exit 2")
    func notAnEvent() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data("[1, 2]\n".utf8), to: "list.json")
        let run = try Bylaw.run(["explain", "--event", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("not a valid usage event"), "stderr: \(run.stderr)")
    }

    // No time limit of its own: `Bylaw.run` kills a run past its deadline and `timedOut` fails the
    // test; a limit on the test also counted the time it waited for a thread on a loaded machine.
    @Test("a hostile policy explained ends at the budget, with the error where it is")
    func hostilePolicy() throws {
        let run = try Bylaw.run(["explain", "--event", Self.clientPDF, "--policies", "Examples/hostile/runtime-bomb"])
        #expect(run.status == 1)
        #expect(!run.crashed && !run.timedOut)
        #expect(run.stdout.contains("runtime-bomb/bomb could not be evaluated (block)"))
        #expect(run.stdout.contains("): error: evaluation budget exceeded"))
        // The expression is cut on its line; its place says where to read it.
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count < 300 })
    }

    @Test("a policy whose macros fan out is explained within limits")
    func fanOut() throws {
        let directory = try TemporaryDirectory()
        var macros = "  m0: event.user + event.user + event.user + event.user\n"
        // Each use of m6 copies 64 of m0 in; 80 uses stay under the compiler's limit on size.
        for level in 1...6 { macros += "  m\(level): m\(level - 1) + m\(level - 1)\n" }
        let leaves = (0..<80).map { "        - size(m6) > \($0)" }.joined(separator: "\n")
        let policy = try directory.write(Data("""
            policy: fan
            macros:
            \(macros)rules:
              - id: wide
                on: usage
                forbid:
                  all:
            \(leaves)

            """.utf8), to: "fan.yaml")
        let run = try Bylaw.run(["explain", "--event", Self.clientPDF, "--policies", policy, "--format", "json"])
        #expect(!run.crashed && !run.timedOut)
        #expect(run.status == 1 || run.status == 0, "stderr: \(run.stderr)")
        let explanations = try #require(try run.json()["explanations"] as? [[String: Any]])
        let condition = try #require(explanations.first?["condition"] as? [String: Any])
        let shown = (condition["children"] as? [Any])?.count ?? 0
        #expect(shown > 0 && shown < 80)
        #expect(shown + ((condition["omitted"] as? Int) ?? 0) == 80)
    }

    @Test("bylaw eval --explain attaches the explanation to each json and ndjson finding; text refuses it")
    func evalExplain() throws {
        let ndjson = try Bylaw.run([
            "eval", "Examples/usage/redaction-bot.ndjson", "--workspace", Self.acme, "--format", "ndjson", "--explain",
        ])
        #expect(ndjson.status == 1)
        let lines = ndjson.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let findings = lines.compactMap { $0 }.filter { $0["rule"] != nil }
        #expect(!findings.isEmpty)
        for finding in findings {
            let explanation = try #require(finding["explanation"] as? [String: Any])
            #expect(explanation["rule"] as? String == finding["rule"] as? String)
            #expect(explanation["outcome"] as? String == "fired")
        }
        let plain = try Bylaw.run(["eval", "Examples/usage/redaction-bot.ndjson", "--workspace", Self.acme, "--format", "ndjson"])
        #expect(!plain.stdout.contains("\"explanation\""))

        let json = try Bylaw.run(["eval", "Examples/usage/redaction-bot.ndjson", "--workspace", Self.acme, "--format", "json", "--explain"])
        let document = try json.json()
        let jsonFindings = try #require(document["findings"] as? [[String: Any]])
        #expect(jsonFindings.count == findings.count)
        #expect(jsonFindings.allSatisfy { $0["explanation"] is [String: Any] })

        let text = try Bylaw.run(["eval", "Examples/usage/redaction-bot.ndjson", "--workspace", Self.acme, "--explain"])
        #expect(text.status == 2)
        #expect(text.stderr.contains("--explain attaches explanations to json and ndjson findings"))
    }
}
