@testable import BylawEval
import BylawModel
import BylawSchema
import BylawSource
import CEL
import Testing

/// Every field of the table reaches policies: a config written from the table alone (every key,
/// with a sample value of its kind) loads, and every field of every object reads back without an
/// error, as written. A field added to the table but not wired into the model fails here.
@Suite("The schema table reaches the CEL view")
struct SchemaCoverageTests {
    /// A sample value of each plain kind, as written in YAML and as the model should hold it.
    static func sample(_ kind: ConfigValueKind, _ field: SchemaField) -> (yaml: String, value: ConfigValue) {
        let first = field.type.enumeration?.names.last ?? ""
        switch kind {
        case .string: return ("text-\(field.name)", .string("text-\(field.name)"))
        case .integer: return ("7", .integer(7))
        case .double: return ("1.5", .double(1.5))
        case .bool: return ("true", .bool(true))
        case .date: return ("2026-01-02", .date("2026-01-02"))
        case .enumeration: return (first, .string(first))
        case .enumerationList: return ("[\(first)]", .strings([first]))
        case .stringList: return ("[a, b]", .strings(["a", "b"]))
        case .labels: return ("{k: v}", .labels(["k": "v"]))
        }
    }

    /// The id of object `index` of a type.
    static func id(_ typeName: String, _ index: Int) -> String { "\(typeName.lowercased())-\(index)" }

    /// A flow mapping writing every config key of `type` for object `index`. References to the
    /// object's own type point at object 0 from object 1 only (an org is not its own parent).
    static func mapping(_ type: SchemaObjectType, index: Int) -> String {
        var pairs: [String] = []
        for field in type.fields {
            guard let key = field.configKey else { continue }
            if case .id = field.source {
                pairs.append("\(key): \(id(type.name, index))")
            } else if let kind = field.configValueKind {
                pairs.append("\(key): \(sample(kind, field).yaml)")
            } else if case .reference(let name) = field.type {
                if name != type.name || index == 1 { pairs.append("\(key): \(id(name, 0))") }
            } else if case .list(.reference(let name)) = field.type {
                pairs.append("\(key): [\(id(name, 0))]")
            } else if case .object(let name) = field.type, let part = DomainSchema.type(named: name) {
                pairs.append("\(key): \(mapping(part, index: 0))")
            } else if case .list(.object(let name)) = field.type, let part = DomainSchema.type(named: name) {
                pairs.append("\(key): [\(mapping(part, index: 0)), \(mapping(part, index: 1))]")
            }
        }
        return "{" + pairs.joined(separator: ", ") + "}"
    }

    /// Whether a CEL value is what the config wrote.
    static func reads(_ value: CELValue, as written: ConfigValue) -> Bool {
        switch (value, written) {
        case (.string(let a), .string(let b)): return a == b
        case (.int(let a), .integer(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.timestamp(let a), .date(let b)): return (try? CELTimestamp.parse(b + "T00:00:00Z")) == a
        case (.list(let items), .strings(let names)):
            return items.count == names.count && zip(items, names).allSatisfy { if case .string($1) = $0 { true } else { false } }
        case (.map(let map), .labels(let labels)): return map.count == labels.count
        default: return false
        }
    }

    @Test("a config with every key of the table loads, and every field reads back as written")
    func everyFieldReadsBack() throws {
        let text = Self.mapping(DomainSchema.workspace, index: 0)
        let result = WorkspaceLoader.load(SourceFile(path: "all.yaml", text: text))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let workspace = try #require(result.workspace)
        let graph = WorkspaceGraph(workspace)
        let nodes: [String: [any CELObject]] = [
            "Workspace": [graph.root], "Billing": [graph.billing], "BillingAccount": graph.accounts,
            "Subscription": graph.subscriptions, "Org": graph.orgs, "OrgBilling": graph.orgBillings, "User": graph.users,
            "Provider": graph.providers, "App": graph.apps,
        ]
        for type in DomainSchema.workspaceTypes {
            let objects = try #require(nodes[type.name], "no node for \(type.name)")
            #expect(!objects.isEmpty, "\(type.name)")
            // The last object writes every key (and refers to the first).
            guard let object = objects.last else { continue }
            #expect(object.celTypeName == type.name)
            for (index, field) in type.fields.enumerated() where field.isVisible {
                let value = object.celField(index)
                if case .error(let error) = value { Issue.record("\(type.name).\(field.name): \(error)") }
                guard field.configKey != nil else { continue }
                #expect(object.celHasField(index), "\(type.name).\(field.name) was written")
                if let kind = field.configValueKind {
                    #expect(Self.reads(value, as: Self.sample(kind, field).value), "\(type.name).\(field.name) reads \(value)")
                }
            }
        }
    }
}
