import BylawSource
import BylawYAML

/// A list item indented further than the item above it. YAML reads it as more text of that
/// item (a plain value may go on over several lines), so the condition above ends in
/// `… - event.kind == "b"`, which CEL rejects with something about `-`. When a condition leaf
/// that does not compile is such a value, the slip is what to report.
///
/// Only consulted for a leaf that already has errors: `a\n  - b` is valid YAML and could be
/// meant.
struct ListItemSlip {
    /// The misplaced item's `-`, and the start of the line it should line up with.
    let item: Int
    let reference: Int

    /// The slip in `leaf`, if it is a plain value continued by a line that starts with `- `.
    static func find(in leaf: ExpressionText) -> ListItemSlip? {
        guard let scalar = leaf.node.scalar, scalar.style == .plain else { return nil }
        let file = leaf.file
        let range = leaf.node.range
        let firstLine = file.lineIndex(ofByte: range.start)
        let lastLine = file.lineIndex(ofByte: max(range.start, range.end - 1))
        guard lastLine > firstLine else { return nil }
        // What the first line starts with: its `- ` or its key.
        let first = file.lineByteRange(firstLine)
        let reference = first.lowerBound + indentation(file.bytes, first)
        for line in (firstLine + 1)...lastLine {
            let bytes = file.lineByteRange(line)
            let start = bytes.lowerBound + indentation(file.bytes, bytes)
            guard start + 1 < bytes.upperBound, file.bytes[start] == UInt8(ascii: "-"), file.bytes[start + 1] == UInt8(ascii: " ") else { continue }
            return ListItemSlip(item: start, reference: reference)
        }
        return nil
    }

    private static func indentation(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index - range.lowerBound
    }

    /// The diagnostic that replaces the leaf's own.
    func diagnostic(in file: SourceFile) -> Diagnostic {
        let itemLocation = file.location(ofByte: item)
        let referenceLocation = file.location(ofByte: reference)
        let spaces = itemLocation.column - referenceLocation.column
        let amount = "\(spaces) space\(spaces == 1 ? "" : "s")"
        let isItem = file.bytes[reference] == UInt8(ascii: "-")
        let above = isItem ? "the item on line \(referenceLocation.line)" : "line \(referenceLocation.line)"
        return .error(
            .policyIndentation, "wrong indentation: this '-' is indented \(amount) more than \(above), so YAML reads it as more text of that line",
            in: file, at: SourceRange(start: item, end: item + 1),
            notes: [DiagnosticNote("the line it belongs with", at: SourceSpan(file: file, range: SourceRange(start: reference, end: reference + 1)))],
            hint: isItem ? "remove \(amount) before '-' so that it lines up with the '-' on line \(referenceLocation.line)"
                : "start the list on its own line under the key, each item with '- ' at the same indentation")
    }
}
