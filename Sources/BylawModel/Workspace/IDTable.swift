#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ids interned once: every distinct id's bytes in one buffer, a dense integer handle per id,
/// and an open-addressing hash table from bytes to handle.
///
/// A workspace with a million users would otherwise hold a million `String`s and a dictionary
/// of them: here an id costs its bytes, one offset and two table slots, and the model refers
/// to it by handle. Ids compare by their UTF-8 bytes, as ``ObjectID`` does (two ids that
/// differ in their bytes are two ids, whatever Unicode says).
struct IDTable: Sendable {
    /// A handle no id has.
    static let none = UInt32.max

    /// The bytes of every id, one after the other.
    private var bytes: [UInt8] = []
    /// Where each id's bytes start in `bytes`; the next id's start is its end.
    private var starts: [UInt32] = [0]
    /// Handle + 1 per slot, 0 for an empty slot; the count is a power of two.
    private var slots = [UInt32](repeating: 0, count: 16)

    init() {}

    /// Room for `count` ids' offsets (the hash table grows as ids come: its memory is written
    /// when made, and `count` may be only an upper bound).
    mutating func reserve(ids count: Int) {
        starts.reserveCapacity(count + 1)
    }

    /// The number of distinct ids.
    var count: Int { starts.count - 1 }

    /// The handle of `id`, added if new, and whether it was new.
    mutating func intern(_ id: UnsafeBufferPointer<UInt8>) -> (handle: UInt32, isNew: Bool) {
        let hash = Self.hash(id)
        if let found = find(id, hash: hash) { return (found, false) }
        let handle = UInt32(count)
        bytes.append(contentsOf: id)
        starts.append(UInt32(truncatingIfNeeded: bytes.count))
        if count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { insert(handle, hash: hash) }
        return (handle, true)
    }

    /// The handle of `id`, added if new.
    mutating func intern(_ id: String) -> UInt32 {
        var id = id
        return id.withUTF8 { intern($0).handle }
    }

    /// The handle of `id`, or nil when it was never interned.
    func handle(of id: UnsafeBufferPointer<UInt8>) -> UInt32? {
        find(id, hash: Self.hash(id))
    }

    /// The handle of `id`, or nil when it was never interned.
    func handle(of id: String) -> UInt32? {
        var id = id
        return id.withUTF8 { handle(of: $0) }
    }

    /// The id a handle stands for.
    func string(_ handle: UInt32) -> String {
        let (start, end) = (Int(starts[Int(handle)]), Int(starts[Int(handle) + 1]))
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Every id, in the order first interned.
    var strings: [String] { (0..<count).map { string(UInt32($0)) } }

    private func find(_ id: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return nil }
                        let handle = Int(entry - 1)
                        let start = Int(starts[handle])
                        if Int(starts[handle + 1]) - start == id.count, Self.equal(bytes.baseAddress.map { $0 + start }, id) {
                            return UInt32(handle)
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether the `id.count` bytes at `stored` are `id`'s.
    private static func equal(_ stored: UnsafePointer<UInt8>?, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let stored, let wanted = id.baseAddress else { return id.isEmpty }
        return memcmp(stored, wanted, id.count) == 0
    }

    private mutating func insert(_ handle: UInt32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        slots.withUnsafeMutableBufferPointer { slots in
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = handle + 1
        }
    }

    private mutating func rehash(capacity: Int) {
        slots = [UInt32](repeating: 0, count: capacity)
        for handle in 0..<count {
            let (start, end) = (Int(starts[handle]), Int(starts[handle + 1]))
            let hash = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) }
            insert(UInt32(handle), hash: hash)
        }
    }

    /// A hash of the bytes read eight at a time (ids are short; the tail is one more word,
    /// zero-padded), with the length mixed in and a final mix so that the table's low bits
    /// depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ hash >> 33
    }
}
