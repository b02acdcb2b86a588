import BylawSource

/// Makes text from inputs safe to print on a terminal. Messages interpolate values from the
/// stream being checked, so a control character in an event must not move the cursor or
/// start an escape sequence; it shows as `\u{1B}`. Line breaks stay, continuation lines
/// indented under the header.
enum TerminalText {
    static func clean(_ text: String) -> String {
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\r":
                if pending == "\n" { pending = scalars.next() }
                out += "\n      "
            case "\n": out += "\n      "
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The diagnostic with its message, hint and notes cleaned.
    static func clean(_ diagnostic: Diagnostic) -> Diagnostic {
        Diagnostic(
            code: diagnostic.code, severity: diagnostic.severity, message: clean(diagnostic.message), span: diagnostic.span,
            path: diagnostic.path, notes: diagnostic.notes.map { DiagnosticNote(clean($0.message), at: $0.span) },
            hint: diagnostic.hint.map(clean))
    }
}
