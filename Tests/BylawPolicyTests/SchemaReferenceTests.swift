import BylawPolicy
import Foundation
import Testing

@Suite("Domain schema reference")
struct SchemaReferenceTests {
    static let docPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/schema.md").path

    @Test("docs/schema.md is what the schema generates (BYLAW_UPDATE_DOCS=1 rewrites it)")
    func upToDate() throws {
        let generated = SchemaReference.markdown()
        if ProcessInfo.processInfo.environment["BYLAW_UPDATE_DOCS"] == "1" {
            try generated.write(toFile: Self.docPath, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOfFile: Self.docPath, encoding: .utf8)
        #expect(onDisk == generated, "docs/schema.md is stale: run BYLAW_UPDATE_DOCS=1 swift test --filter SchemaReferenceTests")
    }

    @Test("every field and function of every type is in the reference")
    func complete() {
        let text = SchemaReference.markdown()
        for type in DomainSchema.types {
            #expect(text.contains("## \(type.name)\n"))
            for field in type.fields { #expect(text.contains("| `\(field.name)` | `\(field.type)` |")) }
        }
    }
}
