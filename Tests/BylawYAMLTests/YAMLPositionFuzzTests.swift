import BylawSource
import Testing
@testable import BylawYAML

/// Random files of mixed-width text, written with the byte offset of every scalar noted as it
/// is written, then loaded: every node's range must be where the writer put it. Covers marks
/// converted through the table of multi-byte runs and through the walk (a table given up),
/// a byte-order mark, CRLF line ends, flow collections and several documents.
@Suite struct YAMLPositionFuzzTests {
    struct Writer {
        var bytes: [UInt8] = []
        /// Expected (start, end, text) of every scalar, in document order.
        var scalars: [(start: Int, end: Int, text: String)] = []
        /// Expected ranges of flow collections, in document order.
        var flows: [(start: Int, end: Int)] = []
        var seed: UInt64

        mutating func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }

        mutating func write(_ text: String) { bytes += Array(text.utf8) }

        /// A word of ASCII, 2-, 3- and 4-byte characters, never starting or ending in a blank.
        mutating func word(alternating: Bool) -> String {
            if alternating { return String(repeating: "aé", count: 1 + next(6)) }
            let pieces = ["a", "key", "é", "日本", "😀", "Données", "x😀y", "ü", "z", "12", "ab cd", "ñ日😀"]
            var text = pieces[next(pieces.count)]
            for _ in 0..<next(4) { text += pieces[next(pieces.count)] }
            return text
        }

        /// A plain or quoted scalar of `text`, noted at the current offset.
        mutating func scalar(_ text: String) {
            let start = bytes.count
            switch next(3) {
            case 0: write("\"" + text + "\"")
            case 1: write("'" + text + "'")
            default: write(text)
            }
            scalars.append((start, bytes.count, text))
        }

        mutating func flowSequence(alternating: Bool) {
            let start = bytes.count
            write("[")
            for index in 0..<(1 + next(3)) {
                if index > 0 { write(", ") }
                scalar(word(alternating: alternating))
            }
            write("]")
            flows.append((start, bytes.count))
        }
    }

    /// The scalars (with ranges and texts) and flow collections of a tree, in document order.
    static func walk(_ node: YAMLNode, scalars: inout [(Int, Int, String)], flows: inout [(Int, Int)]) {
        switch node.kind {
        case .scalar(let scalar): scalars.append((node.range.start, node.range.end, scalar.text))
        case .sequence(let items):
            // The writer's only sequences are flow sequences.
            flows.append((node.range.start, node.range.end))
            for item in items { walk(item, scalars: &scalars, flows: &flows) }
        case .mapping(let pairs):
            for pair in pairs {
                walk(pair.key, scalars: &scalars, flows: &flows)
                walk(pair.value, scalars: &scalars, flows: &flows)
            }
        }
    }

    static func file(seed: UInt64, lines: Int, alternating: Bool, documents: Bool = true) -> Writer {
        var writer = Writer(seed: seed)
        if writer.next(4) == 0 { writer.bytes = [0xEF, 0xBB, 0xBF] }
        let lineEnd = writer.next(3) == 0 ? "\r\n" : "\n"
        for line in 0..<lines {
            if documents, line > 0, writer.next(40) == 0 { writer.write("---" + lineEnd) }
            writer.scalar("k\(line)" + writer.word(alternating: alternating))
            writer.write(": ")
            if writer.next(4) == 0 { writer.flowSequence(alternating: alternating) } else { writer.scalar(writer.word(alternating: alternating)) }
            if writer.next(5) == 0 { writer.write(" # " + writer.word(alternating: alternating)) }
            writer.write(lineEnd)
        }
        return writer
    }

    @Test(arguments: [(UInt64(1), 60, false), (2, 60, false), (3, 200, false), (4, 60, true), (5, 2_500, true)])
    func everyRangeIsWhereItWasWritten(seed: UInt64, lines: Int, alternating: Bool) {
        for round in 0..<(lines > 1_000 ? 1 : 30) {
            let writer = Self.file(seed: seed &* 1_000 &+ UInt64(round), lines: lines, alternating: alternating)
            let (_, result) = load(bytes: writer.bytes)
            #expect(result.diagnostics.isEmpty)
            var scalars: [(Int, Int, String)] = []
            var flows: [(Int, Int)] = []
            for document in result.documents { Self.walk(document, scalars: &scalars, flows: &flows) }
            let got = scalars.map { "\($0.0)..<\($0.1) \($0.2.debugDescription)" }
            let written = writer.scalars.map { "\($0.start)..<\($0.end) \($0.text.debugDescription)" }
            #expect(got.count == written.count)
            if let index = zip(got, written).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("seed \(seed) round \(round): scalar \(index) at \(got[index]), written at \(written[index])")
            }
            #expect(flows.map { [$0.0, $0.1] } == writer.flows.map { [$0.start, $0.end] }, "seed \(seed) round \(round)")
        }
    }

    /// A duplicate of the first key as the last line: the diagnostic and its note point at the
    /// bytes written, through however many multi-byte runs lie between.
    @Test(arguments: [(UInt64(6), 80, false), (7, 2_500, true)])
    func aLateDuplicateIsReportedWhereItIs(seed: UInt64, lines: Int, alternating: Bool) throws {
        var writer = Self.file(seed: seed, lines: lines, alternating: alternating, documents: false)
        guard let first = writer.scalars.first else { return }
        let firstText = String(decoding: writer.bytes[first.start..<first.end], as: UTF8.self)
        let start = writer.bytes.count
        writer.write(firstText + ": again\n")
        let (_, result) = load(bytes: writer.bytes)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlDuplicateKey)
        #expect(diagnostic.span?.range == SourceRange(start: start, end: start + first.end - first.start))
        #expect(diagnostic.notes.first?.span?.range == SourceRange(start: first.start, end: first.end))
    }
}
