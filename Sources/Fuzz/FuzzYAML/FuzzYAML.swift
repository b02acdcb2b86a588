// fuzz-yaml: any bytes as a YAML file → the loader (input check, libyaml, our composer,
// scalar resolution), then every node's JSON value and the printed diagnostics (which
// compute line and column from every range the loader produced).
import BylawSource
import BylawYAML
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 64 << 10) else { return -1 }
    let file = SourceFile(path: "fuzz.yaml", bytes: bytes)
    let result = YAMLLoader.load(file)
    for document in result.documents {
        _ = document.jsonValue
    }
    let printer = DiagnosticPrinter()
    for diagnostic in result.diagnostics {
        _ = printer.render(diagnostic)
    }
    return 0
}

@main
enum FuzzYAMLMain {
    static func main() { FuzzMain.run(fuzzYAML) }
}
