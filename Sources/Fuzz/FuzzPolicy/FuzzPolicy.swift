// fuzz-policy: any bytes as a policy file → YAML, the policy decoder, then the compiler
// (schema lookups, CEL checking against the domain schema, planning, constant conditions,
// exceptions against a fixed date), and every diagnostic printed with its source line.
import BylawPolicy
import BylawSource
import FuzzSupport

/// One compiler for every input: building its CEL environment costs more than most inputs.
/// libFuzzer calls the target from one thread only.
nonisolated(unsafe) let fuzzCompiler = CalendarDate(year: 2026, month: 11, day: 22).map { PolicyCompiler(today: $0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 64 << 10), let compiler = fuzzCompiler else { return -1 }
    let file = SourceFile(path: "fuzz.yaml", bytes: bytes)
    var loaded = PolicySetLoader.Result()
    PolicySetLoader.load(file: file, into: &loaded)
    let (set, diagnostics) = compiler.compile(loaded.documents)
    if let set { _ = set.descriptors }
    let printer = DiagnosticPrinter()
    for diagnostic in loaded.diagnostics + diagnostics {
        _ = printer.render(diagnostic)
    }
    return 0
}

@main
enum FuzzPolicyMain {
    static func main() { FuzzMain.run(fuzzPolicy) }
}
