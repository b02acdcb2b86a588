import Foundation
import BylawModel

/// Scans one line with a fresh scanner; returns the outcome and the event.
func scanEvent(_ text: String, fields: UsageEventFields = .all, maxDepth: Int = UsageEventScanner.defaultMaxDepth) -> (UsageEventScanner.Outcome, UsageEvent) {
    var scanner = UsageEventScanner(fields: fields, maxDepth: maxDepth)
    var event = UsageEvent()
    let outcome = scanner.scan(text, into: &event)
    return (outcome, event)
}

/// The issue of a malformed line, `nil` for a valid or blank one.
func issue(_ text: String, maxDepth: Int = UsageEventScanner.defaultMaxDepth) -> StreamIssue? {
    if case .malformed(let issue) = scanEvent(text, maxDepth: maxDepth).0 { return issue }
    return nil
}

/// A line with its expected problem position marked by `1️⃣`: the text without the marker,
/// and the 1-based character column of the marker.
func marked(_ text: String) -> (text: String, column: Int) {
    guard let range = text.range(of: "1️⃣") else { return (text, 0) }
    let column = text[text.startIndex..<range.lowerBound].count + 1
    return (text.replacingCharacters(in: range, with: ""), column)
}

/// Every line of `bytes` as the reader hands it out: number, offset, text, too long.
func readAll(_ bytes: [UInt8], maxLineLength: Int = UsageStreamReader.defaultMaxLineLength, chunkSize: Int = UsageStreamReader.defaultChunkSize) throws -> [ReadLine] {
    let reader = UsageStreamReader(bytes: bytes, maxLineLength: maxLineLength, chunkSize: chunkSize)
    var lines: [ReadLine] = []
    try reader.forEachLine { line in
        lines.append(ReadLine(number: line.number, offset: line.offset, text: line.text, tooLong: line.isTooLong))
    }
    return lines
}

/// A line as a test sees it.
struct ReadLine: Equatable, CustomStringConvertible {
    var number: Int
    var offset: Int
    var text: String
    var tooLong: Bool

    var description: String { "\(number)@\(offset)\(tooLong ? "!" : ""):\(text.debugDescription)" }
}

/// The package's root directory (for docs/ and Examples/).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
