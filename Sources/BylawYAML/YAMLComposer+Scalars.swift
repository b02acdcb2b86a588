internal import CLibYAML
import BylawSource

extension YAMLComposer {
    /// Tags of the core schema's scalar types, in their short form.
    static let scalarTags: Set<String> = ["!!str", "!!int", "!!float", "!!bool", "!!null"]

    /// `tag:yaml.org,2002:str` → `!!str`; other tags as libyaml gives them.
    static func shortTag(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        let tag = String(cString: pointer)
        let prefix = "tag:yaml.org,2002:"
        if tag.hasPrefix(prefix) { return "!!" + tag.dropFirst(prefix.count) }
        return tag
    }

    /// A scalar event. Most scalars in a large file are plain or quoted, with no anchor or tag:
    /// they take the short path here; the rest go to ``scalarWithProperties(_:start:end:)``,
    /// kept out of line so that the hot path stays small in the instruction cache, which it
    /// shares with libyaml's parser.
    mutating func scalar(_ event: UnsafeMutablePointer<yaml_event_t>) {
        let data = event.pointee.data.scalar
        let start = marks.offset(of: event.pointee.start_mark)
        let end = marks.offset(of: event.pointee.end_mark)
        let style = Self.style(of: data.style)
        guard data.anchor == nil, data.tag == nil, style != .literal, style != .folded else {
            sourceNodes += 1
            scalarWithProperties(event, start: start, end: end, style: style)
            return
        }
        flowScalar(UnsafeBufferPointer(start: data.value, count: data.length), style: style, start: start, end: end)
    }

    /// A plain or quoted scalar without anchor or tag, whose value is `bytes`: what its event
    /// does, also for the items read without libyaml (see ``YAMLSimpleItemScanner``).
    @inline(__always)
    mutating func flowScalar(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, start: Int, end: Int) {
        sourceNodes += 1
        let range = SourceRange(start: start, end: end)
        let node = builder.appendFlowScalar(
            bytes, style: style, value: untagged(style, bytes, range: range), start: start, end: end)
        attach(node, end: end, expanded: 1)
    }

