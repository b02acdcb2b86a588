/// A CEL runtime value. Kept small (most payloads are one or two words) because programs pass
/// values around by the million.
public enum CELValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map(CELMap)
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    case type(CELType)
    /// A host object; its fields are read by index.
    case object(any CELObject)
    /// An evaluation error: errors are values in CEL and only surface if they decide the result.
    case error(CELError)
    /// `optional.of(x)` / `optional.none()`.
    case optional(CELOptional)

    /// The value's runtime type (element types of lists and maps are `dyn`).
    public var celType: CELType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .list: .list(.dyn)
        case .map: .map(.dyn, .dyn)
        case .timestamp: .timestamp
        case .duration: .duration
        case .type(let t): .type(t)
        case .object(let o): .object(o.celTypeName)
        case .error: .error
        case .optional: .optional(.dyn)
        }
    }

    /// True for lists and maps.
    var isAggregate: Bool {
        switch self {
        case .list, .map: true
        default: false
        }
    }

    /// True if the value is an error.
    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// An error value without a position (the evaluator adds the failing node's range).
    static func fail(_ message: String) -> CELValue { .error(CELError(message)) }

    static let noSuchOverload = CELValue.error(CELError("no_such_overload"))
}

/// An evaluation error: what went wrong and where in the expression.
public final class CELError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// Byte range of the node that failed, when known.
    public let range: CELRange?

    public init(_ message: String, range: CELRange? = nil) {
        self.message = message
        self.range = range
    }

    public var description: String { message }
}

/// The payload of an optional value.
public final class CELOptional: Sendable {
    public let value: CELValue?
    public init(_ value: CELValue?) { self.value = value }
    static let none = CELOptional(nil)
}

/// A host object (a workspace graph node, a usage event) exposed to CEL. Field selection is
/// resolved to an index at check time from ``CELEnvironment/declareObjectType(_:fields:)``.
public protocol CELObject: AnyObject, Sendable {
    /// The declared object type's name.
    var celTypeName: String { get }
    /// The field at a declared index.
    func celField(_ index: Int) -> CELValue
    /// Whether the field is set (`has(obj.field)`).
    func celHasField(_ index: Int) -> Bool
}
