import BylawSource
import BylawYAML

/// Decodes one YAML document into a ``PolicyDocument``, reporting every problem it finds.
///
/// It checks shape only (keys, types, required fields, `forbid`/`require`, the `for:` form);
/// names and types inside expressions are the compiler's job.
public enum PolicyDecoder {
    /// Combinators nest as deep as needed, but not without bound.
    static let maxConditionDepth = 64

    /// Decodes `node` from `file`; returns nil when the document is too broken to describe a policy.
    public static func decode(_ node: YAMLNode, file: SourceFile) -> (document: PolicyDocument?, diagnostics: [Diagnostic]) {
        let reader = NodeReader(file: file)
        let document = decodePolicy(node, reader)
        return (document, reader.diagnostics)
    }

    private static func decodePolicy(_ node: YAMLNode, _ reader: NodeReader) -> PolicyDocument? {
        guard let pairs = reader.mapping(node, "a policy document") else { return nil }
        let keys = reader.keyed(pairs, PolicySyntax.policy)
        guard let idNode = reader.required(keys, "policy", in: "this policy", owner: node),
              let id = identifier(idNode, "the policy id", reader) else { return nil }
        let title = keys["title"].flatMap { reader.text($0.value, "'title'") }
        let owner = keys["owner"].flatMap { reader.text($0.value, "'owner'") }
        let handbook = keys["handbook"].flatMap { reader.text($0.value, "'handbook'") }
        let budget = keys["budget"].map { decodeBudget($0.value, reader) } ?? []
        var undecoded = UndecodedParts()
        let lists = keys["lists"].map { decodeLists($0.value, reader, &undecoded) } ?? []
        let macros = keys["macros"].map { decodeMacros($0.value, reader, &undecoded) } ?? []
        var rules: [RuleDecl] = []
        if let rulesNode = keys["rules"]?.value, let items = reader.sequence(rulesNode, "'rules'") {
            for item in items {
                if let rule = decodeRule(item, reader) {
                    rules.append(rule)
                } else if let id = item.mapping?.first(where: { $0.key.scalar?.text == "id" })?.value.scalar?.text {
                    undecoded.ruleIDs.insert(id)
                }
            }
        }
        var exceptions: [ExceptionDecl] = []
        if let node = keys["exceptions"]?.value, let items = reader.sequence(node, "'exceptions'") {
            exceptions = items.compactMap { decodeException($0, reader) }
        }
        var tests: [PolicyTestDecl] = []
        if let node = keys["tests"]?.value, let items = reader.sequence(node, "'tests'") {
            tests = items.compactMap { decodeTest($0, reader) }
        }
        undecoded.hasErrors = reader.diagnostics.contains { $0.severity == .error }
        return PolicyDocument(
            id: id, idRange: idNode.range, title: title, owner: owner, handbook: handbook, budget: budget, lists: lists, macros: macros,
            rules: rules, exceptions: exceptions, tests: tests, file: reader.file, range: node.range, undecoded: undecoded)
    }

