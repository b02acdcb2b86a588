#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawPolicy

/// Remembers which object the last ids looked up named, per kind of object, so a stream's
/// `workspace.user(event.user)` costs a short hash and one compare of the id's bytes instead
/// of a dictionary lookup (whose hashing of the id is most of a lookup's cost).
///
/// Direct-mapped: each id has one slot per kind, and a new id takes over its slot, so memory
/// is fixed (a few thousand slots) whatever the workspace and the stream. Ids compare by their
/// bytes, as the workspace's own index does (two ids that are canonically equivalent but
/// differently encoded name different objects). Single-threaded, as its graph is.
struct IDLookupMemo {
    static let slotsPerKind = 1024

    // Three parallel arrays rather than an array of slots: the hash is compared first, and
    // reading it does not touch (retain) the id.
    /// The slot's id's hash, with the low bit set; 0 for an empty slot.
    private var hashes: [UInt64] = []
    /// The position of the object the slot's id names; -1 when the workspace has none.
    private var positions: [Int] = []
    private var ids: [String] = []

    /// The position of the `kind` object with this id, from the memo or from `find` (which is
    /// then remembered).
    @inline(__always)
    mutating func position(of id: String, kind: WorkspaceLookupKind, find: (String) -> Int?) -> Int? {
        if hashes.isEmpty { allocate() }
        let hash = Self.hash(id) | 1
        let index = kind.rawValue &* Self.slotsPerKind &+ Int(truncatingIfNeeded: hash >> 32) & (Self.slotsPerKind - 1)
        if hashes[index] == hash, Self.sameBytes(ids[index], id) {
            let position = positions[index]
            return position < 0 ? nil : position
        }
        let position = find(id)
        hashes[index] = hash
        positions[index] = position ?? -1
        ids[index] = id
        return position
    }

    /// Empty until the first lookup: most graphs (a test's, a plan's) never look anything up.
    private mutating func allocate() {
        let count = WorkspaceLookupKind.allCases.count * Self.slotsPerKind
        hashes = Array(repeating: 0, count: count)
        positions = Array(repeating: -1, count: count)
        ids = Array(repeating: "", count: count)
    }

    /// FNV-1a over the bytes, then a multiply so the high bits that pick the slot see them all.
    @inline(__always)
    private static func hash(_ id: String) -> UInt64 {
        let hash = id.utf8.withContiguousStorageIfAvailable { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        } ?? slowHash(id)
        return (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }

    private static func slowHash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    @inline(__always)
    private static func sameBytes(_ stored: String, _ id: String) -> Bool {
        let same = stored.utf8.withContiguousStorageIfAvailable { mine in
            id.utf8.withContiguousStorageIfAvailable { theirs in
                guard mine.count == theirs.count else { return false }
                guard let a = mine.baseAddress, let b = theirs.baseAddress else { return true }
                return memcmp(a, b, mine.count) == 0
            }
        }
        return (same ?? nil) ?? stored.utf8.elementsEqual(id.utf8)
    }
}
