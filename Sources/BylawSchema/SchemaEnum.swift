/// A Swift enum whose cases are the known values of a string field: the table refers to it
/// (``SchemaEnum/init(_:)``), so its values and their descriptions are declared once, here.
public protocol SchemaEnumeration: RawRepresentable<String>, CaseIterable, Sendable {
    /// How messages and the reference name one value (`billing mode`).
    static var noun: String { get }
    /// Whether a value outside the known ones is accepted (and passed through for policies to
    /// judge) rather than rejected as input.
    static var isOpen: Bool { get }
    /// The known values, in the order the reference lists them (every case but a catch-all).
    static var knownCases: [Self] { get }
    /// One line for the reference.
    var summary: String { get }
}

extension SchemaEnumeration {
    public static var isOpen: Bool { false }
    public static var knownCases: [Self] { Array(allCases) }
}

/// The known values of a string field, as the table holds them.
public struct SchemaEnum: Sendable, Hashable {
    /// One known value and its description.
    public struct Value: Sendable, Hashable {
        public let name: String
        public let summary: String
    }

    /// How messages name one value (`billing mode`).
    public let noun: String
    public let values: [Value]
    /// Whether other values are accepted (event fields pass unknown values through).
    public let isOpen: Bool

    /// The values of a Swift enum.
    public init<E: SchemaEnumeration>(_ type: E.Type) {
        noun = E.noun
        values = E.knownCases.map { Value(name: $0.rawValue, summary: $0.summary) }
        isOpen = E.isOpen
    }

    /// The value names, in order.
    public var names: [String] { values.map(\.name) }

    /// Whether `text` is one of the known values.
    public func contains(_ text: String) -> Bool { values.contains { $0.name == text } }

    /// "`a`, `b` or `c`": how the reference describes a field that takes these values.
    public var valuePhrase: String {
        let quoted = names.map { "`\($0)`" }
        guard let last = quoted.last else { return "" }
        return quoted.count == 1 ? last : quoted.dropLast().joined(separator: ", ") + " or " + last
    }
}
