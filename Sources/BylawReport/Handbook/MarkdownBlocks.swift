/// Block-level Markdown to HTML, for a policy's handbook text: paragraphs, headings (`#` to
/// `######`), bullet (`-`, `*`, `+`) and numbered (`1.`, `1)`) lists nested by indentation,
/// fenced code blocks (```` ``` ```` or `~~~`) and thematic breaks (`---`). Inline content goes
/// through ``MarkdownInline``. Any other construct (tables, block quotes, raw HTML) is shown as
/// paragraph text, escaped.
///
/// Each line is classified once, and every block consumes the lines it spans, so time is linear
/// in the text; lists nest at most ``maxListDepth`` deep (deeper items are text of the item above).
enum MarkdownBlocks {
    static let maxListDepth = 8

    /// The HTML of `text`, one element after another with nothing between them.
    static func html(_ text: String) -> String {
        let lines = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(Line.init)
        var out = ""
        var index = 0
        while index < lines.count {
            switch lines[index].kind {
            case .blank:
                index += 1
            case .fence(let fence):
                index = fencedCode(fence, lines, from: index, into: &out)
            case .heading(let level, let text):
                out += "<h\(level)>" + MarkdownInline.html(text) + "</h\(level)>"
                index += 1
            case .thematicBreak:
                out += "<hr>"
                index += 1
            case .item:
                index = list(lines, from: index, into: &out)
            case .text:
                index = paragraph(lines, from: index, into: &out)
            }
        }
        return out
    }

    private static func paragraph(_ lines: [Line], from start: Int, into out: inout String) -> Int {
        var text: [Substring] = [lines[start].content.trimmingTrailingWhitespace]
        var index = start + 1
        while index < lines.count, lines[index].continuesParagraph {
            text.append(lines[index].content.trimmingTrailingWhitespace)
            index += 1
        }
        out += "<p>" + MarkdownInline.html(text.joined(separator: " ")) + "</p>"
        return index
    }

    private static func fencedCode(_ fence: Fence, _ lines: [Line], from start: Int, into out: inout String) -> Int {
        let indent = lines[start].indent
        out += fence.language.map { "<pre><code class=\"language-\(HTMLText.escaped($0))\">" } ?? "<pre><code>"
        var index = start + 1
        while index < lines.count, !fence.isClosed(by: lines[index]) {
            HTMLText.append(escaping: String(lines[index].dropping(indent: indent)), to: &out)
            out += "\n"
            index += 1
        }
        out += "</code></pre>"
        return min(index + 1, lines.count)
    }

    // MARK: Lists

    private final class ListNode {
        let marker: ListMarker
        let indent: Int
        var items: [ItemNode]

        init(_ marker: ListMarker, indent: Int, firstItem: Substring) {
            self.marker = marker
            self.indent = indent
            items = [ItemNode(firstItem)]
        }

        /// A list is created with its first item and items are never removed.
        var lastItem: ItemNode { items[items.count - 1] }
    }

    private final class ItemNode {
        var text: [Substring]
        var lists: [ListNode] = []

        init(_ text: Substring) { self.text = [text] }
    }

    /// A list runs until a blank line or another kind of block; an item indented more than the
    /// list opens a list inside the item above, one indented less goes back out.
    private static func list(_ lines: [Line], from start: Int, into out: inout String) -> Int {
        guard case .item(let marker, let text) = lines[start].kind else { return start + 1 }
        let root = ListNode(marker, indent: lines[start].indent, firstItem: text)
        var open = [root]
        var index = start + 1
        scan: while index < lines.count {
            let line = lines[index]
            switch line.kind {
            case .blank, .fence, .heading, .thematicBreak:
                break scan
            case .text:
                open[open.count - 1].lastItem.text.append(line.content.trimmingTrailingWhitespace)
            case .item(let marker, let text):
                while open.count > 1, open[open.count - 1].indent > line.indent { open.removeLast() }
                let list = open[open.count - 1]
                if line.indent > list.indent, open.count < maxListDepth {
                    let nested = ListNode(marker, indent: line.indent, firstItem: text)
                    list.lastItem.lists.append(nested)
                    open.append(nested)
                } else if line.indent > list.indent {
                    list.lastItem.text.append(line.content.trimmingTrailingWhitespace)
                } else if open.count == 1, !marker.continues(list.marker) {
                    break scan  // another kind of list starts here
                } else {
                    list.items.append(ItemNode(text))
                }
            }
            index += 1
        }
        render(root, into: &out)
        return index
    }

    private static func render(_ list: ListNode, into out: inout String) {
        let tag = list.marker.isOrdered ? "ol" : "ul"
        out += list.marker.isOrdered && list.marker.number != 1 ? "<ol start=\"\(list.marker.number)\">" : "<\(tag)>"
        for item in list.items {
            out += "<li>" + MarkdownInline.html(item.text.joined(separator: " "))
            for nested in item.lists { render(nested, into: &out) }
            out += "</li>"
        }
        out += "</\(tag)>"
    }
}

/// A list item's marker: `-`, `*` or `+`, or a number followed by `.` or `)`.
private struct ListMarker {
    let character: Unicode.Scalar
    /// The number of a numbered item; nil for a bullet.
    let ordinal: Int?

    var isOrdered: Bool { ordinal != nil }
    var number: Int { ordinal ?? 1 }

