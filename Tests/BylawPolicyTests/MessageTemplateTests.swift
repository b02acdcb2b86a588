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

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("the UTC date of a Unix time", arguments: [
        (Int64(0), "1970-01-01"), (Int64(-1), "1969-12-31"), (Int64(1_700_000_000), "2023-11-14"),
        (Int64(951_782_400), "2000-02-29"), (Int64(4_102_444_799), "2099-12-31"),
    ])
    func fromUnixTime(_ seconds: Int64, _ expected: String) {
        #expect(CalendarDate.fromUnixTime(seconds)?.description == expected)
    }

    @Test("BYLAW_TODAY wins over the clock, and must be a date")
    func today() {
        #expect(CalendarDate.today(environment: ["BYLAW_TODAY": "2026-11-22"])?.description == "2026-11-22")
        #expect(CalendarDate.today(environment: ["BYLAW_TODAY": "tomorrow"]) == nil)
        #expect(CalendarDate.today(environment: [:]) != nil)
    }
}
