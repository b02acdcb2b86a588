// fuzz-workspace: any bytes as a workspace config → YAML, the workspace decoder, the resolver
// (ids, references, org cycles, billing) and the builder, and every diagnostic printed. The
// loader decodes `users:` while parsing; the same config loaded from a parsed tree must give
// the same diagnostics and users.
import BylawModel
import BylawSource
import BylawYAML
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkspace(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 64 << 10) else { return -1 }
    let file = SourceFile(path: "fuzz.yaml", bytes: bytes)
    let result = WorkspaceLoader.load(file)
    precondition(result.workspace == nil || !result.hasErrors, "a workspace was built from a config with errors")
    let printer = DiagnosticPrinter()
    let printed = result.diagnostics.map { printer.render($0) }
    let yaml = YAMLLoader.load(file)
    let tree = yaml.hasErrors ? WorkspaceLoadResult(workspace: nil, diagnostics: Diagnostic.sortedForDisplay(yaml.diagnostics))
        : WorkspaceLoader.load(documents: yaml.documents, file: file)
    let treeDiagnostics = yaml.hasErrors || yaml.diagnostics.isEmpty ? tree.diagnostics : Diagnostic.sortedForDisplay(yaml.diagnostics + tree.diagnostics)
    precondition(printed == treeDiagnostics.map { printer.render($0) }, "streamed users are reported unlike the parsed tree's")
    precondition(result.workspace?.users.map(\.id) == tree.workspace?.users.map(\.id), "streamed users differ from the parsed tree's")
    return 0
}

@main
enum FuzzWorkspaceMain {
    static func main() { FuzzMain.run(fuzzWorkspace) }
}
