import Testing
@testable import BylawYAML

/// The simple-item scanner's byte classes and its recorded items: what the composer replays
/// must be what the scanner read.
@Suite struct YAMLSimpleItemTapeTests {
    /// Every visitor call, as text.
    struct Log: YAMLSimpleItemVisitor {
        var calls: [String] = []
        mutating func simpleMapping(start: Int, isFlow: Bool) { calls.append("map \(start) \(isFlow)") }
        mutating func simpleScalar(_ text: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, start: Int, end: Int) {
            calls.append("scalar \(String(decoding: text, as: UTF8.self)) \(style) \(start) \(end)")
        }
        mutating func simpleMappingEnd(flowEnd: Int) { calls.append("end \(flowEnd)") }
    }

    @Test func byteClassesAreTheDocumentedSets() {
        let starts = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./+".utf8)
        let inside = starts.union("-@".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(YAMLSimpleItemScanner.startsPlain(byte) == starts.contains(byte), "\(byte)")
            #expect(YAMLSimpleItemScanner.inPlain(byte) == inside.contains(byte), "\(byte)")
        }
    }

    /// Where the simple run of `users:` ends when its second item is a block mapping of `keys`
    /// keys, as an offset from the first item's line.
    static func runEnd(secondItemKeys keys: Int) -> (end: Int, firstItem: Int, allThree: Int) {
        var text = "users:\n  - {id: a}\n  - k0: v\n"
        for key in 1..<keys { text += "    k\(key): v\n" }
        text += "  - {id: b}\n  - {id: c}\n"
        let bytes = Array(text.utf8)
        let start = "users:\n".utf8.count
        let end = bytes.withUnsafeBufferPointer { YAMLSimpleItemScanner(bytes: $0, indentation: 2).simpleRun(from: start).end }
        return (end - start, "  - {id: a}\n".utf8.count, bytes.count - start - "  - {id: c}\n".utf8.count)
    }

    @Test func anItemWhoseScalarsCannotBeCountedIsLeftToLibYAML() {
        let fits = Self.runEnd(secondItemKeys: 32_767)
        #expect(fits.end == fits.allThree)
        let tooMany = Self.runEnd(secondItemKeys: 32_768)
        #expect(tooMany.end == tooMany.firstItem)
    }

    @Test func replayGivesWhatTheScannerRead() {
        let text = """
            users:
              - {id: a b, email: 'x@y.z' , org: "o-1"}
              - id: b
                org: o2  
              - {id: c}
              - id: d
            """
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let start = Array("users:\n".utf8).count
            let scanner = YAMLSimpleItemScanner(bytes: buffer, indentation: 2)
            let (end, tape) = scanner.simpleRun(from: start)
            // The last item is not followed by another item's line: libyaml reads it.
            var read = Log()
            var position = start
            while position < end, let next = scanner.item(at: position, visitor: &read) { position = next }
            #expect(position == end)
            #expect(read.calls.count == 18)
            var replayed = Log()
            tape.replay(buffer, from: start, visitor: &replayed) { _ in true }
            #expect(replayed.calls == read.calls)
            var firstOnly = Log()
            tape.replay(buffer, from: start, visitor: &firstOnly) { $0.calls.isEmpty }
            #expect(firstOnly.calls == Array(read.calls.prefix(8)))
        }
    }
}
