import BylawPolicy
import Testing

@Suite("Message templates")
struct MessageTemplateTests {
    @Test("literals, placeholders and escaped braces")
    func parts() throws {
        let template = try MessageTemplate.parse("{{x}} {event.user} sent {m.map(k, {k: 1})} and {\"}\"}").get()
        #expect(template.parts == [
            .literal("{x} "), .placeholder("event.user", 7..<17), .literal(" sent "),
            .placeholder("m.map(k, {k: 1})", 25..<41), .literal(" and "), .placeholder("\"}\"", 48..<51),
        ])
    }

    @Test("problems", arguments: ["oops {", "oops }", "empty {}"])
    func problems(text: String) {
        #expect(throws: MessageTemplate.Problem.self) { try MessageTemplate.parse(text).get() }
    }
}
