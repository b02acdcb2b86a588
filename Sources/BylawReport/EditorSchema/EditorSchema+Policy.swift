import BylawPolicy
import BylawSchema
import BylawSource
import CEL

// The policy document, read from the declaration of its keys (`PolicySyntax`), the one the
// decoder accepts keys from.
extension EditorSchema {
    /// The sections with a definition of their own, besides the document itself.
    static let policySections = [PolicySyntax.rule, PolicySyntax.exception, PolicySyntax.test, PolicySyntax.budget]

    /// A section's keys as a closed object, with what ties some of them together.
    static func sectionPairs(_ section: PolicySection) -> SchemaJSON.Pairs {
        let properties = section.keys.map { key in (key.name, keySchema(key)) }
        var pairs = SchemaJSON.object(properties, required: section.keys.filter(\.isRequired).map(\.name))
        let forbidOrRequire = section.keys.filter { $0.group == .ruleCondition }.map(\.name)
        if !forbidOrRequire.isEmpty {
            // Exactly one: both or neither match zero or two of these.
            pairs.append(("oneOf", .array(forbidOrRequire.map { .object([("required", SchemaJSON.strings([$0]))]) })))
        }
        let change = section.keys.filter { $0.group == .change }.map(\.name)
        if !change.isEmpty {
            pairs.append(("dependencies", .object(change.map { name in (name, SchemaJSON.strings(change.filter { $0 != name })) })))
        }
        if let snippets = snippets(for: section) { pairs.append(("defaultSnippets", snippets)) }
        return pairs
    }

    static func sectionDefinition(_ section: PolicySection) -> JSONValue {
        .object(SchemaJSON.described(section.doc) + sectionPairs(section))
    }

    private static func keySchema(_ key: PolicyKey) -> JSONValue {
        var schema = SchemaJSON.property(key.doc, value(key.value))
        if let standard = key.defaultValue, case .object(let pairs) = schema { schema = .object(pairs + [("default", .string(standard))]) }
        return schema
    }

    private static func value(_ value: PolicyValue) -> JSONValue {
        switch value {
        case .text, .template: return SchemaJSON.scalar
        case .identifier: return .object([SchemaJSON.type("string"), ("pattern", .string("^[A-Za-z_][A-Za-z0-9_-]*$"))])
        case .choice(let values): return .object(SchemaJSON.choice(values))
        case .condition: return SchemaJSON.reference("condition")
        case .conditionList: return .object([SchemaJSON.type("array"), ("minItems", .int(1)), ("items", SchemaJSON.reference("condition"))])
        case .forBinding:
            return .object([SchemaJSON.type("string"), ("pattern", .string("^[ \\t]*[A-Za-z_][A-Za-z0-9_]*[ \\t]+in[ \\t]+[^ \\t]"))])
        case .date: return .object(SchemaJSON.date)
        case .namedLists:
            let items = JSONValue.object([SchemaJSON.type("array"), ("items", SchemaJSON.scalar)])
            return .object([SchemaJSON.type("object"), ("propertyNames", name), ("additionalProperties", items)])
        case .namedConditions:
            return .object([SchemaJSON.type("object"), ("propertyNames", name), ("additionalProperties", SchemaJSON.reference("condition"))])
        case .budget: return SchemaJSON.reference(PolicySyntax.budget.name)
        case .budgetLimit(let dimension): return budgetLimit(dimension)
        case .sections(let section): return .object([SchemaJSON.type("array"), ("items", SchemaJSON.reference(section.name))])
        case .event: return SchemaJSON.reference(DomainSchema.event.name)
        case .workspace:
            return .object([("anyOf", .array([SchemaJSON.reference(DomainSchema.workspace.name), .object([SchemaJSON.type("string"), ("minLength", .int(1))])]))])
        case .expectation:
            let ruleIDs = JSONValue.object([SchemaJSON.type("array"), ("items", .object([SchemaJSON.type("string"), ("minLength", .int(1))]))])
            return .object([("anyOf", .array([.object([SchemaJSON.type("string"), ("enum", SchemaJSON.strings(["allow"]))]), ruleIDs]))])
        }
    }

    /// A list's or a macro's name: it is used as a name in expressions, so no `-`.
    private static let name: JSONValue = .object([("pattern", .string("^[A-Za-z_][A-Za-z0-9_]*$"))])

    /// A positive whole number up to the ceiling, or its text (`50_000_000`, `16MiB`).
    private static func budgetLimit(_ dimension: CELBudgetDimension) -> JSONValue {
        let number = JSONValue.object([SchemaJSON.type("integer"), ("minimum", .int(1)), ("maximum", .int(Int64(CELBudget.ceiling[dimension])))])
        let text = dimension == .memory
            ? "^ *[0-9]+ *([bB]|[bB][yY][tT][eE][sS]?|[kKmMgG]([iI]?[bB])?)? *$"
            : "^[0-9]+(_[0-9]+)*$"
        return .object([("anyOf", .array([number, .object([SchemaJSON.type("string"), ("pattern", .string(text))])]))])
    }

    /// A condition: an expression (any non-blank scalar), or one combinator over conditions.
    static var conditionDefinition: JSONValue {
        let combinators = PolicySyntax.combinators
        let expression = JSONValue.object(
            SchemaJSON.described("A CEL expression, e.g. `event.artifact.classification == \"client\"`.")
                + [SchemaJSON.type("string", "number", "boolean"), ("pattern", .string("[^ \\t\\r\\n]"))])
        var combinator = sectionPairs(combinators)
        combinator += [("minProperties", .int(1)), ("maxProperties", .int(1))]
        return .object(SchemaJSON.described(combinators.doc) + [("anyOf", .array([expression, .object(combinator)]))])
    }
}
