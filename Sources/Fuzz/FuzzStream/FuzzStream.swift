// fuzz-stream: any bytes as a usage stream → the stream reader (with a small line limit and
// chunk size taken from the first byte, so lines straddle chunk boundaries and overflow the
// limit) and the event scanner on every line. The lines the reader hands out are checked
// against a plain split of the bytes by the documented rules (byte-order mark, `\n`, `\r\n`,
// a last line without newline, too-long lines cut at the limit), and every malformed line's
// position against the line it is about.
import BylawModel
import FuzzSupport

/// The lines of `bytes` by the rules in docs/usage-events.md, as (offset, bytes, too long).
func expectedLines(_ bytes: [UInt8], maxLineLength: Int) -> [(offset: Int, bytes: ArraySlice<UInt8>, tooLong: Bool)] {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var lines: [(Int, ArraySlice<UInt8>, Bool)] = []
    while start < bytes.count {
        let newline = bytes[start...].firstIndex(of: 0x0A)
        var end = newline ?? bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        let tooLong = end - start > maxLineLength
        lines.append((start, bytes[start..<(tooLong ? start + maxLineLength : end)], tooLong))
        guard let newline else { break }
        start = newline + 1
    }
    return lines
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStream(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input = FuzzInput.bytes(data, size, limit: 64 << 10), let shape = input.first else { return -1 }
    let bytes = Array(input.dropFirst())
    let maxLineLength = 1 + Int(shape & 0x0F) * 40
    let chunkSize = 1 + Int(shape >> 4) * 17
    let expected = expectedLines(bytes, maxLineLength: maxLineLength)
    let reader = UsageStreamReader(bytes: bytes, maxLineLength: maxLineLength, chunkSize: chunkSize)
    var scanner = UsageEventScanner()
    var event = UsageEvent()
    var count = 0
    do {
        try reader.forEachLine { line in
            precondition(count < expected.count, "the reader handed out more lines than the stream has")
            let want = expected[count]
            count += 1
            precondition(line.number == count, "line numbers skip")
            precondition(line.offset == want.offset, "line \(count) starts at \(line.offset), not \(want.offset)")
            precondition(line.isTooLong == want.tooLong, "line \(count): too long is \(line.isTooLong)")
            precondition(line.bytes.elementsEqual(want.bytes), "line \(count) holds other bytes than the stream")
            switch scanner.scan(line, into: &event) {
            case .event:
                _ = event.id
                _ = event.kind
                _ = event.scope
            case .blank:
                break
            case .malformed(let issue):
                precondition(issue.line == line.number, "an issue names line \(issue.line) for line \(line.number)")
                precondition(issue.column >= 1 && issue.byteInLine <= line.bytes.count, "an issue points outside its line")
                _ = issue.description
            }
        }
    } catch {
        preconditionFailure("reading bytes in memory threw \(error)")
    }
    precondition(count == expected.count, "the reader handed out \(count) lines, the stream has \(expected.count)")
    return 0
}

@main
enum FuzzStreamMain {
    static func main() { FuzzMain.run(fuzzStream) }
}
