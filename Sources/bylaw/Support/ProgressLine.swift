import BylawEval
import BylawModel

#if canImport(Glibc)
import Glibc
#endif

/// A progress line on stderr while a stream is evaluated: events/s, MB/s, and percent for
/// files. Only on a terminal: nothing is written when stderr is a file or a pipe.
final class ProgressLine {
    let enabled: Bool
    private let start = ProgressLine.now()
    private var lastDraw = 0.0
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ reader: UsageStreamReader, _ counts: StreamCounts) {
        // Findings reach stdout at least every progress tick, terminal or not.
        Terminal.flush()
        guard enabled else { return }
        let now = ProgressLine.now()
        guard now - lastDraw >= 0.2 else { return }
        lastDraw = now
        let elapsed = max(now - start, 1e-9)
        var line = "\(counts.lines) lines, \(Int(Double(counts.events) / elapsed)) events/s, "
            + String(format1: Double(reader.bytesRead) / elapsed / 1e6) + " MB/s"
        if let size = reader.expectedSize, size > 0 {
            line += ", " + String(Int(100 * Double(reader.bytesRead) / Double(size))) + "%"
        }
        Terminal.err("\r\u{1B}[K" + line)
        drawn = true
    }

    func clear() {
        if drawn { Terminal.err("\r\u{1B}[K") }
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

extension String {
    /// One decimal place, without Foundation.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
