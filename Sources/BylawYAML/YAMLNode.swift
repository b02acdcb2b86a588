import BylawSource

/// A node of a composed YAML document, with the byte range it came from.
///
/// Produced by ``YAMLComposer`` from libyaml's events. Mappings keep their pairs in source order
/// and never hold a duplicate key (a duplicate is a diagnostic, not a silently dropped value).
public struct YAMLNode: Sendable {
    /// What the node is.
    public enum Kind: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public let kind: Kind
    // Stored compactly (a large file's tree holds millions of nodes, and the tree's size is most
    // of the composer's cost): offsets as 32 bits (``YAMLLoader`` refuses larger inputs), the
    // rare tag behind one shared reference.
    private let start: UInt32
    private let end: UInt32
    let tagName: YAMLTagName?

    /// Bytes of the whole node in its file: for a mapping or sequence, from its first to its last
    /// character; for a scalar, including quotes and block indicators.
    public var range: SourceRange { SourceRange(start: Int(start), end: Int(end)) }

    /// An explicit tag (`!!str`, `!custom`), if the source wrote one.
    public var tag: String? { tagName?.name }

    /// Creates a node; offsets past 4 GiB are clamped (no loaded file is that large).
    public init(kind: Kind, range: SourceRange, tag: String? = nil) {
        self.init(kind: kind, range: range, tagName: tag.map(YAMLTagName.init))
    }

    init(kind: Kind, range: SourceRange, tagName: YAMLTagName?) {
        self.kind = kind
        self.start = UInt32(clamping: range.start)
        self.end = UInt32(clamping: range.end)
        self.tagName = tagName
    }

    /// The scalar, if this is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The pairs, if this is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The items, if this is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value for a string key of a mapping (keys compare by their resolved text).
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.text == key }?.value
    }

    /// The pair whose key is `key`, to point at the key itself in a diagnostic.
    public func pair(_ key: String) -> YAMLPair? {
        mapping?.first { $0.key.scalar?.text == key }
    }

    /// A word for the node's kind, for messages ("expected a mapping, found a sequence").
    public var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }
}

/// A tag's text, shared by every node that carries it.
final class YAMLTagName: Sendable {
    let name: String

    init(_ name: String) { self.name = name }
}

/// One `key: value` entry of a mapping.
public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// How a scalar was written.
public enum YAMLScalarStyle: String, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar's value under the YAML 1.2 core schema (see `docs/yaml.md`).
///
/// Only plain scalars resolve to non-strings: `null`, `~` and the empty plain scalar are null;
/// `true`/`false` (and their `True`/`TRUE` spellings) are booleans; `no`, `yes`, `on`, `off` are
/// strings. Quoted and block scalars are always strings. An explicit tag (`!!str 12`) wins.
public enum YAMLScalarValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
}

/// A scalar node's text and resolved value.
///
/// Stored compactly (a file's tree holds millions of these): the value's payload as raw bits
/// beside the text, since a string value is always the text itself.
public struct YAMLScalar: Sendable {
    /// The scalar's content after YAML's unescaping and folding (what a program reads).
    public let text: String
    private let valueBits: UInt64
    private let storedContentStart: UInt32
    /// `UInt16.max` for none; larger indentations are clamped to `UInt16.max - 1`.
    private let storedIndentation: UInt16
    private let valueKind: ValueKind
    public let style: YAMLScalarStyle

    /// Byte offset where the content starts in the source: after the opening quote, or at the
    /// first content line of a block scalar.
    public var contentStart: Int { Int(storedContentStart) }

    private enum ValueKind: UInt8, Sendable {
        case string, null, bool, int, float
    }

    /// The resolved value (see ``YAMLScalarValue``); a string value is always ``text``.
    public var value: YAMLScalarValue {
        switch valueKind {
        case .string: return .string(text)
        case .null: return .null
        case .bool: return .bool(valueBits != 0)
        case .int: return .int(Int64(bitPattern: valueBits))
        case .float: return .float(Double(bitPattern: valueBits))
        }
    }

    /// For a literal (`|`) or folded (`>`) scalar, the spaces of indentation stripped from each
    /// content line; `nil` for other styles. Needed to map offsets in `text` back to the source.
    public var blockIndentation: Int? { storedIndentation == .max ? nil : Int(storedIndentation) }

    /// Creates a scalar. A `.string` value stands for `text` (the scalar's value is its text).
    public init(text: String, style: YAMLScalarStyle, value: YAMLScalarValue, contentStart: Int, blockIndentation: Int? = nil) {
        self.text = text
        self.style = style
        self.storedContentStart = UInt32(clamping: contentStart)
        self.storedIndentation = blockIndentation.map { UInt16(clamping: max(0, min($0, Int(UInt16.max) - 1))) } ?? .max
        switch value {
        case .string: (valueKind, valueBits) = (.string, 0)
        case .null: (valueKind, valueBits) = (.null, 0)
        case .bool(let flag): (valueKind, valueBits) = (.bool, flag ? 1 : 0)
        case .int(let number): (valueKind, valueBits) = (.int, UInt64(bitPattern: number))
        case .float(let number): (valueKind, valueBits) = (.float, number.bitPattern)
        }
    }
}
