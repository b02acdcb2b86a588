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
/// never found again). Absent is 0; a present object (`event.cost`) is 1.
///
/// Each field has its own table (open addressing) that starts at ``initialSlots`` and doubles
/// when half full, keeping its values and their numbers, up to ``maxSlots``; a field at its most,
/// or once all tables together hold ``maxTotalSlots``, starts over when half full. Numbers must
/// outlive the values of a busy field: were the table of `event.user` smaller than the users
/// of a stream, every user would get a new number each time round, and every decision keyed
/// by the user would be evaluated again. Memory is bounded whatever the stream, and grows with
/// the distinct values actually met: at most ``maxTotalSlots`` slots and ``maxArenaBytes`` of
/// long values' tails.
struct StreamFieldInterner {
    /// Slots of a field's table when its first value comes (a power of two).
    static let initialSlots = 1024
    /// Most slots of one field's table (a power of two): half of them hold values.
    static let maxSlots = 1 << 17
    /// Most slots of all tables together (48 bytes each: 24 MiB).
    static let maxTotalSlots = 1 << 19
    /// Most bytes past the 16th of long values kept for all fields together: past it, the
    /// field keeping the most starts over.
    static let maxArenaBytes = 8 << 20
    /// Values longer than this get no number (rules reading them are evaluated).
    static let maxValueLength = 256

    /// One slot: a value's first 16 bytes (zero-padded) and length compare in three word
    /// compares, so the common short value needs no call; longer values keep the rest in the
    /// field's arena, at `rest`.
    fileprivate struct Slot {
        var number: UInt64
        var hash: UInt64
        var length: Int
        var w0: UInt64
        var w1: UInt64
        var rest: Int
    }

    /// The tables, one per field (nil until the field's first value). A `let` pointer: the
    /// tables are replaced through it without Swift's exclusivity checks on a class property.
    private final class Storage {
        let tables: UnsafeMutablePointer<UnsafeMutablePointer<Slot>?>
        let count: Int

        init(fieldCount: Int) {
            count = fieldCount
            tables = UnsafeMutablePointer<UnsafeMutablePointer<Slot>?>.allocate(capacity: fieldCount)
            tables.initialize(repeating: nil, count: fieldCount)
        }

        deinit {
            for index in 0..<count { tables[index]?.deallocate() }
            tables.deallocate()
        }
    }

    private let storage: Storage
    /// The numbers of the current event's fields, valid where `stamps` holds `event`.
    private var current = InlineArray<32, UInt64>(repeating: 0)
    private var stamps = InlineArray<32, UInt32>(repeating: 0)
    private var event: UInt32 = 1
    private var next: UInt64 = 2
    /// Per field: slots in use, and slots in its table (0 before its first value). Kept here
    /// rather than in `storage`, whose properties would be checked for exclusive access.
    private var used = InlineArray<32, Int>(repeating: 0)
    private var capacities = InlineArray<32, Int>(repeating: 0)
    private var totalSlots = 0
    /// Per field, the bytes past the 16th of its long values, one after another.
    private var arenas: [[UInt8]]
    private var arenaBytes = 0

    init() {
        storage = Storage(fieldCount: UsageEventField.allCases.count)
        arenas = Array(repeating: [], count: UsageEventField.allCases.count)
    }

    /// Slots in `field`'s table now (0 before its first value): for tests.
    func capacity(of field: UsageEventField) -> Int { capacities[Int(field.rawValue)] }

