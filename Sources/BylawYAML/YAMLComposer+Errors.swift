internal import CLibYAML
import BylawSource

extension YAMLComposer {
    /// libyaml's error as a diagnostic: `yaml.tab-indent` when a tab in a line's indentation
    /// caused it, `yaml.indentation` when a line indented one level wrong did, else
    /// `yaml.syntax` with libyaml's problem reworded and its context as a note.
    mutating func syntaxError(_ parser: LibYAMLParser) -> Diagnostic {
        let state = parser.parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "malformed YAML"
        if state.error == YAML_MEMORY_ERROR {
            return .error(.yamlSyntax, "out of memory while parsing", in: file, at: .at(0))
        }
        let offset: Int
        if state.error == YAML_READER_ERROR {
            offset = min(readerOffset(Int(state.problem_offset) + YAMLInputCheck.bomLength(of: file.bytes)), file.bytes.count)
        } else {
            offset = marks.offset(of: state.problem_mark)
        }
        if let tab = indentationTab(near: offset) {
            return .error(
                .yamlTabIndent, "tabs are not allowed for indentation; use spaces",
                in: file, at: SourceRange(start: tab, end: tab + 1),
                hint: "YAML indents with spaces only; replace the tab with spaces")
        }
        if state.error != YAML_READER_ERROR, let slip = YAMLIndentationSlip.find(at: offset, problem: problem, in: file) {
            return slip.diagnostic(in: file)
        }
        var notes: [DiagnosticNote] = []
        if let context = state.context.map({ String(cString: $0) }), state.error != YAML_READER_ERROR {
            let contextOffset = contextOffset(of: state.context_mark)
            if contextOffset != offset || notes.isEmpty {
                notes.append(DiagnosticNote(Self.contextNote(context), at: SourceSpan(file: file, range: point(contextOffset))))
            }
        }
        let (message, hint) = Self.reword(problem)
        return .error(.yamlSyntax, message, in: file, at: point(offset), notes: notes, hint: hint)
    }

    /// A one-character range at `offset`, or an empty one at the end of the file.
    private func point(_ offset: Int) -> SourceRange {
        let clamped = max(0, min(offset, file.bytes.count))
        guard clamped < file.bytes.count else { return .at(clamped) }
        var end = clamped + 1
        while end < file.bytes.count, file.bytes[end] & 0xC0 == 0x80 { end += 1 }
        return SourceRange(start: clamped, end: end)
    }

    /// The first tab in the indentation of the line at `offset`, or of the line before (libyaml
    /// sometimes reports a tab-indented line at the token after it). A syntax error on a line
    /// indented with a tab is, in practice, caused by that tab: libyaml reads the tab as content
    /// and then trips over what follows.
    private func indentationTab(near offset: Int) -> Int? {
        let lineIndex = file.lineIndex(ofByte: offset)
        for candidate in [lineIndex, lineIndex - 1] where candidate >= 0 {
            let line = file.lineByteRange(candidate)
            var index = line.lowerBound
            var firstTab: Int?
            while index < line.upperBound, file.bytes[index] == UInt8(ascii: " ") || file.bytes[index] == UInt8(ascii: "\t") {
                if firstTab == nil, file.bytes[index] == UInt8(ascii: "\t") { firstTab = index }
                index += 1
            }
            if let firstTab { return firstTab }
        }
        return nil
    }

    private static func contextNote(_ context: String) -> String {
        for prefix in ["while parsing ", "while scanning "] where context.hasPrefix(prefix) {
            return "in the \(context.dropFirst(prefix.count + (context.dropFirst(prefix.count).hasPrefix("a ") ? 2 : 0))) that starts here"
        }
        return context
    }

    /// libyaml's terse problems, said the way a person fixing the file needs them.
    private static func reword(_ problem: String) -> (String, String?) {
        switch problem {
        case "found character that cannot start any token":
            return ("this character cannot start a YAML value", "quote the value if it begins with `, @, % or another reserved character")
        case "did not find expected key":
            return ("expected a key here", "check the indentation: items of one mapping must line up")
        case "mapping values are not allowed in this context":
            return ("a ':' followed by a space is not allowed here", "quote the value if it contains ': ', or start the nested mapping on its own line")
        case "could not find expected ':'":
            return ("expected ':' after this key", nil)
        case "did not find expected node content":
            return ("expected a value here", nil)
        case "did not find expected '-' indicator":
            return ("expected a '-' sequence item here", "check the indentation: items of one sequence must line up")
        case "found unexpected end of stream":
            return ("unexpected end of file", "a quote or bracket is probably not closed")
        case "found undefined tag handle":
            return ("undefined tag handle", nil)
        default:
            return (problem, nil)
        }
    }
}
