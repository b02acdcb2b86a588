#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawModel

/// Gives each value of an event field a number, so that decision caches compare numbers
/// instead of bytes: a field is hashed and compared at most once per event, however many
/// rules read it.
///
/// Numbers are never reused: a value pushed out of its slot gets a new number when it comes
/// back, so a number always means one value (decisions cached under an old number are simply
/// never found again). Absent is 0; a present object (`event.cost`) is 1. Each field keeps a
/// fixed number of slots (open addressing, emptied when half full): memory is constant
/// whatever the stream.
struct StreamFieldInterner {
    static let slotCount = 4096
    /// Values longer than this get no number (rules reading them are evaluated).
    static let maxValueLength = 256

    private struct Table {
        var hashes: [UInt64]
        var numbers: [UInt64]
        var values: [[UInt8]]
        var used = 0

        init() {
            hashes = Array(repeating: 0, count: StreamFieldInterner.slotCount)
            numbers = Array(repeating: 0, count: StreamFieldInterner.slotCount)
            values = Array(repeating: [], count: StreamFieldInterner.slotCount)
        }
    }

    private var tables: [Table] = []
    /// The numbers of the current event's fields, valid where `stamps` holds `event`.
    private var current = InlineArray<32, UInt64>(repeating: 0)
    private var stamps = InlineArray<32, UInt32>(repeating: 0)
    private var event: UInt32 = 1
    private var next: UInt64 = 2
    private var scratch: [UInt8] = []

    init() {
        tables = (0..<UsageEventField.allCases.count).map { _ in Table() }
        scratch.reserveCapacity(16)
    }

    /// Forgets the numbers of the previous event's fields.
    @inline(__always)
    mutating func beginEvent() {
        event &+= 1
        if event == 0 {
            stamps = InlineArray(repeating: 0)
            event = 1
        }
    }

    /// The number of `field`'s value in `event`, or nil when the value is too long to keep.
    @inline(__always)
    mutating func number(_ field: UsageEventField, in usage: UsageEvent) -> UInt64? {
        let index = Int(field.rawValue)
        if stamps[index] == event { return current[index] == UInt64.max ? nil : current[index] }
        let number = lookUp(field, in: usage)
        stamps[index] = event
        current[index] = number ?? UInt64.max
        return number
    }

    private mutating func lookUp(_ field: UsageEventField, in usage: UsageEvent) -> UInt64? {
        guard usage.has(field) else { return 0 }
        switch field {
        case .tokens, .cost, .artifact, .destination, .target:
            return 1
        case .time:
            let time = usage.timestamp
            return numberOfWord(field, UInt64(bitPattern: time?.seconds ?? 0), UInt64(time?.nanos ?? 0))
        case .tokensIn: return numberOfWord(field, UInt64(bitPattern: usage.tokensIn), 0)
        case .tokensOut: return numberOfWord(field, UInt64(bitPattern: usage.tokensOut), 0)
        case .costAmount: return numberOfWord(field, usage.costAmount.bitPattern, 0)
        default:
            return usage.withUTF8(field) { bytes in number(field, bytes) }
        }
    }

    private mutating func numberOfWord(_ field: UsageEventField, _ first: UInt64, _ second: UInt64) -> UInt64? {
        var words = (first, second)
        return withUnsafeBytes(of: &words) { raw in
            number(field, UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: 16))
        }
    }

    private mutating func number(_ field: UsageEventField, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count <= Self.maxValueLength else { return nil }
        let hash = Self.hash(bytes)
        let table = Int(field.rawValue)
        var slot = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        while tables[table].numbers[slot] != 0 {
            if tables[table].hashes[slot] == hash, Self.equal(tables[table].values[slot], bytes) { return tables[table].numbers[slot] }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
        if tables[table].used >= Self.slotCount / 2 {
            // Half full: start over (probes stay short; the values met again get new numbers).
            for index in 0..<Self.slotCount { tables[table].numbers[index] = 0 }
            tables[table].used = 0
            slot = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        }
        tables[table].used += 1
        let number = next
        next += 1
        tables[table].hashes[slot] = hash
        tables[table].numbers[slot] = number
        tables[table].values[slot].removeAll(keepingCapacity: true)
        tables[table].values[slot].append(contentsOf: bytes)
        return number
    }

    private static func equal(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == bytes.count else { return false }
        guard let other = bytes.baseAddress else { return true }
        return stored.withUnsafeBufferPointer { mine in
            guard let base = mine.baseAddress else { return false }
            return memcmp(base, other, bytes.count) == 0
        }
    }

    /// Eight bytes at a time (multiply and rotate), the length mixed in, then MurmurHash3's
    /// finaliser so that every input bit reaches the low bits that pick the slot.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return mix(hash) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash = hash << 31 | hash >> 33
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix((hash ^ tail) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// MurmurHash3's 64-bit finaliser.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }
}
