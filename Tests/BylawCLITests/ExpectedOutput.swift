import Foundation
import Testing

/// Expected outputs kept in `Tests/BylawCLITests/Expected/`. `BYLAW_UPDATE_EXPECTED=1 swift test
/// --filter BylawCLITests` rewrites them from the current binary; read the diff before committing.
enum ExpectedOutput {
    static let directory = Bylaw.packageRoot.appendingPathComponent("Tests/BylawCLITests/Expected")

    static var updating: Bool { ProcessInfo.processInfo.environment["BYLAW_UPDATE_EXPECTED"] == "1" }

    /// Compares text with the file `name` (a path under Expected/), byte for byte.
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no expected output \(name); run with BYLAW_UPDATE_EXPECTED=1 and review it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "\(name): \(firstDifference(actual, expected))", sourceLocation: sourceLocation)
    }

    /// Compares a JSON document with the file `name` as data: key order and layout do not matter.
    static func expectJSON(_ actual: Data, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try canonical(actual).write(to: url)
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("no expected output \(name); run with BYLAW_UPDATE_EXPECTED=1 and review it", sourceLocation: sourceLocation)
            return
        }
        let actualText = String(decoding: try canonical(actual), as: UTF8.self)
        let expectedText = String(decoding: try canonical(expected), as: UTF8.self)
        #expect(actualText == expectedText, "\(name): \(firstDifference(actualText, expectedText))", sourceLocation: sourceLocation)
    }

    /// The document re-serialized with sorted keys and fixed indentation.
    static func canonical(_ json: Data) throws -> Data {
        let object = try JSONSerialization.jsonObject(with: json)
        var data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    /// "line N: got … expected …" for the first line that differs, so a failure is readable.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(got.count, want.count) {
            let left = index < got.count ? String(got[index]) : "<end>"
            let right = index < want.count ? String(want[index]) : "<end>"
            if left != right { return "line \(index + 1): got «\(left)», expected «\(right)»" }
        }
        return "identical"
    }
}
