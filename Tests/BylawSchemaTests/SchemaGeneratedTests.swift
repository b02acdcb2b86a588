import BylawSchema
import Foundation
import Testing

/// The files generated from the table must be what it generates today: each test compares one
/// with its generator's output, and `BYLAW_UPDATE_SCHEMA=1` rewrites it instead.
@Suite("Files generated from the schema table")
struct SchemaGeneratedTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func check(_ path: String, _ generated: String) throws {
        let url = root.appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["BYLAW_UPDATE_SCHEMA"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        #expect(onDisk == generated, "\(path) is stale: run BYLAW_UPDATE_SCHEMA=1 swift test --filter SchemaGeneratedTests")
    }

    @Test("docs/schema.md is what the table generates")
    func reference() throws {
        try Self.check("docs/schema.md", SchemaReference.markdown())
    }

    @Test("the field ids are what the table generates")
    func fieldIDs() throws {
        try Self.check("Sources/BylawSchema/Generated/SchemaFieldIDs.swift", SchemaSourceGenerator.fieldIDs())
    }

    @Test("the event scanner's key matcher is what the table generates")
    func keyMatcher() throws {
        try Self.check("Sources/BylawModel/Events/EventLineParser+KnownField.swift", SchemaSourceGenerator.keyMatcher())
    }

    @Test("every field and function of every type is in the reference")
    func complete() {
        let text = SchemaReference.markdown()
        for type in DomainSchema.types {
            // The type's section: from its heading to the next one.
            let section = text.components(separatedBy: "\n## \(type.name)\n").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
            #expect(!section.isEmpty, "\(type.name)")
            for field in type.fields {
                #expect(section.contains("| `\(field.name)` | `\(field.type)` |") == field.isVisible, "\(type.name).\(field.name)")
            }
        }
    }
}
