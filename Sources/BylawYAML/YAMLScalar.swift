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

    private typealias ValueKind = YAMLNodeRecord.ValueKind

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

    /// The scalar a record of the arena stands for, with its text.
    init(text: String, record: YAMLNodeRecord, at node: Int, extras: YAMLNodeExtras) {
        self.text = text
        self.style = record.style
        self.storedContentStart = UInt32(clamping: extras.contentStart(of: record, at: node))
        self.storedIndentation = extras.indentation(of: record, at: node)
        self.valueKind = record.valueKind
        self.valueBits = record.valueBits
    }
}
