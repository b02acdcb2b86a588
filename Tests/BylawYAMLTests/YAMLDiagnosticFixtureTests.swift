import BylawSource
import Foundation
import Testing
@testable import BylawYAML

/// Printed diagnostics (plain style) compared with `Fixtures/NAME.expected`.
///
/// To regenerate after an intended change, run with `BYLAW_UPDATE_FIXTURES=1` and review the
/// diff before committing.
@Suite struct YAMLDiagnosticFixtureTests {
    @Test(arguments: ["duplicate-key", "alias-bomb", "too-deep", "invalid-utf8", "tab-indent", "syntax-error"])
    func printedDiagnosticsMatchTheExpectedFile(_ name: String) throws {
        let folder = try #require(fixturesURL)
        let input = folder.appendingPathComponent("\(name).yaml")
        let expectedURL = folder.appendingPathComponent("\(name).expected")
        let file = SourceFile(path: "\(name).yaml", bytes: Array(try Data(contentsOf: input)))
        let result = YAMLLoader.load(file)
        let printer = DiagnosticPrinter(style: .plain)
        let printed = result.diagnostics.map(printer.render).joined()
        if ProcessInfo.processInfo.environment["BYLAW_UPDATE_FIXTURES"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/\(name).expected")
            try printed.write(to: source, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(printed == expected)
        #expect(!result.diagnostics.isEmpty)
    }
}
