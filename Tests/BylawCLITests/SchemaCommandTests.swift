import Foundation
import Testing

/// `bylaw schema`: prints the committed schemas (the library's tests keep those in step with the
/// declarations), and refuses a kind it does not know.
@Suite("bylaw schema")
struct SchemaCommandTests {
    @Test("bylaw schema KIND prints schemas/KIND.schema.json", arguments: ["policy", "workspace", "event"])
    func prints(kind: String) throws {
        let run = try Bylaw.run(["schema", kind])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let committed = try String(contentsOf: Bylaw.packageRoot.appendingPathComponent("schemas/\(kind).schema.json"), encoding: .utf8)
        #expect(run.stdout == committed)
        let object = try run.json()
        #expect(object["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
    }

    @Test("an unknown kind is refused with the ones there are, exit 2")
    func unknownKind() throws {
        let run = try Bylaw.run(["schema", "polcy"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("'polcy'"), "\(run.stderr)")
        #expect(run.stderr.contains("policy"))
    }
}