    /// Ids and names are identifiers: letters, digits, `_` and `-`, starting with a letter, so
    /// `POLICY/RULE` stays unambiguous and names can appear in CEL (lists and macros, see below).
    static func identifier(_ node: YAMLNode, _ what: String, _ reader: NodeReader, allowDash: Bool = true) -> String? {
        guard let text = reader.nonEmptyText(node, what) else { return nil }
        let scalars = Array(text.unicodeScalars)
        let valid = scalars.first.map(isIdentifierStart) == true
            && scalars.allSatisfy { isIdentifierStart($0) || ("0"..."9").contains($0) || (allowDash && $0 == "-") }
        if !valid {
            let rule = allowDash ? "letters, digits, '_' and '-'" : "letters, digits and '_' (it is used as a name in expressions)"
            reader.error(.policyInvalidID, "\(what) '\(text)' is not a valid name", at: node.range, hint: "use \(rule), starting with a letter")
            return nil
        }
        return text
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func decodeLists(_ node: YAMLNode, _ reader: NodeReader, _ undecoded: inout UndecodedParts) -> [ListDecl] {
        guard let pairs = reader.mapping(node, "'lists'") else { return [] }
        return pairs.compactMap { pair in
            guard let name = identifier(pair.key, "a list name", reader, allowDash: false) else { return nil }
            guard let items = reader.sequence(pair.value, "list '\(name)'") else {
                undecoded.names.insert(name)
                return nil
            }
            for item in items where item.scalar == nil || item.scalar?.value == .null {
                reader.error(.policyWrongType, "items of list '\(name)' must be strings, numbers or booleans, found \(item.kindDescription)", at: item.range)
            }
            return ListDecl(name: name, nameRange: pair.key.range, items: items, range: pair.value.range)
        }
    }

    private static func decodeMacros(_ node: YAMLNode, _ reader: NodeReader, _ undecoded: inout UndecodedParts) -> [MacroDecl] {
        guard let pairs = reader.mapping(node, "'macros'") else { return [] }
        return pairs.compactMap { pair in
            guard let name = identifier(pair.key, "a macro name", reader, allowDash: false) else { return nil }
            guard let condition = decodeCondition(pair.value, "macro '\(name)'", reader, depth: 0) else {
                undecoded.names.insert(name)
                return nil
            }
            return MacroDecl(name: name, nameRange: pair.key.range, condition: condition)
        }
    }

    private static func decodeRule(_ node: YAMLNode, _ reader: NodeReader) -> RuleDecl? {
        guard let written = reader.mapping(node, "a rule") else { return nil }
        let (pairs, lifted) = liftMisplacedCombinators(written, reader)
        let keys = reader.keyed(pairs, PolicySyntax.rule)
        guard let idNode = reader.required(keys, "id", in: "this rule", owner: node),
              let id = identifier(idNode, "the rule id", reader) else { return nil }
        let what = "rule '\(id)'"
        var trigger = RuleTrigger.usage
        if let onNode = reader.required(keys, "on", in: what, owner: node) {
            guard let value = enumValue(onNode, RuleTrigger.self, "'on'", reader) else { return nil }
            trigger = value
        } else {
            return nil
        }
        var enforcement = Enforcement.block
        if let node = keys["enforcement"]?.value {
            guard let value = enumValue(node, Enforcement.self, "'enforcement'", reader) else { return nil }
            enforcement = value
        }
        let forBinding = keys["for"].flatMap { decodeFor($0.value, reader) }
        let whereCondition = keys["where"].flatMap { condition($0, lifted: lifted, "'where' of \(what)", reader) }
        let mode: RuleMode
        let conditionPair: YAMLPair
        switch (keys["forbid"], keys["require"]) {
        case (let forbid?, nil):
            (mode, conditionPair) = (.forbid, forbid)
        case (nil, let require?):
            (mode, conditionPair) = (.require, require)
        case (let forbid?, let require?):
            reader.error(
                .policyForbidAndRequire, "\(what) has both 'forbid' and 'require'", at: require.key.range,
                notes: [DiagnosticNote("'forbid' is here", at: reader.span(forbid.key.range))],
                hint: "a rule states one condition: 'forbid' (fires when true) or 'require' (fires when false)")
            return nil
        case (nil, nil):
            reader.error(
                .policyMissingCondition, "\(what) has neither 'forbid' nor 'require'", at: idNode.range,
                hint: "add 'forbid: <condition>' (fires when true) or 'require: <condition>' (fires when false)")
            return nil
        }
        guard let condition = condition(conditionPair, lifted: lifted, "'\(mode.rawValue)' of \(what)", reader) else { return nil }
        let message = keys["message"].flatMap { template($0.value, "'message'", reader) }
        let hint = keys["hint"].flatMap { template($0.value, "'hint'", reader) }
        let title = keys["title"].flatMap { reader.text($0.value, "'title'") }
        return RuleDecl(
            id: id, idRange: idNode.range, title: title, trigger: trigger, forBinding: forBinding, whereCondition: whereCondition,
            mode: mode, condition: condition, conditionKeyRange: conditionPair.key.range, enforcement: enforcement,
            message: message, hint: hint, range: node.range)
    }

    private static func template(_ node: YAMLNode, _ what: String, _ reader: NodeReader) -> TemplateText? {
        guard let text = reader.text(node, what) else { return nil }
        return TemplateText(text: text, node: node, file: reader.file)
    }

    static func enumValue<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ type: E.Type, _ what: String, _ reader: NodeReader) -> E?
    where E.RawValue == String {
        guard let text = reader.text(node, what) else { return nil }
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        reader.error(
            .policyUnknownValue, "\(what) must be one of \(names.joined(separator: ", ")); found '\(text)'", at: node.range,
            hint: DidYouMean.hint(text, from: names))
        return nil
    }

    /// `for: NAME in COLLECTION`: the collection is an expression; NAME becomes a variable.
    private static func decodeFor(_ node: YAMLNode, _ reader: NodeReader) -> ForBinding? {
        guard let text = reader.text(node, "'for'"), let scalar = node.scalar else { return nil }
        let bytes = Array(text.utf8)
        var index = 0
        func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        func isNameByte(_ byte: UInt8) -> Bool {
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte == 0x5F || (0x30...0x39).contains(byte)
        }
        skipSpaces()
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        let nameEnd = index
        skipSpaces()
        let hasIn = index + 2 <= bytes.count && bytes[index] == 0x69 && bytes[index + 1] == 0x6E
            && (index + 2 == bytes.count || bytes[index + 2] == 0x20 || bytes[index + 2] == 0x09)
        let nameIsValid = nameEnd > nameStart && !(0x30...0x39).contains(bytes[nameStart])
        guard nameIsValid, hasIn, index > nameEnd else {
            reader.error(
                .policyInvalidFor, "'for' must read 'NAME in COLLECTION', found '\(text)'", at: node.range,
                hint: "for example 'for: org in workspace.orgs'")
            return nil
        }
        index += 2
        skipSpaces()
        guard index < bytes.count else {
            reader.error(.policyInvalidFor, "'for' names no collection after 'in'", at: node.range, hint: "for example 'for: org in workspace.orgs'")
            return nil
        }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        let collection = String(decoding: bytes[index...], as: UTF8.self)
        let nameRange = SourceRange(
            start: scalar.sourceOffset(ofTextOffset: nameStart, in: reader.file),
            end: scalar.sourceOffset(ofTextOffset: nameEnd, in: reader.file))
        return ForBinding(
            name: name, nameRange: nameRange,
            collection: ExpressionText(text: collection, node: node, offsetInScalar: index, file: reader.file))
    }
}
