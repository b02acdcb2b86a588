#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One usage event, as filled by ``UsageEventScanner``: the known fields of one NDJSON line.
///
/// The event is a self-contained value (it owns the decoded bytes of its strings) meant to be
/// reused: the scanner overwrites it line after line, keeping its storage, so scanning a
/// stream allocates nothing per event. Absent fields read as zero values (`""`, `0`), and
/// ``present`` tells presence as CEL's `has()` needs it. Only the fields in the scanner's mask
/// are materialised; the others read as zero values even when ``present`` has them.
public struct UsageEvent: Sendable {
    /// Where one string lives in ``text``.
    @usableFromInline struct TextSlot: Sendable {
        @usableFromInline var start: UInt32
        @usableFromInline var count: UInt32
        @usableFromInline static let empty = TextSlot(start: 0, count: 0)
        @usableFromInline init(start: UInt32, count: UInt32) {
            self.start = start
            self.count = count
        }
    }

    /// The fields the line had (a field given as `null` is absent).
    public internal(set) var present = UsageEventFields()
    /// The integer fields (`tokens.in`, …) by ``UsageEventField/integerIndex``, 0 when absent.
    @usableFromInline var integers = UsageEventField.IntegerArray<Int64>(repeating: 0)
    /// The decimal fields (`cost.amount`) as `Double`s by ``UsageEventField/decimalIndex``, 0
    /// when absent; ``string(_:)`` gives a decimal exactly as written, for exact sums.
    @usableFromInline var decimals = UsageEventField.DecimalArray<Double>(repeating: 0)
    /// `time` as seconds and nanoseconds since the Unix epoch, `nil` when absent. The scanner
    /// rejects a `time` that is not RFC 3339, so a present `time` always has one.
    public internal(set) var timestamp: EventTimestamp?

    /// The line's bytes (when any field is materialised), possibly bytes left from an earlier
    /// line, then the decoded UTF-8 of strings that held escapes; slots point into it.
    @usableFromInline var text: [UInt8] = []
    /// The fields whose slot is set: slots of other fields are stale and read as `""`.
    @usableFromInline var materialised: UInt32 = 0
    /// The materialised fields whose value is bytes of the line that the scanner validated as
    /// UTF-8 (not decoded from escapes, not set by other code).
    @usableFromInline var validated: UInt32 = 0
    /// The slot of each field below ``UsageEventField/objectStart``, by raw value. On the heap,
    /// not inline: reading one entry of an inline array of a borrowed event made the compiler
    /// copy the whole event to the stack first (one copy per field read in the stream's hot
    /// loop). Only fields in ``materialised`` are current, so a reset leaves the slots alone.
    /// Like ``text``, they are copied on the next reset or write only if a copy of the event
    /// outlives its line (``TextSlotStorage``).
    @usableFromInline var slotStorage = TextSlotStorage()

    /// An empty event (every field absent).
    public init() {
        text.reserveCapacity(512)
    }

    /// Whether a string field's bytes are known to be valid UTF-8 without looking: they are the
    /// line's own bytes, which the scanner validated (not a value decoded from escapes).
    @inlinable public func isValidatedUTF8(_ field: UsageEventField) -> Bool {
        validated & (1 << UInt32(field.rawValue)) != 0
    }

    /// Whether the line had `field` (CEL's `has(event.field)`).
    @inlinable public func has(_ field: UsageEventField) -> Bool { present.contains(field) }