    @inline(__always)
    static func style(of style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// A scalar with an anchor or a tag, or a block scalar: `eventStart..<eventEnd` is what
    /// libyaml marks, which includes the properties and, for a block scalar, the blank lines
    /// after it.
    @inline(never)
    private mutating func scalarWithProperties(
        _ event: UnsafeMutablePointer<yaml_event_t>, start eventStart: Int, end eventEnd: Int, style: YAMLScalarStyle
    ) {
        let data = event.pointee.data.scalar
        var end = eventEnd
        // With an anchor or tag, libyaml's start mark is at those properties, not at the scalar.
        let hasProperties = data.anchor != nil || data.tag != nil
        let start = hasProperties ? skipProperties(from: eventStart, to: end) : eventStart
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let contentStart: Int
        var blockIndentation: Int?
        switch style {
        case .plain, .singleQuoted, .doubleQuoted:
            contentStart = YAMLNodeRecord.contentStart(of: style, start: start, end: end)
        case .literal, .folded:
            contentStart = blockContentStart(from: start, to: end)
            blockIndentation = blockIndentationOf(header: start, content: contentStart, end: end)
            end = trimTrailingBlank(from: end, downTo: contentStart)
        }
        let range = SourceRange(start: start, end: end)
        let tag = data.tag.map(Self.shortTag)
        let value: YAMLValueBits
        if let tag, tag != "!" {
            if Self.scalarTags.contains(tag) {
                switch YAMLScalarResolver.resolve(tagged: tag, bytes) {
                case .value(let resolved): value = resolved
                case .mismatch(let message):
                    report(.error(.yamlBadTag, "\(message), as its tag \(tag) requires", in: file, at: range))
                    value = .string
                }
            } else {
                value = untagged(style, bytes, range: range)
            }
        } else if tag == "!" {
            value = .string
        } else {
            value = untagged(style, bytes, range: range)
        }
        let tagIndex = tag.map { builder.tag($0) } ?? 0
        let node = builder.appendScalar(
            bytes, style: style, value: value, range: range, contentStart: contentStart,
            indentation: blockIndentation, tag: tagIndex)
        add(node, expanded: 1, anchor: data.anchor.map { String(cString: $0) })
    }

    private mutating func untagged(_ style: YAMLScalarStyle, _ bytes: UnsafeBufferPointer<UInt8>, range: SourceRange) -> YAMLValueBits {
        guard style == .plain else { return .string }
        if let value = YAMLScalarResolver.resolvePlain(bytes) { return value }
        reportIntRange(bytes, range: range)
        return .string
    }

    @inline(never)
    private mutating func reportIntRange(_ bytes: UnsafeBufferPointer<UInt8>, range: SourceRange) {
        report(.error(
            .yamlIntRange, "integer '\(String(decoding: bytes, as: UTF8.self))' does not fit in 64 bits", in: file, at: range,
            hint: "quote it to keep it as a string"))
    }

    /// Skips `&anchor`, `!tag`, blanks, line breaks and comments up to the scalar itself.
    private func skipProperties(from start: Int, to end: Int) -> Int {
        let bytes = file.bytes
        var index = start
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "&"), UInt8(ascii: "!"):
                while index < end, !Self.isBlankOrBreak(bytes[index]) { index += 1 }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "#"):
                while index < end, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
            default:
                return index
            }
        }
        return min(index, end)
    }

    /// A block scalar's content starts on the line after its `|` or `>` header.
    private func blockContentStart(from start: Int, to end: Int) -> Int {
        let bytes = file.bytes
        var index = start
        while index < end, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
        if index < end, bytes[index] == UInt8(ascii: "\r") { index += 1 }
        if index < end, bytes[index] == UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// The indentation libyaml strips from a block scalar's lines: the header's indicator added
    /// to the enclosing block collection's column, or else detected as libyaml does (the deepest
    /// indentation of the leading blank lines and the first content line, at least one more than
    /// the enclosing collection's).
    private func blockIndentationOf(header: Int, content: Int, end: Int) -> Int {
        let bytes = file.bytes
        let enclosing = depth > 0 && !top.isFlow ? top : outer.last { !$0.isFlow }
        let parent = enclosing.map { column(of: $0.start) } ?? -1
        var index = header + 1
        while index < content, index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") {
                let increment = Int(byte - UInt8(ascii: "0"))
                return parent >= 0 ? parent + increment : increment
            }
            guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else { break }
            index += 1
        }
        var maxIndent = 0
        index = content
        while index < end {
            var spaces = 0
            while index < end, bytes[index] == UInt8(ascii: " ") { spaces += 1; index += 1 }
            maxIndent = max(maxIndent, spaces)
            guard index < end, bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") else { break }
            if bytes[index] == UInt8(ascii: "\r"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            index += 1
        }
        return max(maxIndent, parent + 1, 1)
    }

    /// 0-based column (in Unicode scalars, as libyaml counts) of a byte offset.
    private func column(of offset: Int) -> Int {
        let bytes = file.bytes
        var index = offset
        var column = 0
        while index > 0, bytes[index - 1] != UInt8(ascii: "\n"), bytes[index - 1] != UInt8(ascii: "\r") {
            index -= 1
            if bytes[index] & 0xC0 != 0x80, index >= 3 || !bytes.starts(with: [0xEF, 0xBB, 0xBF]) { column += 1 }
        }
        return column
    }

    /// libyaml ends a block scalar where the next token starts; the range stops at its last
    /// non-blank byte instead.
    private func trimTrailingBlank(from end: Int, downTo floor: Int) -> Int {
        let bytes = file.bytes
        var index = end
        while index > floor, Self.isBlankOrBreak(bytes[index - 1]) { index -= 1 }
        return index
    }

    static func isBlankOrBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
