// fuzz-handbook: the handbook in Markdown and HTML (Ink). An input that compiles as a policy
// file is rendered as it is; any other input becomes the handbook text, title and owner of a
// fixed policy, so the Markdown renderer sees arbitrary text either way. Inputs over 8 KiB are
// ignored (handbook sections are prose of a few paragraphs).
import BylawPolicy
import BylawReport
import BylawSource
import FuzzSupport

/// One compiler for every input: building its CEL environment costs more than most inputs.
/// libFuzzer calls the target from one thread only.
nonisolated(unsafe) let fuzzCompiler = CalendarDate(year: 2026, month: 11, day: 22).map { PolicyCompiler(today: $0) }

func compile(_ text: [UInt8], with compiler: PolicyCompiler) -> PolicySet? {
    var loaded = PolicySetLoader.Result()
    PolicySetLoader.load(file: SourceFile(path: "fuzz.yaml", bytes: text), into: &loaded)
    guard !loaded.documents.isEmpty else { return nil }
    return compiler.compile(loaded.documents).set
}

/// `text` as a YAML double-quoted scalar: printable ASCII as it is, everything else escaped.
func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x20..<0x7F: out.unicodeScalars.append(scalar)
        default:
            let hex = String(scalar.value, radix: 16)
            out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
    }
    return out + "\""
}

/// A policy whose prose is `text`.
func wrapped(_ text: String) -> [UInt8] {
    let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    let policy = """
        policy: fuzz
        title: \(quoted(line))
        owner: \(quoted(line))
        handbook: \(quoted(text))
        rules:
          - id: r
            title: \(quoted(line))
            on: usage
            forbid: event.kind == "share"
            message: "something was shared"
        """
    return Array(policy.utf8)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHandbook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes = FuzzInput.bytes(data, size, limit: 8 << 10), let compiler = fuzzCompiler else { return -1 }
    guard let set = compile(bytes, with: compiler) ?? compile(wrapped(String(decoding: bytes, as: UTF8.self)), with: compiler) else {
        return 0
    }
    _ = Handbook.markdown(set)
    _ = Handbook.html(set)
    return 0
}

@main
enum FuzzHandbookMain {
    static func main() { FuzzMain.run(fuzzHandbook) }
}
