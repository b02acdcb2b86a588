import BylawSource

/// The compiler's diagnostics as the editor shows them: for the file being edited, each with
/// its place as the textarea counts (UTF-16 offsets into the text), as people read it
/// (line:column, as the command line prints it), and the fix a "did you mean" offers; for other
/// files of the folder, the place as text.
enum EditorDiagnostics {
    /// The diagnostics of `working` for the editor of `file`, and whether the folder compiles.
    static func json(_ working: WorkingSet, file: SourceFile, root: String, limit: Int) -> JSONValue {
        let diagnostics = working.diagnostics
        let mine = Diagnostic.sortedForDisplay(diagnostics.filter { $0.path == file.path }).prefix(limit)
        let others = Diagnostic.sortedForDisplay(diagnostics.filter { $0.path != file.path }).prefix(limit)
        let offsets = UTF16Offsets(file.bytes, at: mine.flatMap { d in d.span.map { [$0.range.start, $0.range.end] } ?? [] })
        let entries: [JSONValue] = mine.map { diagnostic in
            var pairs = common(diagnostic, root: root)
            if let span = diagnostic.span {
                pairs.append(("from", .int(Int64(offsets[span.range.start]))))
                pairs.append(("to", .int(Int64(offsets[span.range.end]))))
                if let fix = fix(diagnostic, span: span) { pairs.append(("fix", .string(fix))) }
            }
            return .object(pairs)
        }
        let elsewhere: [JSONValue] = others.map { .object(common($0, root: root)) }
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        return .object([
            ("diagnostics", .array(entries)), ("elsewhere", .array(elsewhere)),
            ("errors", .int(Int64(errors))), ("warnings", .int(Int64(warnings))), ("compiles", .bool(working.set != nil)),
        ])
    }

    private static func common(_ diagnostic: Diagnostic, root: String) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [
            ("severity", .string(diagnostic.severity.rawValue)), ("code", .string(diagnostic.code.id)),
            ("message", .string(diagnostic.message)), ("place", .string(DiagnosticsHTML.place(diagnostic, relativeTo: root))),
            ("hint", diagnostic.hint.map(JSONValue.string) ?? .null),
        ]
        if let start = diagnostic.location {
            pairs.append(("line", .int(Int64(start.line))))
            pairs.append(("column", .int(Int64(start.column))))
        }
        let notes: [JSONValue] = diagnostic.notes.map { note in
            .string((note.span.map { "\($0.start.line):\($0.start.column): " } ?? "") + note.message)
        }
        if !notes.isEmpty { pairs.append(("notes", .array(notes))) }
        return pairs
    }

    /// The replacement a "did you mean" hint offers for the diagnostic's span, when the span is
    /// one name on one line (so replacing it replaces exactly the misspelt name).
    static func fix(_ diagnostic: Diagnostic, span: SourceSpan) -> String? {
        guard let hint = diagnostic.hint, let suggestion = DidYouMean.suggestion(inHint: hint) else { return nil }
        let text = span.file.text(of: span.range)
        let isName = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }
        return isName && text != suggestion ? suggestion : nil
    }
}

/// UTF-16 offsets (what a browser's textarea counts) of byte offsets into UTF-8 text, worked
/// out in one pass over the text for all of them.
struct UTF16Offsets {
    private var table: [Int: Int] = [:]
    private let count: Int

    init(_ bytes: [UInt8], at offsets: [Int]) {
        count = bytes.count
        let wanted = Set(offsets.map { max(0, min($0, bytes.count)) }).sorted()
        var units = 0
        var index = 0
        for offset in wanted {
            while index < offset {
                let byte = bytes[index]
                // A lead byte starts a scalar: 4-byte sequences are two UTF-16 units, the rest one.
                if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
                index += 1
            }
            table[offset] = units
        }
    }

    /// The UTF-16 offset of one of the byte offsets given at creation.
    subscript(offset: Int) -> Int { table[max(0, min(offset, count))] ?? 0 }
}
