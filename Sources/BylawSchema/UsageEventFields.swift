/// A set of ``UsageEventField``s as a bitset: which fields an event has, which fields the
/// compiled rules read (the scanner's mask).
public struct UsageEventFields: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The set holding one field.
    @inlinable public init(_ field: UsageEventField) { self.rawValue = 1 << UInt32(field.rawValue) }

    /// The set holding these fields.
    public init(_ fields: [UsageEventField]) {
        var raw: UInt32 = 0
        for field in fields { raw |= 1 << UInt32(field.rawValue) }
        self.rawValue = raw
    }

    /// Every known field.
    public static let all = UsageEventFields(UsageEventField.allCases)

    /// Whether the set holds `field`.
    @inlinable @inline(__always) public func contains(_ field: UsageEventField) -> Bool {
        rawValue & (1 << UInt32(field.rawValue)) != 0
    }

    /// Adds one field.
    @inlinable @inline(__always) public mutating func insert(_ field: UsageEventField) {
        self = UsageEventFields(rawValue: rawValue | 1 << UInt32(field.rawValue))
    }

    /// The fields in the set, in declaration order.
    public var fields: [UsageEventField] { UsageEventField.allCases.filter(contains) }
}
