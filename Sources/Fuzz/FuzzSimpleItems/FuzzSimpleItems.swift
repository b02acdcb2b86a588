// fuzz-simple-items: a shape byte, then YAML. The YAML loader reads the simple items of a
// streamed `users:` list straight from the bytes and hands the rest to libyaml; loading the
// same file with libyaml alone must give exactly the same: the streamed items and documents
// (ranges, styles, values), the diagnostics, and the workspace loaded from it.
//
// The shape byte puts most inputs where that path applies: after `users:` and a first simple
// item (flow or block), or as they are.
import BylawModel
import BylawSource
import BylawYAML
import FuzzSupport

let prefixes = [
    "", "users:\n", "name: w\nusers:\n  - {id: u0, org: o}\n", "users:\n- id: u0\n  email: a@b.c\n",
    "orgs: [{id: o}]\nusers:\n  - {id: u0, org: o}\n  - {id: u1, org: o}\n",
]

/// Everything one load gives, as text.
func outcome(_ file: SourceFile, simpleItems: Bool) -> [String] {
    var items: [String] = []
    let result = YAMLLoader.load(
        file, limits: .default, streaming: YAMLItemStream(key: "users") { items.append($0.structureDump) }, simpleItems: simpleItems)
    let printer = DiagnosticPrinter()
    let workspace = WorkspaceLoader.load(file, limits: .default, simpleItems: simpleItems)
    return items + result.documents.map(\.structureDump) + result.streamed.map(\.structureDump)
        + result.diagnostics.map { printer.render($0) } + workspace.diagnostics.map { printer.render($0) }
        + (workspace.workspace?.users.map(\.id) ?? ["no workspace"])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSimpleItems(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input = FuzzInput.bytes(data, size, limit: 64 << 10), let shape = input.first else { return -1 }
    let file = SourceFile(path: "fuzz.yaml", bytes: Array(prefixes[Int(shape) % prefixes.count].utf8) + input.dropFirst())
    precondition(outcome(file, simpleItems: true) == outcome(file, simpleItems: false), "the simple-item path differs from libyaml")
    return 0
}

@main
enum FuzzSimpleItemsMain {
    static func main() { FuzzMain.run(fuzzSimpleItems) }
}