    /// A string field's value, `""` when absent or not materialised; for `.costAmount` the
    /// number's source text. Other numbers and objects read as `""`.
    @inlinable public func string(_ field: UsageEventField) -> String {
        withUTF8(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the decoded UTF-8 bytes of a string field (empty when absent), without
    /// creating a `String`. The bytes are valid only inside `body`.
    @inlinable public func withUTF8<R>(_ field: UsageEventField, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let index = Int(field.rawValue)
        guard materialised & (1 << UInt32(index)) != 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let slot = slotStorage.slots[index]
        return try text.withUnsafeBufferPointer { all in
            guard slot.count > 0, let base = all.baseAddress else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try body(UnsafeBufferPointer(start: base + Int(slot.start), count: Int(slot.count)))
        }
    }

    /// Whether a string field's value is exactly `constant` (byte for byte), without allocating.
    @inlinable public func field(_ field: UsageEventField, equals constant: StaticString) -> Bool {
        constant.withUTF8Buffer { expected in self.field(field, equalsBytes: expected) }
    }

    /// Whether a string field's value is exactly the UTF-8 bytes `constant`, without allocating
    /// (precompute `Array(string.utf8)` once for the policy's constants).
    @inlinable public func field(_ field: UsageEventField, equals constant: [UInt8]) -> Bool {
        constant.withUnsafeBufferPointer { self.field(field, equalsBytes: $0) }
    }

    @inlinable func field(_ field: UsageEventField, equalsBytes expected: UnsafeBufferPointer<UInt8>) -> Bool {
        let index = Int(field.rawValue)
        guard materialised & (1 << UInt32(index)) != 0 else { return expected.isEmpty }
        let slot = slotStorage.slots[index]
        guard Int(slot.count) == expected.count else { return false }
        if expected.isEmpty { return true }
        return text.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, let other = expected.baseAddress else { return false }
            return memcmp(base + Int(slot.start), other, expected.count) == 0
        }
    }

    /// Forgets every field, keeping the storage.
    @inline(__always)
    mutating func reset() {
        forgetFields()
        text.removeAll(keepingCapacity: true)
    }

    /// Forgets every field and copies `line` to the start of ``text``, keeping the storage.
    ///
    /// Bytes of earlier, longer lines may be left after the line (up to ``textSlack`` of them):
    /// slots say where each string lies, and decoded escapes go after whatever is there. This
    /// saves emptying and refilling the array for every line (about 170 instructions).
    @inline(__always)
    mutating func reset(copying line: UnsafeBufferPointer<UInt8>) {
        forgetFields()
        guard let source = line.baseAddress, !line.isEmpty else {
            text.removeAll(keepingCapacity: true)
            return
        }
        if text.count > line.count + Self.textSlack { text.removeAll(keepingCapacity: true) }
        let overwritten = min(text.count, line.count)
        if overwritten > 0 {
            text.withUnsafeMutableBufferPointer { bytes in
                if let target = bytes.baseAddress { memcpy(target, source, overwritten) }
            }
        }
        if overwritten < line.count {
            text.append(contentsOf: UnsafeBufferPointer(start: source + overwritten, count: line.count - overwritten))
        }
    }

    /// Most bytes ``reset(copying:)`` leaves after a line before it empties ``text``.
    static let textSlack = 4096

    @inline(__always)
    private mutating func forgetFields() {
        ownSlots()
        present = UsageEventFields()
        materialised = 0
        validated = 0
        integers = UsageEventField.IntegerArray(repeating: 0)
        decimals = UsageEventField.DecimalArray(repeating: 0)
        timestamp = nil
    }

    /// Points a field's slot at `count` bytes of the line (at the start of ``text``) that the
    /// scanner validated as UTF-8. Only after a reset for the same line: the reset made the
    /// slots the event's own, so this writes them without checking.
    @inline(__always)
    mutating func setValidatedSlot(_ field: UsageEventField, start: Int, count: Int) {
        writeSlot(field, start: start, count: count)
        validated |= 1 << UInt32(field.rawValue)
    }

    /// Points a field's slot at `count` bytes of ``text`` from `start`.
    @inline(__always)
    mutating func setSlot(_ field: UsageEventField, start: Int, count: Int) {
        ownSlots()
        writeSlot(field, start: start, count: count)
    }

    @inline(__always)
    private mutating func writeSlot(_ field: UsageEventField, start: Int, count: Int) {
        slotStorage.slots[Int(field.rawValue)] = TextSlot(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: count))
        materialised |= 1 << UInt32(field.rawValue)
    }

    /// Makes the slots this event's own: a copy of the event shares them until then.
    @inline(__always)
    private mutating func ownSlots() {
        if !isKnownUniquelyReferenced(&slotStorage) { slotStorage = TextSlotStorage(copying: slotStorage) }
    }
}

extension UsageEvent {
    /// An integer field's value (`.tokensIn`), 0 when absent or not an integer field.
    @inlinable public func integer(_ field: UsageEventField) -> Int64 {
        guard field.valueKind == .integer else { return 0 }
        return integers.span[field.integerIndex]
    }

    /// A decimal field's value (`.costAmount`), 0 when absent or not a decimal field.
    @inlinable public func decimal(_ field: UsageEventField) -> Double {
        guard field.valueKind == .decimal else { return 0 }
        return decimals.span[field.decimalIndex]
    }

    /// Sets a number field (the scanner, as it reads the line).
    @inline(__always)
    mutating func setInteger(_ field: UsageEventField, _ value: Int64) { integers[field.integerIndex] = value }

    @inline(__always)
    mutating func setDecimal(_ field: UsageEventField, _ value: Double) { decimals[field.decimalIndex] = value }

    /// `tokens.in`, 0 when absent.
    public var tokensIn: Int64 { integer(.tokensIn) }
    /// `tokens.out`, 0 when absent.
    public var tokensOut: Int64 { integer(.tokensOut) }
    /// `cost.amount` as a `Double`, 0 when absent; ``string(_:)`` with `.costAmount` gives the
    /// number exactly as written, for exact decimal sums.
    public var costAmount: Double { decimal(.costAmount) }

    /// `id`, or `""`.
    public var id: String { string(.id) }
    /// `user`, or `""`.
    public var user: String { string(.user) }
    /// `org`, or `""`.
    public var org: String { string(.org) }

    /// `kind` as a known value; ``UsageEventKind/other`` for a value Bylaw does not know (the raw
    /// text is in `string(.kind)`), `nil` when absent.
    public var kind: UsageEventKind? {
        guard has(.kind) else { return nil }
        if field(.kind, equals: "prompt") { return .prompt }
        if field(.kind, equals: "upload") { return .upload }
        if field(.kind, equals: "share") { return .share }
        return .other
    }

    /// `scope` as a known value; ``UsageEventScope/other`` for an unknown value, `nil` when absent.
    public var scope: UsageEventScope? { UsageEventScope(self, .scope) }

    /// `target.scope` as a known value, `nil` when absent.
    public var targetScope: UsageEventScope? { UsageEventScope(self, .targetScope) }
}

extension UsageEventScope {
    init?(_ event: UsageEvent, _ field: UsageEventField) {
        guard event.has(field) else { return nil }
        if event.field(field, equals: "private") { self = .private } else if event.field(field, equals: "org") { self = .org } else { self = .other }
    }
}
