@testable import BylawStudio
import BylawPolicy
import BylawReport
import BylawSource
import Foundation
import Testing

@Suite("Studio pages: policies, tests, handbook, try it, dry-run, and their empty and error states")
struct StudioPageTests {
    @Test("the policies page lists each policy with its title, owner, rules by enforcement and test status")
    func policies() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let page = try await fixture.send(.get, "/policies")
        #expect(page.status == 200)
        #expect(page.body.contains("Client artifacts never go into consumer chat"))
        #expect(page.body.contains("legal@example.com"))
        #expect(page.body.contains("<span class=\"badge block\">1 block</span> <span class=\"badge audit\">1 audit</span>"))
        #expect(page.body.contains("6 passed"))
        #expect(page.body.contains("href=\"/edit?file=client-data.yaml\""))
    }

    @Test("the tests page runs one policy's tests and explains a failure")
    func tests() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let path = fixture.policies + "/client-data.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "    expect: [internal-data-in-consumer-chat]", with: "    expect: allow")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let page = try await fixture.send(.get, "/tests?policy=client-data")
        #expect(page.body.contains("5 passed, 1 failed"))
        #expect(page.body.contains("test &#39;internal ideation") || page.body.contains("test 'internal ideation in consumer chat is recorded, not blocked' failed"))
        #expect(page.body.contains("expected allow, but fired [internal-data-in-consumer-chat]"))
        // Why the rule fired, for the failing test: which condition, which value.
        #expect(page.body.contains("event.artifact.classification == &quot;internal&quot;"))
        #expect(page.body.contains("event.artifact.classification = &quot;internal&quot;"))
        #expect(!page.body.contains("tests-sharing"), "only the chosen policy's tests ran")
    }

    @Test("the handbook is the HTML bylaw handbook writes, from the files as they are now")
    func handbook() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let compiled = PolicySetLoader.compile(paths: [fixture.policies], today: try #require(fixture.configuration.fixedToday))
        let expected = Handbook.html(try #require(compiled.set))
        let page = try await fixture.send(.get, "/handbook/page")
        #expect(page.body == expected)
        #expect(page.headers[.contentSecurityPolicy] == StudioResponse.handbookPolicy)
        let path = fixture.policies + "/client-data.yaml"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "title: Client artifacts never", with: "title: Client files never")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try await fixture.send(.get, "/handbook/page")
        #expect(changed.body.contains("Client files never go into consumer chat"))
    }

    @Test("the editor's preview renders the handbook with the text being edited, before it is saved")
    func handbookPreview() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let original = try fixture.text("client-data.yaml")
        let edited = original.replacingOccurrences(of: "title: Client artifacts never", with: "title: Unsaved, client artifacts never")
        let preview = try await fixture.submit("/handbook/page", [("file", "client-data.yaml"), ("text", edited)])
        #expect(preview.status == 200)
        #expect(preview.body.contains("Unsaved, client artifacts never go into consumer chat"))
        #expect(try fixture.text("client-data.yaml") == original)
        let broken = try await fixture.submit("/handbook/page", [("file", "client-data.yaml"), ("text", "policy: [")])
        #expect(broken.status == 422)
        #expect(broken.body.contains("client-data.yaml:1:"))
    }

    @Test("try it: an event from the form is denied with its findings; raw JSON works too")
    func tryEvent() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let form = [
            ("mode", "event"), ("workspace", "studio"), ("source", "form"), ("e.kind", "upload"),
            ("e.user", "alice"), ("e.org", "us-legal"), ("e.app", "chat-free"), ("e.artifact.classification", "client"),
            ("e.destination.kind", "consumer-chat"), ("e.destination.app", "chat-free"), ("e.tokens.in", "12"),
        ]
        let page = try await fixture.submit("/try", form)
        #expect(page.status == 200)
        #expect(page.body.contains("<p class=\"decision deny\" id=\"decision\">deny</p>"))
        #expect(page.body.contains("client-data/no-client-data-in-consumer-chat"))
        // Each rule's explanation, as bylaw explain prints it: the condition that held, the value read.
        #expect(page.body.contains("<span class=\"badge block\">fires (block)</span>"))
        #expect(page.body.contains("</span> event.artifact.classification in client_data <span class=\"sgr-2\">(19:11)</span>"))
        #expect(page.body.contains("event.artifact.classification = &quot;client&quot;"))
        #expect(page.body.contains("<span class=\"badge muted\">does not apply</span>") || page.body.contains("<span class=\"badge ok\">passes</span>"))
        #expect(page.body.contains("&quot;tokens&quot;:{&quot;in&quot;:12}"), "the form's JSON is shown")
        let event = try String(contentsOfFile: fixture.examples + "/serve/allowed-event.json", encoding: .utf8)
        let json = [("mode", "event"), ("workspace", "studio"), ("source", "json"), ("json", event)]
        let allowed = try await fixture.submit("/try", json)
        #expect(allowed.body.contains("<p class=\"decision allow\" id=\"decision\">allow</p>"))
        let broken = [("mode", "event"), ("workspace", "none"), ("source", "json"), ("json", #"{"kind": 7}"#)]
        let refused = try await fixture.submit("/try", broken)
        #expect(refused.body.contains("This is not a usage event"))
    }

    @Test("try it: a workspace config is linted; one that does not load shows its diagnostics")
    func tryWorkspace() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let violating = try String(contentsOfFile: fixture.examples + "/workspaces/violates-app-owner-active.yaml", encoding: .utf8)
        let page = try await fixture.submit("/try", [("mode", "workspace"), ("config", violating)])
        #expect(page.body.contains("apps/app-owner-active"))
        let broken = try await fixture.submit("/try", [("mode", "workspace"), ("config", "workspace: [")])
        #expect(broken.body.contains("This config does not load"))
        #expect(broken.body.contains("&lt;config&gt;:1:"))
    }

    @Test("dry-run: a proposed config and past usage give the plan, with the events newly blocked by user")
    func dryRun() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let form = [
            ("before", "studio"), ("after", "examples/0:changes/acme-proposed.yaml"),
            ("policies-after", ""), ("usage", "examples/0:usage/examples.ndjson"),
        ]
        let page = try await fixture.submit("/dry-run", form)
        #expect(page.status == 200)
        #expect(page.body.contains("id=\"verdict\">this change"))
        #expect(page.body.contains("Past usage replayed (40 events)"))
        #expect(page.body.contains("Newly blocked:"))
        let proposed = form.map { $0.0 == "policies-after" ? ($0.0, "examples/0:changes/policies-proposed") : $0 }
        let withPolicies = try await fixture.submit("/dry-run", proposed)
        #expect(withPolicies.body.contains("id=\"verdict\">this change"))
    }

    @Test("empty and error states: no policy folder, no policies, policies that do not compile, a workspace that does not load")
    func states() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        var missing = fixture.configuration
        missing.policies = fixture.folder.appendingPathComponent("Nowhere").path
        let none = try await fixture.send(.get, "/policies", configuration: missing)
        #expect(none.body.contains("No policy folder"))
        let tests = try await fixture.send(.get, "/tests", configuration: missing)
        #expect(tests.body.contains("No policy folder"))
        try FileManager.default.createDirectory(atPath: missing.policies, withIntermediateDirectories: true)
        let empty = try await fixture.send(.get, "/handbook", configuration: missing)
        #expect(empty.body.contains("No policies yet"))
        try "policy: [\n".write(toFile: fixture.policies + "/broken.yaml", atomically: true, encoding: .utf8)
        let broken = try await fixture.send(.get, "/try")
        #expect(broken.body.contains("The policies do not compile"))
        #expect(broken.body.contains("broken.yaml:"))
        try FileManager.default.removeItem(atPath: fixture.policies + "/broken.yaml")
        var badWorkspace = fixture.configuration
        badWorkspace.workspace = fixture.examples + "/workspaces/broken-cycle.yaml"
        let event = [("mode", "event"), ("workspace", "studio"), ("source", "json"), ("json", #"{"kind": "prompt"}"#)]
        let page = try await fixture.submit("/try", event, configuration: badWorkspace)
        #expect(page.body.contains("The workspace does not load"))
    }

    @Test("text a printer coloured for a terminal becomes escaped HTML with a class a colour")
    func styled() {
        let text = TextStyle.ansi.red("x<y") + " & " + TextStyle.ansi.dim("(1:2)") + " plain"
        #expect(StyledText.html(text) == "<span class=\"sgr-1-31\">x&lt;y</span> &amp; <span class=\"sgr-2\">(1:2)</span> plain")
        #expect(StyledText.html("no colour") == "no colour")
    }
}
