#if canImport(Glibc)
import Glibc
#endif

/// A growable buffer of plain values for the node arena: appends write straight to memory.
///
/// The composer appends millions of records and child indices (and pushes and pops as many
/// pending children). An `Array` held in a struct
/// checks on every append that its storage is not shared (a call into the runtime) before
/// writing; here there is nothing to check: one builder appends, and the storage that receives
/// the buffer only reads. The memory belongs to a class instance that frees it once, whoever
/// holds the last copy of the buffer.
///
/// Only the builder may append or write, and only to its own copy: copies share the memory.
struct YAMLArenaBuffer<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// Frees the block when the last buffer that refers to it goes.
    private final class Block {
        var base: UnsafeMutablePointer<Element>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    private var block: Block
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    private let hugePages: Bool

    /// An empty buffer with room for `capacity` elements. Past a few megabytes, the memory is
    /// advised onto 2 MiB pages where Linux has transparent huge pages in `madvise` mode: a large
    /// file's records are tens of megabytes written once to fresh memory, and with 4 KiB pages
    /// that is a page fault per 4 KiB. Without `hugePages`, never: for memory reserved large
    /// and written only in part, where the kernel's work to find 2 MiB pages is not repaid.
    init(capacity: Int = 16, hugePages: Bool = true) {
        self.capacity = Swift.max(capacity, 16)
        self.hugePages = hugePages
        block = Block(capacity: self.capacity)
        base = block.base
        if hugePages { Self.adviseHugePages(base, count: self.capacity) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "index out of range")
            base[index] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: capacity * 2) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Drops the last `k` elements (the buffer also serves as a stack).
    mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "cannot remove more elements than there are")
        count -= k
    }

    mutating func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Appends a run of elements with one copy.
    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(to: Swift.max(capacity * 2, count + elements.count)) }
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    /// Removes and returns the last element (the buffer also serves as a stack).
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }

    mutating func reserveCapacity(_ minimum: Int) {
        if minimum > capacity { grow(to: minimum) }
    }

    /// Calls `body` with the elements as one buffer.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(block) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    @inline(never)
    private mutating func grow(to newCapacity: Int) {
        let bigger = Block(capacity: newCapacity)
        bigger.base.initialize(from: base, count: count)
        if hugePages { Self.adviseHugePages(bigger.base, count: newCapacity) }
        block = bigger
        base = bigger.base
        capacity = newCapacity
    }

    private static func adviseHugePages(_ base: UnsafeMutablePointer<Element>, count: Int) {
        #if os(Linux)
        let bytes = count * MemoryLayout<Element>.stride
        guard bytes >= 8 << 20 else { return }
        let page = 4096
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(page - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        #endif
    }
}
