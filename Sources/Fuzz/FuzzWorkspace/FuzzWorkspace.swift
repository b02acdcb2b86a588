// fuzz-workspace: any bytes as a workspace config → YAML, the workspace decoder, the resolver
// (ids, references, org cycles, billing) and the builder, and every diagnostic printed.
import BylawModel
import BylawSource
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkspace(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 64 << 10) else { return -1 }
    let file = SourceFile(path: "fuzz.yaml", bytes: bytes)
    let result = WorkspaceLoader.load(file)
    precondition(result.workspace == nil || !result.hasErrors, "a workspace was built from a config with errors")
    let printer = DiagnosticPrinter()
    for diagnostic in result.diagnostics {
        _ = printer.render(diagnostic)
    }
    return 0
}

@main
enum FuzzWorkspaceMain {
    static func main() { FuzzMain.run(fuzzWorkspace) }
}
