import BylawSource
import BylawYAML

extension PolicyDecoder {
    static func decodeException(_ node: YAMLNode, _ reader: NodeReader) -> ExceptionDecl? {
        guard let written = reader.mapping(node, "an exception") else { return nil }
        let (pairs, lifted) = liftMisplacedCombinators(written, reader)
        let keys = reader.keyed(pairs, PolicySyntax.exception)
        guard let ruleNode = reader.required(keys, "rule", in: "this exception", owner: node),
              let rule = reader.nonEmptyText(ruleNode, "'rule'") else { return nil }
        let whereCondition = keys["where"].flatMap { condition($0, lifted: lifted, "'where' of the exception", reader) }
        if keys["where"] != nil, whereCondition == nil { return nil }
        let reason = keys["reason"].flatMap { reader.text($0.value, "'reason'") }
        if reason == nil, keys["reason"] == nil {
            reader.warning(
                .policyExceptionWithoutReason, "the exception to '\(rule)' gives no reason", at: ruleNode.range,
                hint: "add 'reason:' so the handbook and audits can say why it exists")
        }
        var expires: CalendarDate?
        var expiresRange: SourceRange?
        if let expiresNode = keys["expires"]?.value, let text = reader.text(expiresNode, "'expires'") {
            if let date = CalendarDate(text) {
                expires = date
                expiresRange = expiresNode.range
            } else {
                reader.error(.policyInvalidDate, "'expires' must be a date written YYYY-MM-DD, found '\(text)'", at: expiresNode.range)
                return nil
            }
        }
        return ExceptionDecl(
            rule: rule, ruleRange: ruleNode.range, whereCondition: whereCondition, reason: reason, expires: expires,
            expiresRange: expiresRange, range: node.range)
    }

    static func decodeTest(_ node: YAMLNode, _ reader: NodeReader) -> PolicyTestDecl? {
        guard let pairs = reader.mapping(node, "a test") else { return nil }
        let keys = reader.keyed(pairs, PolicySyntax.test)
        guard let nameNode = reader.required(keys, "name", in: "this test", owner: node),
              let name = reader.nonEmptyText(nameNode, "the test name") else { return nil }
        guard let expectNode = reader.required(keys, "expect", in: "test '\(name)'", owner: node) else { return nil }
        let expectation: PolicyTestDecl.Expectation
        if let scalar = expectNode.scalar, scalar.text == "allow" {
            expectation = .allow
        } else if let items = expectNode.sequence {
            var ids: [(id: String, range: SourceRange)] = []
            for item in items {
                if let id = reader.nonEmptyText(item, "each rule id in 'expect'") { ids.append((id, item.range)) }
            }
            guard ids.count == items.count else { return nil }
            expectation = ids.isEmpty ? .allow : .rules(ids)
        } else {
            reader.error(
                .policyInvalidExpect, "'expect' must be 'allow' or a list of rule ids, found \(expectNode.kindDescription)",
                at: expectNode.range, hint: "for example 'expect: [no-client-data-in-consumer-chat]'")
            return nil
        }
        let event = keys["event"]?.value
        if let event, event.mapping == nil {
            reader.error(.policyWrongType, "'event' must be a mapping (a usage event), found \(event.kindDescription)", at: event.range)
            return nil
        }
        let workspace = keys["workspace"].flatMap { workspaceSource($0.value, "'workspace'", reader) }
        let before = keys["before"].flatMap { workspaceSource($0.value, "'before'", reader) }
        let after = keys["after"].flatMap { workspaceSource($0.value, "'after'", reader) }
        if (keys["before"] == nil) != (keys["after"] == nil) {
            reader.error(.policyInvalidTest, "test '\(name)' gives only one of 'before' and 'after'", at: nameNode.range, hint: "a change test gives both")
            return nil
        }
        return PolicyTestDecl(
            name: name, nameRange: nameNode.range, event: event, workspace: workspace, before: before, after: after,
            expectation: expectation, expectRange: expectNode.range, range: node.range)
    }

    private static func workspaceSource(_ node: YAMLNode, _ what: String, _ reader: NodeReader) -> PolicyTestDecl.WorkspaceSource? {
        if node.mapping != nil { return .inline(node) }
        if let scalar = node.scalar, case .string(let path) = scalar.value, !path.isEmpty {
            return .file(path: path, range: node.range)
        }
        reader.error(
            .policyWrongType, "\(what) must be a workspace (a mapping) or a path to one, found \(node.kindDescription)", at: node.range)
        return nil
    }
}
