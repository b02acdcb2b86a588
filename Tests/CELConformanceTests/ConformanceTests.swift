import CEL
import CELConformance
import Foundation
import Testing

/// The conformance suite lives outside the package (`../shared/conformance/cel` from the root).
private let suiteDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.deletingLastPathComponent().appendingPathComponent("shared/conformance/cel").path
}()

private let suiteExists = FileManager.default.fileExists(atPath: suiteDirectory + "/basic.json")

private func baseline() throws -> [String: Int] {
    let url = try #require(Bundle.module.url(forResource: "baseline", withExtension: "json", subdirectory: "Baselines"))
    let text = try String(contentsOf: url, encoding: .utf8)
    var out: [String: Int] = [:]
    for (name, value) in try JSONParser.parse(text).members {
        if case .number(let n) = value, let count = Int(n) { out[name] = count }
    }
    return out
}

@Suite("CEL conformance")
struct ConformanceTests {
    @Test("no file passes fewer tests than its committed baseline",
          .enabled(if: suiteExists, "cel-spec conformance data not found at ../shared/conformance/cel"))
    func passCountsHoldTheBaseline() throws {
        let expected = try baseline()
        #expect(!expected.isEmpty)
        var seen: Set<String> = []
        for path in ConformanceRunner.files(in: suiteDirectory) {
            let result = ConformanceRunner.run(file: path)
            seen.insert(result.file)
            let floor = expected[result.file] ?? 0
            #expect(result.passed >= floor, "\(result.file): \(result.passed) passed, baseline \(floor); first failures: \(result.failures.prefix(5))")
        }
        for name in expected.keys { #expect(seen.contains(name), "baseline names \(name) but the suite has no such file") }
    }

    @Test("the core files pass completely",
          .enabled(if: suiteExists, "cel-spec conformance data not found at ../shared/conformance/cel"))
    func coreFilesPass() {
        let core = ["basic", "comparisons", "logic", "lists", "macros", "macros2", "string", "integer_math", "fp_math",
                    "fields", "conversions", "timestamps", "parse", "plumbing"]
        for name in core {
            let result = ConformanceRunner.run(file: suiteDirectory + "/" + name + ".json")
            #expect(result.failed == 0, "\(name): \(result.failures.prefix(5))")
        }
    }
}
