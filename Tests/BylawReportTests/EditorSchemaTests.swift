import BylawPolicy
import BylawReport
import BylawSchema
import BylawSource
import Foundation
import Testing

/// The editor schemas are generated from the declarations the decoders use, and the copies
/// under `schemas/` are what this build generates (`BYLAW_UPDATE_SCHEMA=1` rewrites them).
@Suite("Editor schemas")
struct EditorSchemaTests {
    static let root = DiagnosticCatalogueTests.root

    @Test("schemas/*.schema.json are what bylaw schema prints", arguments: EditorSchema.allCases)
    func committed(schema: EditorSchema) throws {
        let url = Self.root.appendingPathComponent("schemas/\(schema.fileName)")
        if ProcessInfo.processInfo.environment["BYLAW_UPDATE_SCHEMA"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try schema.text.write(to: url, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        #expect(onDisk == schema.text, "schemas/\(schema.fileName) is stale: run BYLAW_UPDATE_SCHEMA=1 swift test --filter EditorSchemaTests")
    }

    /// The properties of a definition (or of the root, for nil), by key.
    static func properties(_ schema: EditorSchema, _ definition: String?) throws -> [String: JSONValue] {
        let document = schema.document
        let node = try #require(definition.map { document["definitions"]?[$0] } ?? document, "no definition \(definition ?? "root")")
        guard case .object(let pairs)? = node["properties"] else { return [:] }
        // A stream ignores keys it does not know; everything else is closed.
        #expect(node["additionalProperties"] == (schema == .event ? nil : .bool(false)), "\(definition ?? "root")")
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    @Test("the policy schema has exactly the keys the decoder accepts, in its order")
    func policyKeys() throws {
        let sections: [(String?, PolicySection)] = [
            (nil, PolicySyntax.policy), ("rule", PolicySyntax.rule), ("exception", PolicySyntax.exception),
            ("test", PolicySyntax.test), ("budget", PolicySyntax.budget),
        ]
        for (definition, section) in sections {
            let node = try #require(definition.map { EditorSchema.policy.document["definitions"]?[$0] } ?? EditorSchema.policy.document)
            guard case .object(let pairs)? = node["properties"] else {
                Issue.record("\(section.name) has no properties")
                continue
            }
            #expect(pairs.map(\.0) == section.keyNames)
            let required = section.keys.filter(\.isRequired).map { JSONValue.string($0.name) }
            #expect(node["required"] == (required.isEmpty ? nil : .array(required)))
            for (key, value) in pairs {
                #expect(value["markdownDescription"] != nil, "\(section.name).\(key) has no description")
            }
        }
    }

    @Test("the workspace schema has every config key of the table, and the event schema every event key")
    func domainKeys() throws {
        for type in DomainSchema.workspaceTypes where type.name != "OrgBilling" {
            let keys = try Self.properties(.workspace, type.name == "Workspace" ? nil : type.name)
            #expect(Set(keys.keys) == Set(type.fields.compactMap(\.configKey)), "\(type.name)")
        }
        for type in DomainSchema.eventTypes {
            let keys = try Self.properties(.event, type.name == "Event" ? nil : type.name)
            #expect(Set(keys.keys) == Set(type.fields.compactMap(\.streamKey)), "\(type.name)")
        }
    }

    @Test("a policy's test event is closed, a stream's event is not")
    func eventKeys() throws {
        #expect(EditorSchema.policy.document["definitions"]?["Event"]?["additionalProperties"] == .bool(false))
        #expect(EditorSchema.policy.document["definitions"]?["Artifact"]?["additionalProperties"] == .bool(false))
        #expect(EditorSchema.event.document["additionalProperties"] == nil)
    }

    @Test("every enumeration lists its values with a description each")
    func enumerations() throws {
        let app = try Self.properties(.workspace, "App")
        let kind = try #require(app["kind"])
        #expect(kind["enum"] == .array(AppKind.allCases.map { .string($0.rawValue) }))
        #expect(kind["markdownEnumDescriptions"] == .array(AppKind.allCases.map { .string($0.summary) }))
        let rule = try Self.properties(.policy, "rule")
        #expect(rule["enforcement"]?["enum"] == .array([.string("block"), .string("warn"), .string("audit")]))
        #expect(rule["enforcement"]?["default"] == .string("block"))
        #expect(rule["on"]?["enumDescriptions"]?.arrayCount == RuleTrigger.allCases.count)
    }

    @Test("a rule skeleton is offered, and it compiles once its placeholders are filled in")
    func ruleSkeleton() throws {
        let snippets = try #require(EditorSchema.policy.document["definitions"]?["rule"]?["defaultSnippets"])
        #expect(snippets.arrayCount == 2)
        // The policy skeleton, with each `${N:text}` replaced by its text, is a policy that compiles.
        let body = try #require(EditorSchema.policy.document["defaultSnippets"]?.firstItem?["body"])
        let text = body.compact.replacing(/\$\{[0-9]+:([^}]*)\}/) { String($0.output.1) }
        let set = try HandbookContentTests.compile(text)
        #expect(set.rules.count == 1)
    }
}

extension JSONValue {
    var arrayCount: Int? {
        if case .array(let items) = self { return items.count }
        return nil
    }

    var firstItem: JSONValue? {
        if case .array(let items) = self { return items.first }
        return nil
    }
}
