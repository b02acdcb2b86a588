// TEMPORARY: stand-ins for the celsupport branch's Time and Regex types, deleted at merge.
public struct CELTimeError: Error { public var message: String }
public struct CELRegexError: Error { public var message: String }
public enum CELTimeComponent: Sendable { case fullYear, month, dayOfYear, dayOfMonth, date, dayOfWeek, hours, minutes, seconds, milliseconds }
public struct CELTimestamp: Hashable, Comparable, Sendable {
    public var seconds: Int64
    public var nanos: Int32
    public init(seconds: Int64, nanos: Int32) { self.seconds = seconds; self.nanos = nanos }
    public static func < (a: Self, b: Self) -> Bool { (a.seconds, a.nanos) < (b.seconds, b.nanos) }
    public static func parse(_ s: String) throws(CELTimeError) -> CELTimestamp { throw CELTimeError(message: "stub") }
    public var rfc3339: String { "" }
    public func adding(_ d: CELDuration) throws(CELTimeError) -> CELTimestamp { throw CELTimeError(message: "stub") }
    public func subtracting(_ other: CELTimestamp) throws(CELTimeError) -> CELDuration { throw CELTimeError(message: "stub") }
    public func component(_ c: CELTimeComponent, timeZone: String?) throws(CELTimeError) -> Int64 { throw CELTimeError(message: "stub") }
}
public struct CELDuration: Hashable, Comparable, Sendable {
    public var seconds: Int64
    public var nanos: Int32
    public init(seconds: Int64, nanos: Int32) { self.seconds = seconds; self.nanos = nanos }
    public static func < (a: Self, b: Self) -> Bool { (a.seconds, a.nanos) < (b.seconds, b.nanos) }
    public static func parse(_ s: String) throws(CELTimeError) -> CELDuration { throw CELTimeError(message: "stub") }
    public var celString: String { "" }
    public func adding(_ d: CELDuration) throws(CELTimeError) -> CELDuration { throw CELTimeError(message: "stub") }
    public func subtracting(_ d: CELDuration) throws(CELTimeError) -> CELDuration { throw CELTimeError(message: "stub") }
    public func negated() throws(CELTimeError) -> CELDuration { throw CELTimeError(message: "stub") }
    public func component(_ c: CELTimeComponent) throws(CELTimeError) -> Int64 { throw CELTimeError(message: "stub") }
}
public struct CELRegex: Sendable {
    public init(_ pattern: String) throws(CELRegexError) {}
    public func matches(_ text: String) -> Bool { false }
}
