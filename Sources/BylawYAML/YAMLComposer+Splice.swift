internal import CLibYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension YAMLComposer {
    /// The simple items at the start of the streamed sequence (see ``YAMLSimpleItemScanner``),
    /// read from the bytes while libyaml reads the file without them.
    ///
    /// libyaml is given the file with the lines `skipped` left out: it reads `key:` and then,
    /// on the next line, the first item that is not simple (or the last simple one), as the
    /// first item of the sequence. From there on it is in the state it would have reached
    /// after the skipped items, which are whole lines of complete block sequence entries at the
    /// same column, so every later event is what it would have been, only earlier by the
    /// skipped characters (the mark converter adds them back).
    ///
    /// That holds only if libyaml does read the line before `skipped` as the streamed key of the
    /// first document's top-level mapping: the composer checks it at the first event at or
    /// after the skipped lines, which must be the streamed sequence's start at the first
    /// item's `-`. Any other event there, an error or an end before it, and the splice is
    /// abandoned: the loader reads the whole file again with libyaml alone. Nothing has been
    /// streamed by then.
    struct Splice {
        /// The lines read without libyaml: from the first item's line to the line of the first
        /// item libyaml reads.
        let skipped: Range<Int>
        /// The column of the items' `-`.
        let indentation: Int
        /// The character index, as libyaml counts, at which its marks skip `skipped`.
        let resumeIndex: Int
        /// The skipped items as the scanner read them, replayed into the composer.
        var tape: YAMLSimpleItemTape
        var state = State.pending

        enum State {
            /// libyaml has not yet reached the skipped lines.
            case pending
            /// The streamed sequence started where expected; the skipped items were composed.
            case applied
            /// Something else came first; the composer's work is void.
            case abandoned
        }

        /// The byte offset of the sequence's start: the first item's `-`.
        var sequenceStart: Int { skipped.lowerBound + indentation }

        /// Whether the simple-item path is on: unless `BYLAW_YAML_FAST_PATH=off` (for comparing
        /// with libyaml alone).
        static let enabled: Bool = getenv("BYLAW_YAML_FAST_PATH").map { String(cString: $0) != "off" } ?? true

        /// The splice for the sequence under the top-level `key`, when a line `key:` at column 0
        /// is followed by at least one simple item and then another item; nil otherwise.
        static func find(in bytes: UnsafeBufferPointer<UInt8>, key: [UInt8], bomLength: Int, isASCII: Bool) -> Splice? {
            guard let itemsStart = line(key + [UInt8(ascii: ":")], in: bytes, from: bomLength) else { return nil }
            var indentation = 0
            while itemsStart + indentation < bytes.count, bytes[itemsStart + indentation] == UInt8(ascii: " ") { indentation += 1 }
            let scanner = YAMLSimpleItemScanner(bytes: bytes, indentation: indentation)
            guard scanner.startsItem(at: itemsStart) else { return nil }
            let (resume, tape) = scanner.simpleRun(from: itemsStart)
            guard resume > itemsStart else { return nil }
            // libyaml counts characters after the byte-order mark.
            var index = itemsStart - bomLength
            if !isASCII {
                for offset in bomLength..<itemsStart where bytes[offset] & 0xC0 == 0x80 { index -= 1 }
            }
            return Splice(skipped: itemsStart..<resume, indentation: indentation, resumeIndex: index, tape: tape)
        }

        /// Where the line after the first line that is exactly `text` (at column 0, ending in a
        /// line feed) starts.
        private static func line(_ text: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            var lineStart = start
            while lineStart + text.count < bytes.count {
                if bytes[lineStart + text.count] == UInt8(ascii: "\n"),
                    text.indices.allSatisfy({ bytes[lineStart + $0] == text[$0] })
                {
                    return lineStart + text.count + 1
                }
                var index = lineStart
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                lineStart = index + 1
            }
            return nil
        }
    }

    /// Whether the splice did not hold, so that the loader must read the file again without it.
    var spliceFailed: Bool {
        guard let splice else { return false }
        return splice.state != .applied
    }

    /// The first event at or after the skipped lines: the streamed sequence's start at the
    /// first item's `-`, then the skipped items are composed; anything else abandons the splice.
    mutating func reachSplice(_ event: UnsafeMutablePointer<yaml_event_t>) {
        guard let splice else { return }
        let data = event.pointee.data.sequence_start
        guard event.pointee.type == YAML_SEQUENCE_START_EVENT,
            Int(event.pointee.start_mark.index) == splice.resumeIndex + splice.indentation,
            data.anchor == nil, data.implicit != 0 || data.tag == nil, data.style != YAML_FLOW_SEQUENCE_STYLE,
            opensStreamedSequence(hasAnchor: false)
        else {
            abandonSplice()
            return
        }
        self.splice?.state = .applied
        spliceCheck = .max
        openCollection(isMapping: false, isFlow: false, start: splice.sequenceStart)
        guard !stopped, streamedSequence >= 0 else { return }
        let bytes = file.bytes
        bytes.withUnsafeBufferPointer { buffer in
            // The scanner recorded these items before libyaml started: they are composed as
            // recorded, without reading their bytes again.
            splice.tape.replay(buffer, from: splice.skipped.lowerBound, visitor: &self) { !$0.stopped }
        }
        self.splice?.tape.release()
    }

    /// Gives up the splice: the composer stops, and the loader starts again without it.
    mutating func abandonSplice() {
        splice?.state = .abandoned
        spliceCheck = .max
        stopped = true
    }

    /// The byte offset of a libyaml mark used as an error's context: the streamed sequence's
    /// start is where libyaml saw it, but in the file it is at the first skipped item.
    mutating func contextOffset(of mark: yaml_mark_t) -> Int {
        if let splice, splice.state == .applied, Int(mark.index) == splice.resumeIndex + splice.indentation {
            return splice.sequenceStart
        }
        return marks.offset(of: mark)
    }

    /// The byte offset in the file of libyaml's reader error at `offset` of what it read (with
    /// the byte-order mark counted).
    func readerOffset(_ offset: Int) -> Int {
        guard let splice, splice.state == .applied, offset >= splice.skipped.lowerBound else { return offset }
        return offset + splice.skipped.count
    }
}

extension YAMLComposer: YAMLSimpleItemVisitor {
    mutating func simpleMapping(start: Int, isFlow: Bool) {
        openCollection(isMapping: true, isFlow: isFlow, start: start)
    }

    mutating func simpleScalar(_ text: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, start: Int, end: Int) {
        flowScalar(text, style: style, start: start, end: end)
    }

    mutating func simpleMappingEnd(flowEnd: Int) {
        closeCollection(flowEnd: flowEnd)
    }
}