    /// Bytes of long values' tails kept now: for tests.
    var arenaBytesKept: Int { arenaBytes }

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
        switch field.valueKind {
        case .object:
            return 1
        case .integer: return numberOfWords(field, UInt64(bitPattern: usage.integer(field)), 0)
        case .decimal: return numberOfWords(field, usage.decimal(field).bitPattern, 0)
        case .string:
            guard field == .time else { return usage.withUTF8(field) { bytes in number(field, bytes) } }
            let time = usage.timestamp
            return numberOfWords(field, UInt64(bitPattern: time?.seconds ?? 0), UInt64(time?.nanos ?? 0))
        }
    }

    /// A numeric value: its 16 bytes are the two words.
    private mutating func numberOfWords(_ field: UsageEventField, _ first: UInt64, _ second: UInt64) -> UInt64? {
        number(field, w0: first, w1: second, length: 16, rest: UnsafeBufferPointer(start: nil, count: 0))
    }

    private mutating func number(_ field: UsageEventField, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count <= Self.maxValueLength else { return nil }
        let (w0, w1) = Self.words(bytes)
        guard bytes.count > 16, let base = bytes.baseAddress else {
            return number(field, w0: w0, w1: w1, length: bytes.count, rest: UnsafeBufferPointer(start: nil, count: 0))
        }
        return number(field, w0: w0, w1: w1, length: bytes.count, rest: UnsafeBufferPointer(start: base + 16, count: bytes.count - 16))
    }

    /// The value whose first 16 bytes are `w0`, `w1` (zero-padded), `length` bytes in all, the
    /// bytes past the 16th being `rest`.
    @inline(__always)
    private mutating func number(_ field: UsageEventField, w0: UInt64, w1: UInt64, length: Int, rest: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let hash = Self.hash(w0: w0, w1: w1, length: length, rest: rest)
        let table = Int(field.rawValue)
        var slots = storage.tables[table] ?? makeTable(table)
        var mask = capacities[table] &- 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].number != 0 {
            let stored = slots[slot]
            if stored.hash == hash, stored.w0 == w0, stored.w1 == w1, stored.length == length,
               length <= 16 || Self.equal(arenas[table], at: stored.rest, rest) {
                return stored.number
            }
            slot = (slot + 1) & mask
        }
        if used[table] >= capacities[table] / 2 {
            if capacities[table] < Self.maxSlots, totalSlots + capacities[table] <= Self.maxTotalSlots {
                // Half full: double, keeping the values and their numbers.
                slots = grow(table)
            } else {
                // Half full at its most: start over (probes stay short; the values met again
                // get new numbers).
                startOver(table, slots)
            }
            mask = capacities[table] &- 1
            slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].number != 0 { slot = (slot + 1) & mask }
        }
        var offset = 0
        if length > 16 {
            if arenaBytes + rest.count > Self.maxArenaBytes {
                // The field keeping the most bytes starts over (this one, most of the time).
                var largest = table
                for other in arenas.indices where arenas[other].count > arenas[largest].count { largest = other }
                if let largestSlots = storage.tables[largest] { startOver(largest, largestSlots) }
                if largest == table { slot = Int(truncatingIfNeeded: hash) & mask }
            }
            offset = arenas[table].count
            arenas[table].append(contentsOf: rest)
            arenaBytes += rest.count
        }
        used[table] += 1
        let number = next
        next += 1
        slots[slot] = Slot(number: number, hash: hash, length: length, w0: w0, w1: w1, rest: offset)
        return number
    }

    /// Empties `table` (its values get new numbers when they come again).
    private mutating func startOver(_ table: Int, _ slots: UnsafeMutablePointer<Slot>) {
        for index in 0..<capacities[table] { slots[index].number = 0 }
        used[table] = 0
        arenaBytes -= arenas[table].count
        arenas[table].removeAll(keepingCapacity: true)
    }

    /// `table`'s first block of slots, all empty.
    private mutating func makeTable(_ table: Int) -> UnsafeMutablePointer<Slot> {
        let made = Self.emptySlots(Self.initialSlots)
        storage.tables[table] = made
        capacities[table] = Self.initialSlots
        totalSlots += Self.initialSlots
        return made
    }

    /// Doubles `table`'s slots, moving every value to its slot in the new block by its hash.
    private mutating func grow(_ table: Int) -> UnsafeMutablePointer<Slot> {
        let oldCapacity = capacities[table]
        let capacity = oldCapacity * 2
        let made = Self.emptySlots(capacity)
        let mask = capacity &- 1
        if let old = storage.tables[table] {
            for index in 0..<oldCapacity where old[index].number != 0 {
                var slot = Int(truncatingIfNeeded: old[index].hash) & mask
                while made[slot].number != 0 { slot = (slot + 1) & mask }
                made[slot] = old[index]
            }
            old.deallocate()
        }
        storage.tables[table] = made
        capacities[table] = capacity
        totalSlots += capacity - oldCapacity
        return made
    }

    private static func emptySlots(_ count: Int) -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: count)
        slots.initialize(repeating: Slot(number: 0, hash: 0, length: 0, w0: 0, w1: 0, rest: 0), count: count)
        return slots
    }

    /// Whether the bytes of `arena` from `offset` are `bytes` (whose length the slot matched).
    private static func equal(_ arena: [UInt8], at offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset + bytes.count <= arena.count else { return false }
        guard let other = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return false }
            return memcmp(base + offset, other, bytes.count) == 0
        }
    }

    /// The first 16 bytes as two little-endian words, zero past the end, read without a
    /// loop: whole words where there are eight bytes, else two overlapping loads shifted into
    /// place.
    @inline(__always)
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        if count >= 16 {
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
        if count > 8 {
            // Bytes 8..<count are the top bytes of the word ending at the last byte.
            let last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            return (raw.loadUnaligned(as: UInt64.self), last >> UInt64(8 * (16 - count)))
        }
        if count == 8 { return (raw.loadUnaligned(as: UInt64.self), 0) }
        if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) >> UInt64(8 * (8 - count))
            return (low | high << 32, 0)
        }
        var word = UInt64(base[0])
        if count > 1 { word |= UInt64(base[1]) << 8 }
        if count > 2 { word |= UInt64(base[2]) << 16 }
        return (word, 0)
    }

    /// The words and length mixed, then the bytes past the 16th eight at a time, then
    /// MurmurHash3's finaliser so that every input bit reaches the low bits that pick the slot.
    @inline(__always)
    static func hash(w0: UInt64, w1: UInt64, length: Int, rest: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = (0xCBF2_9CE4_8422_2325 ^ UInt64(length) ^ w0) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash << 31 | hash >> 33) ^ w1
        if let base = rest.baseAddress, !rest.isEmpty {
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= rest.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                hash = hash << 31 | hash >> 33
                offset += 8
            }
            while offset < rest.count {
                hash = (hash ^ UInt64(base[offset])) &* 0x100_0000_01B3
                offset += 1
            }
        }
        return mix(hash &* 0x9E37_79B9_7F4A_7C15)
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
