/// Prints diagnostics in the style of the Swift and Clang compilers:
///
/// ```
/// Policies/client-data.yaml:12:9: error: duplicate key 'forbid' [yaml.duplicate-key]
///    12 │         forbid: event.kind == "upload"
///       │         ^~~~~~
/// Policies/client-data.yaml:9:9: note: first 'forbid' is here
///     9 │         forbid:
///       │         ^~~~~~
///       = hint: a mapping may hold each key once
/// ```
public struct DiagnosticPrinter: Sendable {
    public let style: TextStyle

    public init(style: TextStyle = .plain) { self.style = style }

    /// Renders a whole run: the diagnostics sorted and capped, then a count line.
    public func render(_ bag: DiagnosticBag, limit: Int? = 100) -> String {
        let (shown, omitted) = bag.sorted(limit: limit)
        var out = shown.map(render).joined()
        if omitted > 0 {
            out += style.bold("… and \(omitted) more diagnostic\(omitted == 1 ? "" : "s") not shown (raise --max-diagnostics to see them)") + "\n"
        }
        return out
    }

    /// Renders one diagnostic with its source excerpt, notes and hint; ends with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = header(
            severity: diagnostic.severity, message: diagnostic.message, code: diagnostic.code.id,
            span: diagnostic.span, path: diagnostic.path)
        if let span = diagnostic.span { out += excerpt(span) }
        for note in diagnostic.notes {
            out += header(severity: .note, message: note.message, code: nil, span: note.span, path: note.span == nil ? nil : note.span?.file.path)
            if let span = note.span { out += excerpt(span) }
        }
        if let hint = diagnostic.hint {
            out += "      " + style.dim("=") + " " + style.bold("hint:") + " " + hint + "\n"
        }
        return out
    }

    private func header(severity: Severity, message: String, code: String?, span: SourceSpan?, path: String?) -> String {
        var prefix = ""
        if let span {
            let loc = span.start
            prefix = style.bold("\(span.file.path):\(loc.line):\(loc.column):") + " "
        } else if let path {
            prefix = style.bold("\(path):") + " "
        } else if severity == .note {
            prefix = "      "
        }
        let label = style.severity(severity, "\(severity.rawValue):")
        let suffix = code.map { " " + style.dim("[\($0)]") } ?? ""
        return prefix + label + " " + style.bold(message) + suffix + "\n"
    }

    /// The widest excerpt printed; a longer line is cut around the caret (a 400 KB line of
    /// brackets is not worth echoing).
    static let maxExcerptColumns = 160

    /// The line holding the span's start, and a caret line underlining the part of the
    /// span on that line.
    private func excerpt(_ span: SourceSpan) -> String {
        let file = span.file
        guard !file.bytes.isEmpty else { return "" }
        let lineIndex = file.lineIndex(ofByte: span.range.start)
        let lineRange = file.lineByteRange(lineIndex)
        let start = max(lineRange.lowerBound, min(span.range.start, lineRange.upperBound))
        let end = max(start, min(span.range.end, lineRange.upperBound))
        var before = String(decoding: file.bytes[lineRange.lowerBound..<start], as: UTF8.self)
        var marked = String(decoding: file.bytes[start..<end], as: UTF8.self)
        var after = String(decoding: file.bytes[end..<lineRange.upperBound], as: UTF8.self)
        let limit = Self.maxExcerptColumns
        // The line is decoded whole unless it must be cut, so an invalid byte sequence reads as
        // one replacement character, as an editor shows it.
        var shown = file.lineText(lineIndex)
        if before.count + marked.count + after.count > limit {
            if before.count > limit / 2 { before = "…" + String(before.suffix(limit / 2)) }
            if marked.count > limit / 2 { marked = String(marked.prefix(limit / 2)) + "…" }
            let room = max(0, limit - before.count - marked.count)
            if after.count > room { after = String(after.prefix(room)) + "…" }
            shown = before + marked + after
        }
        let number = String(lineIndex + file.firstLine)
        let gutterWidth = max(5, number.count + 1)
        let pad = String(repeating: " ", count: gutterWidth - number.count)
        let blankGutter = String(repeating: " ", count: gutterWidth)
        let markWidth = max(1, DisplayWidth.of(marked))
        let underline = "^" + String(repeating: "~", count: markWidth - 1)
        return pad + style.dim(number + " │") + " " + DisplayWidth.printable(shown) + "\n"
            + blankGutter + style.dim(" │") + " " + DisplayWidth.blank(before) + style.severity(.error, underline) + "\n"
    }
}

/// Terminal column widths, so carets line up under tabs, wide CJK characters and emoji.
enum DisplayWidth {
    /// Columns a string occupies (tabs count as one and are kept as tabs by ``blank(_:)``).
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// Whitespace with the same width as `text`, keeping tabs so terminals align them identically.
    static func blank(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\t" { out.append("\t") } else { out += String(repeating: " ", count: width(of: character)) }
        }
        return out
    }

    /// Control characters other than tab would move the cursor; show them as U+FFFD.
    static func printable(_ text: String) -> String {
        String(text.map { character -> Character in
            if character == "\t" { return character }
            if let scalar = character.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F { return "\u{FFFD}" }
            return character
        })
    }

    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value == 0xFEFF { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
