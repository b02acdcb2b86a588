@testable import BylawEval
@testable import BylawModel
import BylawPolicy
import BylawSource
import Testing

/// Placeholders printed straight from the event's bytes (``StreamEvaluator/Shortcuts/plainPlaceholders``)
/// print exactly what CEL's rendering prints: every field type, escapes, text that is not
/// valid UTF-8 once decoded, absent and `null` fields.
extension StreamShortcutTests {
    static let templatePolicy = """
        policy: probe
        title: Templates over every event field
        rules:
          - id: every-field
            title: Prints every field
            on: usage
            forbid: "true"
            message: "{event.id}|{event.time}|{event.kind}|{event.user}|{event.org}|{event.scope}|{event.app}|{event.provider}|{event.model}|{event.subscription}|{event.category}|{event.cost.currency}|{event.artifact.type}|{event.artifact.classification}|{event.destination.kind}|{event.destination.app}|{event.target.scope}|{event.target.org}|{event.target.user}"
            hint: "{event.tokens.input} {event.tokens.output} {event.cost.amount} {event.artifact} {event.tokens}"
          - id: mixed
            title: Mixes field reads with CEL
            on: usage
            where: event.kind == "share"
            forbid: "true"
            message: "{event.user} ({size(event.user)}) \\"{event.org}\\""
            hint: "{event.user + '!'}"
          - id: untitled
            title: "A title with \\"quotes\\" and é"
            on: usage
            where: event.kind == "upload"
            forbid: "true"
        """

    /// Events whose fields need every kind of care: escapes, control characters, non-ASCII
    /// text, lone surrogates (replaced by U+FFFD when printed), `null`, absent parts, numbers
    /// whole and not, a time at midnight and not.
    static let templateStream = [
        #"{"id":"q\"uote\\back","time":"2026-03-05T00:00:00Z","kind":"share","user":"tab\there\u0001\u001f","org":"caf\u00e9 \ud83d\ude00 \u2028x","tokens":{"in":-12,"out":9223372036854775807},"cost":{"amount":2.0,"currency":"EUR"}}"#,
        #"{"id":"lone-\ud800-x-\udc00","time":"2026-03-05T10:11:12.5Z","kind":"upload","user":null,"org":"\ud800","cost":{"amount":0.1},"artifact":{"type":"pdf","classification":"cli\u0065nt"}}"#,
        #"{"kind":"share","user":"\ud83d\ude00\ud83d","destination":{"kind":"consumer-chat","app":"\"x\""},"target":{"scope":"org","org":"\\","user":"ü"},"cost":{"amount":1e20}}"#,
        #"{"id":null,"kind":"prompt","provider":"p","model":"m\u0000","subscription":"s","category":"c","scope":"private","app":"a","cost":{"amount":-3.25}}"#,
        #"{}"#,
    ].joined(separator: "\n") + "\n"

    static func templateSet() throws -> PolicySet {
        let (set, diagnostics) = StreamTestSupport.policies(templatePolicy)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        return try #require(set)
    }

    @Test(arguments: [StreamEvaluator.Shortcuts.all, [.plainPlaceholders], [.cacheDecisions, .narrowFields]])
    func plainPlaceholdersPrintWhatCELPrints(shortcuts: StreamEvaluator.Shortcuts) throws {
        let set = try Self.templateSet()
        let graph = try #require(StreamTestSupport.acme())
        let stream = Array(Self.templateStream.utf8) + StreamTestSupport.variedStream(events: 600, seed: 5)
        var plain = StreamEvaluator(policies: set, workspace: graph)
        plain.shortcuts = []
        var fast = StreamEvaluator(policies: set, workspace: graph)
        fast.shortcuts = shortcuts
        let expected = try StreamTestSupport.run(plain, stream)
        // The cases matter: escapes, control characters, non-ASCII text, whole and fractional
        // numbers, a midnight time (printed as a date), absent parts, lines the scanner rejects.
        let first = try #require(expected.lines.first)
        #expect(first.contains("q\"uote\\back|2026-03-05|share|tab\there\u{1}\u{1F}|café 😀 \u{2028}x|"))
        #expect(first.contains("| -12 9223372036854775807 2 Artifact Tokens"))
        #expect(expected.lines.contains { $0.contains("|1970-01-01|prompt|||private|a|p|m\u{0}|s|c|") && $0.hasSuffix("| 0 0 -3.25 Artifact Tokens") })
        #expect(expected.lines.contains { $0.contains("stream.invalid-json \\uD800 is a high surrogate") })
        #expect(expected.lines.contains { $0.contains("probe/untitled") && $0.contains("A title with \"quotes\" and é") })
        #expect(try StreamTestSupport.run(fast, stream) == expected)
    }

    /// The scanner rejects text that would not be UTF-8 once decoded (lone surrogates), but a
    /// placeholder does not rely on it: bytes that are not UTF-8 print replaced, as `String`
    /// replaces them, and text past the placeholder limit is cut as CEL's rendering cuts it.
    @Test func fieldBytesThatAreNotUTF8OrTooLongPrintAsCELPrintsThem() throws {
        let set = try Self.templateSet()
        let rule = try #require(set.rules(on: .usage).first { $0.fullID == "probe/every-field" })
        let message = try #require(rule.message)
        let node = EventNode()
        let user: [UInt8] = [0x61, 0xED, 0xA0, 0x80, 0x62, 0xF0, 0x9F, 0x98, 0xC3]
        let org = [UInt8](repeating: 0x78, count: TemplateFormatting.maxPlaceholderBytes + 10)
        node.event.text = user + org
        node.event.setSlot(.user, start: 0, count: user.count)
        node.event.setSlot(.org, start: user.count, count: org.count)
        node.event.present.insert(.user)
        node.event.present.insert(.org)
        let activation = RuleInputs(event: node).activation(for: rule)
        let template = StreamTemplate(message, plainReads: rule.analysis?.messagePlainReads)
        #expect(template.isPlain)
        var bytes: [UInt8] = []
        var interner = StreamFieldInterner()
        template.render(node, node.event, activation, interner: &interner, into: &bytes)
        let expected = message.render(activation)
        #expect(expected.contains("|a\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}\u{FFFD}|xxx"))
        #expect(expected.contains("x…|"))
        #expect(bytes == Array(expected.utf8))
    }
}
