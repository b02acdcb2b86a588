import BylawSource

/// An indentation slip behind a libyaml error. libyaml reports a key indented one space too far
/// as "mapping values are not allowed" (it reads the key as the continuation of the value
/// above) and one indented too little as "did not find expected key"; a person needs to hear
/// that the line is indented wrongly, by how much, and which line it should line up with.
///
/// The analysis reads the lines before the error as block structure: the column of each key and
/// `-` item, skipping block scalars (`|`, `>`), flow collections spanning lines and the
/// continuation lines of plain values. It names a slip only when the line's column matches none
/// of the enclosing levels; anything else stays libyaml's error.
struct YAMLIndentationSlip: Equatable {
    /// Where the misplaced line starts, its first token as written (`enforcement:`, `- b`) and its column.
    let range: SourceRange
    let written: String
    let column: Int
    /// The line it should line up with.
    let reference: Entry
    /// Positive: indented further than `reference`; negative: less far.
    var offset: Int { column - reference.column }

    /// A key or `-` item at the start of a structural line (or after a `- ` on it).
    struct Entry: Equatable {
        let column: Int
        let start: Int
        let written: String
        let isItem: Bool
        let line: Int
    }

    /// The slip behind libyaml's `problem` at `offset`, if the lines show one.
    static func find(at offset: Int, problem: String, in file: SourceFile) -> YAMLIndentationSlip? {
        let overIndentation = problem == "mapping values are not allowed in this context"
        guard overIndentation || problem == "did not find expected key" || problem == "did not find expected '-' indicator" else { return nil }
        let lineIndex = file.lineIndex(ofByte: offset)
        let lines = YAMLLineShapes(file: file, upTo: lineIndex)
        guard let shape = YAMLLineShapes.shape(of: lineIndex, in: file), let first = shape.entries.first,
              let previous = lines.structural.last, let last = previous.entries.last else { return nil }
        if overIndentation {
            // The key on this line is read as the continuation of the value on the line above.
            guard !first.isItem, first.column > last.column, previous.hasInlineValue,
                  let colon = shape.colon, colon == offset else { return nil }
            return YAMLIndentationSlip(range: SourceRange(start: first.start, end: first.start + 1), written: first.written, column: first.column, reference: last)
        }
        let levels = lines.enclosingLevels()
        if let same = levels.first(where: { $0.column == first.column }) {
            // An item where a key of the mapping goes: it belongs to the list further in.
            guard same.isItem != first.isItem, first.isItem,
                  let list = levels.filter({ $0.isItem && $0.column > first.column }).min(by: { $0.column < $1.column }) else { return nil }
            return YAMLIndentationSlip(range: SourceRange(start: first.start, end: first.start + 1), written: first.written, column: first.column, reference: list)
        }
        let above = levels.filter { $0.column > first.column }.min { $0.column < $1.column }
        let below = levels.filter { $0.column < first.column }.max { $0.column < $1.column }
        let reference = [above, below].compactMap { $0 }.first { $0.isItem == first.isItem } ?? above ?? below
        guard let reference else { return nil }
        return YAMLIndentationSlip(range: SourceRange(start: first.start, end: first.start + 1), written: first.written, column: first.column, reference: reference)
    }

    /// The diagnostic: the slip named as indentation, a note at the line to line up with.
    func diagnostic(in file: SourceFile) -> Diagnostic {
        let spaces = abs(offset)
        let amount = "\(spaces) space\(spaces == 1 ? "" : "s")"
        let message = "wrong indentation: '\(written)' is indented \(amount) \(offset > 0 ? "more" : "less") than '\(reference.written)' on line \(reference.line + 1)"
        let hint = "\(offset > 0 ? "remove" : "add") \(amount) before '\(written)' so that it lines up with '\(reference.written)': "
            + "indentation decides what a line belongs to"
        return .error(
            .yamlIndentation, message, in: file, at: range,
            notes: [DiagnosticNote("'\(reference.written)' is here", at: SourceSpan(file: file, range: SourceRange(start: reference.start, end: reference.start + 1)))],
            hint: hint)
    }
}
