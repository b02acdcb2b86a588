import BylawPolicy
import BylawSchema
import BylawSource

/// The JSON Schemas (draft-07) editors check Bylaw's files with: completion of every key,
/// its description on hover, the known values of each field with theirs, and a rule skeleton.
///
/// They are generated from the declarations the compiler and the decoders use, never written
/// by hand: the policy keys from ``PolicySyntax``, the workspace config and the usage event from
/// the schema table (``DomainSchema``). `bylaw schema KIND` prints one; the committed copies
/// under `schemas/` are compared with this output by a test.
///
/// Every object of a policy and of a workspace config is closed (`additionalProperties: false`),
/// so a misspelled key is marked where it is written; so is a policy's test event. The event
/// schema alone accepts other keys, as a usage stream does.
public enum EditorSchema: String, CaseIterable, Sendable {
    /// A policy document (`Policies/*.yaml`), with the workspace and event its tests write.
    case policy
    /// A workspace config.
    case workspace
    /// One usage event (a line of a usage stream, or a test's `event`).
    case event

    /// The name of its file under `schemas/`.
    public var fileName: String { "\(rawValue).schema.json" }

    /// The schema as JSON text, two-space indented, with a final line break.
    public var text: String { document.pretty + "\n" }

    /// The schema.
    public var document: JSONValue {
        switch self {
        case .policy: return Self.policyDocument
        case .workspace: return Self.rootDocument(title: "Bylaw workspace config", DomainSchema.workspace, Self.configTypes, Self.configPairs)
        case .event: return Self.rootDocument(title: "Bylaw usage event", DomainSchema.event, Self.eventTypes) { Self.eventPairs($0, closed: false) }
        }
    }

    /// A document whose root is an object type of the table, with the types it holds as
    /// definitions.
    private static func rootDocument(
        title: String, _ root: SchemaObjectType, _ types: [SchemaObjectType], _ body: (SchemaObjectType) -> SchemaJSON.Pairs
    ) -> JSONValue {
        let definitions = types.filter { $0.name != root.name }.map { ($0.name, JSONValue.object(SchemaJSON.described($0.doc) + body($0))) }
        return .object(SchemaJSON.header(title: title, doc: root.doc) + body(root) + [("definitions", .object(definitions))])
    }

    private static var policyDocument: JSONValue {
        let root = PolicySyntax.policy
        var definitions: SchemaJSON.Pairs = policySections.map { ($0.name, sectionDefinition($0)) }
        definitions.append(("condition", conditionDefinition))
        definitions += configTypes.map { ($0.name, .object(SchemaJSON.described($0.doc) + configPairs($0))) }
        definitions += eventTypes.map { ($0.name, .object(SchemaJSON.described($0.doc) + eventPairs($0, closed: true))) }
        return .object(SchemaJSON.header(title: "Bylaw policy", doc: root.doc) + sectionPairs(root) + [("definitions", .object(definitions))])
    }
}
