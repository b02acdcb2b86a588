import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// A rule's message or hint as the stream writes it: literal text already in UTF-8, and each
/// placeholder that is nothing but an event field read (`{event.user}`, the compiler's
/// ``UsageRuleAnalysis/messagePlainReads``) printed straight from the scanned event's bytes,
/// with no CEL evaluation and no `String`. Other placeholders are evaluated by CEL as in
/// ``CompiledTemplate/render(_:)``, and their texts kept by the values of the event fields they
/// read (``PlaceholderTexts``): `{event_app.data}` is evaluated once per app, whatever the user.
///
/// The bytes are exactly the UTF-8 of what ``CompiledTemplate/render(_:)`` returns: a field
/// prints as ``TemplateFormatting`` prints the value CEL reads for it (``EventNode``), and
/// wherever that is not plain copying (a decoded string that is not valid UTF-8, one longer
/// than ``TemplateFormatting/maxPlaceholderBytes``, a time, a part object) the value is
/// formatted as CEL's would be.
struct StreamTemplate {
    enum Part {
        case literal([UInt8])
        /// A plain read of the field, and the placeholder (evaluated when there is no event node).
        case field(UsageEventField, CompiledExpression)
        /// Another placeholder, with its texts by the fields it reads (nil: evaluated every time).
        case expression(CompiledExpression, PlaceholderTexts?)
    }

    let parts: [Part]
    /// Whether every part prints without CEL (literals and field reads): rendering then costs
    /// about what looking a cached text up would.
    let isPlain: Bool
    /// The text when the template is one literal text (most hints).
    let constant: String?

    /// `template`'s parts; `plainReads` (one per part, nil for literals and other
    /// placeholders) says which placeholders are field reads; nil evaluates them all with CEL.
    /// `partReads` (one per part) gives the fields each other placeholder reads: its texts are
    /// then cached by their values (caches sized for `rules` rules); nil caches none.
    init(_ template: CompiledTemplate, plainReads: [UsageEventField?]?, partReads: [EventFieldReads?]? = nil, rules: Int = 1) {
        let reads = plainReads.flatMap { $0.count == template.parts.count ? $0 : nil }
        let cached = partReads.flatMap { $0.count == template.parts.count ? $0 : nil }
        parts = template.parts.enumerated().map { index, part in
            switch part {
            case .literal(let text): return .literal(Array(text.utf8))
            case .expression(let expression):
                if let field = reads?[index] { return .field(field, expression) }
                guard let partReads = cached?[index], !partReads.isOpaque else { return .expression(expression, nil) }
                return .expression(expression, PlaceholderTexts(fields: partReads.fields.fields, rules: rules))
            }
        }
        isPlain = parts.allSatisfy { if case .expression = $0 { false } else { true } }
        if template.parts.count == 1, case .literal(let text) = template.parts[0] { constant = text } else { constant = nil }
    }

    /// A template of one literal text (a rule without a message prints its title).
    init(literal text: String) {
        parts = [.literal(Array(text.utf8))]
        isPlain = true
        constant = text
    }

    /// Appends the rendered text's UTF-8 to `out`: the event's fields are read from `usage`,
    /// the event `node` holds, other placeholders (all of them without a node) are evaluated on
    /// `activation`, whose `event` is `node`, or taken from their caches, keyed by `interner`'s
    /// numbers. `usage` is the caller's own copy of the event: reading `node.event` instead
    /// copies the event around every call that takes it.
    func render(
        _ node: EventNode?, _ usage: UsageEvent, _ activation: CELActivation, interner: inout StreamFieldInterner, into out: inout [UInt8]
    ) {
        for part in parts {
            switch part {
            case .literal(let bytes):
                out.append(contentsOf: bytes)
            case .field(let field, let expression):
                if let node { Self.append(field, of: usage, node: node, to: &out) } else { Self.evaluate(expression, activation, to: &out) }
            case .expression(let expression, let texts):
                guard let texts, node != nil else {
                    Self.evaluate(expression, activation, to: &out)
                    continue
                }
                switch texts.cache.lookup(usage, &interner) {
                case .strings(let cached)?:
                    out.append(contentsOf: cached.message.utf8)
                    continue
                case .bytes(let message, _)?:
                    texts.cache.append(message, to: &out)
                    continue
                case nil: break
                }
                let text = TemplateFormatting.text(of: expression.program.evaluate(activation))
                texts.cache.store(StreamMessageCache.Rendering(message: text, hint: nil))
                out.append(contentsOf: text.utf8)
            }
        }
    }

    private static func evaluate(_ expression: CompiledExpression, _ activation: CELActivation, to out: inout [UInt8]) {
        out.append(contentsOf: TemplateFormatting.text(of: expression.program.evaluate(activation)).utf8)
    }

    /// Appends what ``TemplateFormatting`` prints for the value `event.FIELD` has in CEL.
    private static func append(_ field: UsageEventField, of usage: UsageEvent, node: EventNode, to out: inout [UInt8]) {
        switch field.valueKind {
        case .string where field != .time:
            let copied = usage.withUTF8(field) { bytes -> Bool in
                // The scanner validated the line's bytes; a value decoded from escapes (or set by
                // other code) is checked again, as `String` would replace anything invalid.
                guard bytes.count <= TemplateFormatting.maxPlaceholderBytes,
                    usage.isValidatedUTF8(field) || UTF8Sequences.areValid(bytes)
                else { return false }
                out.append(contentsOf: bytes)
                return true
            }
            if !copied { appendFormatted(field, of: node, to: &out) }
        case .integer:
            JSONBytes.writeInt(Int(usage.integer(field)), to: &out)
        case .decimal:
            let number = usage.decimal(field)
            if let whole = TemplateFormatting.wholeNumber(number) {
                JSONBytes.writeInt(Int(whole), to: &out)
            } else {
                out.append(contentsOf: String(number).utf8)
            }
        case .string, .object:
            appendFormatted(field, of: node, to: &out)
        }
    }

    @inline(never)
    private static func appendFormatted(_ field: UsageEventField, of node: EventNode, to out: inout [UInt8]) {
        out.append(contentsOf: TemplateFormatting.text(of: node.value(of: field)).utf8)
    }
}

/// The texts one placeholder printed, by the values of the event fields it reads (its
/// rendering is a pure function of them and of the fixed workspace). A class: the template
/// holding it is a value of its rule's plan entry, which belongs to one decider.
final class PlaceholderTexts {
    var cache: StreamMessageCache

    init(fields: [UsageEventField], rules: Int) {
        cache = StreamMessageCache(fields: fields, rules: rules)
    }
}
