import BylawModel
import BylawSource

extension StreamIssue {
    /// The issue as a diagnostic at its line and column of the stream. The line's text is the
    /// excerpt (cut at 2 KiB: a line of a megabyte is not worth printing whole).
    public func diagnostic(streamPath: String, lineBytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let keep = min(lineBytes.count, 2048)
        // Only `\n` ends a stream line: a lone `\r` inside it is JSON whitespace, not a new line.
        let file = SourceFile(path: streamPath, bytes: Array(lineBytes.prefix(keep)), firstLine: line, lineBreaks: .newline)
        let start = min(byteInLine, keep)
        return Diagnostic(
            code: code.diagnosticCode, severity: .error, message: message,
            span: SourceSpan(file: file, range: SourceRange(start: start, end: min(keep, start + 1))))
    }
}