    /// Whether an item with this marker is another item of a list that started with `first`.
    func continues(_ first: ListMarker) -> Bool { character == first.character && isOrdered == first.isOrdered }
}

private struct Fence {
    let character: Unicode.Scalar
    let length: Int
    /// The first word of the info string, when it is a plain language name.
    let language: String?

    /// A closing fence: at most three spaces in, at least as many fence characters, nothing after.
    func isClosed(by line: Line) -> Bool {
        guard line.indent <= 3 else { return false }
        let scalars = line.content.unicodeScalars
        let run = scalars.prefix { $0 == character }.count
        return run >= length && scalars.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }
}

/// One line of handbook text, classified once.
private struct Line {
    enum Kind {
        case blank
        case fence(Fence)
        case heading(level: Int, text: String)
        case thematicBreak
        case item(ListMarker, text: Substring)
        case text
    }

    let raw: Substring
    /// Leading indentation in columns (a tab counts four).
    let indent: Int
    /// The line after its indentation.
    let content: Substring
    let kind: Kind

    init(_ raw: Substring) {
        self.raw = raw
        var indent = 0
        var contentStart = raw.startIndex
        for character in raw {
            guard character == " " || character == "\t" else { break }
            indent += character == "\t" ? 4 : 1
            contentStart = raw.index(after: contentStart)
        }
        self.indent = indent
        content = raw[contentStart...]
        kind = Line.classify(content, indent: indent)
    }

    /// Whether this line goes on the paragraph above rather than starting a block. A numbered
    /// item interrupts a paragraph only when it starts at 1, so a sentence that wraps before
    /// "2027." stays a sentence.
    var continuesParagraph: Bool {
        switch kind {
        case .text: return true
        case .item(let marker, _): return marker.isOrdered && marker.number != 1
        case .blank, .fence, .heading, .thematicBreak: return false
        }
    }

    /// The line with up to `indent` columns of leading spaces removed (for code block lines).
    func dropping(indent: Int) -> Substring {
        var removed = 0
        var start = raw.startIndex
        while removed < indent, start < raw.endIndex, raw[start] == " " {
            removed += 1
            start = raw.index(after: start)
        }
        return raw[start...]
    }

    private static func classify(_ content: Substring, indent: Int) -> Kind {
        let scalars = Array(content.unicodeScalars)
        guard let first = scalars.first else { return .blank }
        if scalars.allSatisfy({ $0 == " " || $0 == "\t" }) { return .blank }
        if indent <= 3 {
            if let fence = fence(scalars) { return .fence(fence) }
            if let heading = heading(scalars) { return heading }
            if isThematicBreak(scalars) { return .thematicBreak }
        }
        if first == "-" || first == "*" || first == "+" {
            if scalars.count == 1 || scalars[1] == " " || scalars[1] == "\t" {
                return .item(ListMarker(character: first, ordinal: nil), text: itemText(content, after: 1))
            }
            return .text
        }
        let digits = scalars.prefix { ("0"..."9").contains($0) }.count
        if (1...9).contains(digits), digits < scalars.count, scalars[digits] == "." || scalars[digits] == ")",
            digits + 1 == scalars.count || scalars[digits + 1] == " " || scalars[digits + 1] == "\t",
            let number = Int(String(String.UnicodeScalarView(scalars[0..<digits])))
        {
            return .item(ListMarker(character: scalars[digits], ordinal: number), text: itemText(content, after: digits + 1))
        }
        return .text
    }

    private static func itemText(_ content: Substring, after markerLength: Int) -> Substring {
        let rest = content.dropFirst(markerLength)
        return rest.drop { $0 == " " || $0 == "\t" }.trimmingTrailingWhitespace
    }

    private static func fence(_ scalars: [Unicode.Scalar]) -> Fence? {
        guard let character = scalars.first, character == "`" || character == "~" else { return nil }
        let length = scalars.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        let info = scalars.dropFirst(length)
        // A backtick in the info string means this was inline code, not a fence.
        if character == "`", info.contains("`") { return nil }
        let word = info.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }
        let plain = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-_.#".unicodeScalars.contains($0)) }
        return Fence(character: character, length: length, language: plain ? String(String.UnicodeScalarView(word)) : nil)
    }

    private static func heading(_ scalars: [Unicode.Scalar]) -> Kind? {
        let level = scalars.prefix { $0 == "#" }.count
        guard (1...6).contains(level), level == scalars.count || scalars[level] == " " || scalars[level] == "\t" else { return nil }
        var text = trimmingWhitespace(scalars[level...])
        // An optional closing sequence: `## Title ##`.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing == text.count || (closing > 0 && isSpace(text[text.endIndex - closing - 1])) {
            text = trimmingWhitespace(text.dropLast(closing))
        }
        return .heading(level: level, text: String(String.UnicodeScalarView(text)))
    }

    private static func isThematicBreak(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let character = scalars.first, character == "-" || character == "*" || character == "_" else { return false }
        var count = 0
        for scalar in scalars {
            if scalar == character {
                count += 1
            } else if scalar != " " && scalar != "\t" {
                return false
            }
        }
        return count >= 3
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    private static func trimmingWhitespace(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return [] }
        return text[first...last]
    }
}

extension Substring {
    fileprivate var trimmingTrailingWhitespace: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
