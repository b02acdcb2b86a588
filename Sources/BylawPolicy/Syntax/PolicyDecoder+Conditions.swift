import BylawSource
import BylawYAML

extension PolicyDecoder {
    /// Where a tag is written: libyaml places an empty tagged scalar after its tag, so look back
    /// on the same line for the tag's text.
    static func tagRange(_ tag: String, before range: SourceRange, in file: SourceFile) -> SourceRange {
        let needle = Array(tag.utf8)
        let bytes = file.bytes
        var start = min(range.start, bytes.count) - needle.count
        while start >= 0 {
            if bytes[start] == UInt8(ascii: "\n") { break }
            if bytes[start..<start + needle.count].elementsEqual(needle) { return SourceRange(start: start, end: start + needle.count) }
            start -= 1
        }
        return range
    }

    /// A condition: a scalar is a CEL expression; a mapping with one key `all`, `any` or `not`
    /// is a combinator.
    static func decodeCondition(_ node: YAMLNode, _ what: String, _ reader: NodeReader, depth: Int) -> Condition? {
        if depth > maxConditionDepth {
            reader.error(.policyTooDeep, "conditions nest more than \(maxConditionDepth) levels deep", at: node.range)
            return nil
        }
        // `forbid: !has(org.parent)` is a YAML tag (`!has(org.parent)`) on an empty scalar, not an
        // expression: the most common YAML trap when writing CEL, so it gets its own message.
        if let tag = node.tag, tag.hasPrefix("!"), !tag.hasPrefix("!!") {
            reader.error(
                .policyYAMLTag, "YAML reads '\(tag)' in \(what) as a tag, not as part of the expression", at: tagRange(tag, before: node.range, in: reader.file),
                hint: "put the whole expression in quotes: a plain YAML value cannot start with '!'")
            return nil
        }
        switch node.kind {
        case .scalar(let scalar):
            if scalar.value == .null || scalar.text.trimmingSpaces.isEmpty {
                reader.error(.policyMissingCondition, "\(what) is empty", at: node.range, hint: "write a CEL expression, or all:/any:/not:")
                return nil
            }
            return .expression(ExpressionText(text: scalar.text, node: node, offsetInScalar: 0, file: reader.file))
        case .sequence:
            reader.error(
                .policyWrongType, "\(what) is a list; a list of conditions goes under 'all:' or 'any:'", at: node.range,
                hint: "write 'all:' (every condition holds) or 'any:' (one holds) above the list")
            return nil
        case .mapping(let pairs):
            guard pairs.count == 1, let pair = pairs.first, let key = pair.key.scalar?.text, PolicySyntax.combinators.keyNames.contains(key) else {
                let names = pairs.compactMap { $0.key.scalar?.text }
                let unknown = names.first { !PolicySyntax.combinators.keyNames.contains($0) }
                let range = pairs.first { $0.key.scalar?.text == unknown }?.key.range ?? node.range
                reader.error(
                    .policyInvalidCondition,
                    unknown.map { "unknown combinator '\($0)' in \(what)" } ?? "\(what) must have exactly one of 'all', 'any' or 'not'",
                    at: range,
                    hint: unknown.flatMap { DidYouMean.hint($0, from: PolicySyntax.combinators.keyNames) }
                        ?? "a condition is a CEL expression, or a mapping with one key: all, any or not")
                return nil
            }
            return decodeCombinator(pair, key: key, what, reader, depth: depth)
        }
    }

    /// `all:`, `any:` or `not:` with what is under it.
    private static func decodeCombinator(_ pair: YAMLPair, key: String, _ what: String, _ reader: NodeReader, depth: Int) -> Condition? {
        if key == "not" {
            return decodeCondition(pair.value, "'not' of \(what)", reader, depth: depth + 1).map { .not($0, range: pair.key.range) }
        }
        guard let items = reader.sequence(pair.value, "'\(key)' of \(what)") else { return nil }
        if items.isEmpty {
            reader.error(.policyInvalidCondition, "'\(key)' of \(what) has no conditions", at: pair.value.range)
            return nil
        }
        let children = items.compactMap { decodeCondition($0, "'\(key)' of \(what)", reader, depth: depth + 1) }
        guard children.count == items.count else { return nil }
        return key == "all" ? .all(children, range: pair.key.range) : .any(children, range: pair.key.range)
    }

    /// The condition of `pair` (`forbid:`, `require:`, `where:`), or of the combinator that
    /// belongs under it but was written beside it (``liftMisplacedCombinators(_:_:)``).
    static func condition(_ pair: YAMLPair, lifted: [String: YAMLPair], _ what: String, _ reader: NodeReader) -> Condition? {
        if let key = pair.key.scalar?.text, let combinator = lifted[key], let name = combinator.key.scalar?.text {
            return decodeCombinator(combinator, key: name, what, reader, depth: 0)
        }
        return decodeCondition(pair.value, what, reader, depth: 0)
    }

    /// Finds `all:`, `any:` or `not:` written at the level of an empty `forbid:`, `require:` or
    /// `where:` just above it instead of under it: one indentation slip that YAML reads as an
    /// empty condition and an unknown key. It is reported once, as indentation, and the
    /// combinator is read as the condition it was meant to be, so the rest of the rule is
    /// checked and nothing that only follows from the slip is reported. Returns the other
    /// pairs, and each combinator by the key it belongs under.
    static func liftMisplacedCombinators(_ pairs: [YAMLPair], _ reader: NodeReader) -> (pairs: [YAMLPair], lifted: [String: YAMLPair]) {
        var kept: [YAMLPair] = []
        var lifted: [String: YAMLPair] = [:]
        var index = 0
        while index < pairs.count {
            let pair = pairs[index]
            kept.append(pair)
            index += 1
            guard let key = pair.key.scalar?.text, ["forbid", "require", "where"].contains(key), pair.value.scalar?.value == .null,
                  pair.value.tag == nil, index < pairs.count, let next = pairs[index].key.scalar?.text, PolicySyntax.combinators.keyNames.contains(next)
            else { continue }
            let combinator = pairs[index]
            lifted[key] = combinator
            index += 1
            let keyColumn = reader.file.location(ofByte: pair.key.range.start).column
            let column = reader.file.location(ofByte: combinator.key.range.start).column
            let missing = max(2, keyColumn + 2 - column)
            reader.error(
                .policyIndentation, "wrong indentation: '\(next):' is in line with '\(key):', so '\(key):' is empty and '\(next):' is not under it",
                at: combinator.key.range, notes: [DiagnosticNote("'\(key):' is here", at: reader.span(pair.key.range))],
                hint: "indent '\(next):' and the lines under it \(missing) spaces further, so that '\(next):' is under '\(key):'")
        }
        return (kept, lifted)
    }
}
