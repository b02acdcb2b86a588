import Foundation
import Testing

/// `bylaw version`: what the binary says about its build, as text and as JSON.
@Suite("bylaw version")
struct VersionCommandTests {
    @Test("--json prints version, commit, swift and platform, and agrees with --version")
    func json() throws {
        let run = try Bylaw.run(["version", "--json"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let object = try run.json()
        #expect(Set(object.keys) == ["version", "commit", "swift", "platform"])
        let plain = try Bylaw.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(object["version"] as? String == plain)
        // A test build is a plain `swift build`: no commit recorded.
        #expect(object["commit"] is NSNull)
        let swift = try #require(object["swift"] as? String)
        #expect(swift.wholeMatch(of: /[0-9]+\.[0-9]+.*/) != nil, "swift: \(swift)")
        let platform = try #require(object["platform"] as? String)
        #expect(platform.wholeMatch(of: /(linux|macos)-(x86_64|aarch64|arm64)/) != nil, "platform: \(platform)")
    }

    @Test("the text form is 'bylaw VERSION' then one key: value line each")
    func text() throws {
        let run = try Bylaw.run(["version"])
        #expect(run.status == 0)
        let json = try Bylaw.run(["version", "--json"]).json()
        let version = try #require(json["version"] as? String)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first == "bylaw \(version)")
        #expect(lines.dropFirst().map { $0.split(separator: ":").first.map(String.init) } == ["commit", "swift", "platform"])
        #expect(lines.contains("commit: unknown"))
    }

    @Test("an unknown option is invalid input")
    func badOption() throws {
        let run = try Bylaw.run(["version", "--yaml"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
    }
}
