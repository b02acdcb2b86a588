import BylawEval
import BylawSource

/// The output formats of Bylaw's reports, and the sink that prints each for `bylaw lint` and
/// `bylaw eval`. Each command accepts its own subset (`bylaw COMMAND --help` lists it).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, ndjson, sarif, junit, github

    /// Whether the format writes each finding as it arrives (text, ndjson, github) rather than
    /// one document at the end (json, sarif, junit).
    public var isStreaming: Bool {
        switch self {
        case .text, .ndjson, .github: return true
        case .json, .sarif, .junit: return false
        }
    }

    /// A sink printing this format to `output`.
    ///
    /// - Parameters:
    ///   - style: colour for `text` (the CLI passes plain or ANSI); other formats never colour.
    ///   - diagnosticLimit: input diagnostics `text` prints at most; the rest are counted.
    ///   - bytes: where `ndjson` writes finding lines as bytes (the same stream as `output`).
    ///   - closing: how `text` ends (the summary block, a count of files).
    public func makeSink(
        style: TextStyle = .plain, diagnosticLimit: Int? = nil, closing: TextReport.Closing = .full, output: @escaping ReportOutput,
        bytes: ReportByteOutput? = nil
    ) -> any FindingSink {
        switch self {
        case .text: return TextReport(style: style, diagnosticLimit: diagnosticLimit, closing: closing, output: output)
        case .json: return JSONReport(output: output)
        case .ndjson: return NDJSONReport(output: output, bytes: bytes)
        case .sarif: return SARIFReport(output: output)
        case .junit: return JUnitReport(output: output)
        case .github: return GitHubReport(output: output)
        }
    }
}
