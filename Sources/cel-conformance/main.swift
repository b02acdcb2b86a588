// cel-conformance DIR [--file NAME] [--verbose]: runs cel-spec's conformance JSON files.
import CELConformance
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
let verbose = arguments.contains("--verbose")
arguments.removeAll { $0 == "--verbose" }
var only: String?
if let i = arguments.firstIndex(of: "--file"), i + 1 < arguments.count {
    only = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
}
guard let directory = arguments.first else {
    print("usage: cel-conformance DIR [--file NAME] [--verbose]")
    exit(2)
}
var total = ConformanceFileResult(file: "total")
for path in ConformanceRunner.files(in: directory) {
    let result = ConformanceRunner.run(file: path)
    if let only, result.file != only, result.file + ".json" != only { continue }
    print("\(result.file): \(result.passed) passed, \(result.failed) failed, \(result.skipped) skipped")
    if verbose {
        for f in result.failures { print("  FAIL \(f)") }
        for s in result.skips { print("  SKIP \(s)") }
    }
    total.passed += result.passed
    total.failed += result.failed
    total.skipped += result.skipped
}
print("total: \(total.passed) passed, \(total.failed) failed, \(total.skipped) skipped")
