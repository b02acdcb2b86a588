import Foundation
import Testing

/// A workspace config is read whole: past `--max-input-size` it is refused before it is read
/// (exit 2, the limit named), never loaded into memory; the limit is checked with a small one,
/// not a file of millions of users.
@Suite("bylaw lint --max-input-size")
struct LintInputLimitTests {
    static let config = "Examples/workspaces/acme.yaml"

    @Test("a config over the limit is input.too-large, exit 2, with how to raise it")
    func overTheLimit() throws {
        let run = try Bylaw.run(["lint", Self.config, "--max-input-size", "1KiB"])
        #expect(run.status == 2)
        #expect(run.stdout.contains(
            "\(Self.config): error: '\(Self.config)' is larger than the 1 KiB limit for a whole-file input [input.too-large]"))
        #expect(run.stdout.contains("--max-input-size"))
    }

    @Test("a limit the config fits under lints it as usual")
    func underTheLimit() throws {
        let limited = try Bylaw.run(["lint", Self.config, "--max-input-size", "64KiB"])
        let usual = try Bylaw.run(["lint", Self.config])
        #expect(limited.status == usual.status)
        #expect(limited.stdout == usual.stdout)
    }

    @Test("a limit past 2GiB or not a size is a usage error (exit 2)")
    func badLimits() throws {
        for limit in ["3GiB", "lots", "0"] {
            let run = try Bylaw.run(["lint", Self.config, "--max-input-size", limit])
            #expect(run.status == 2, "\(limit)")
            #expect(run.stderr.contains("--max-input-size"), "\(limit)")
        }
    }
}
