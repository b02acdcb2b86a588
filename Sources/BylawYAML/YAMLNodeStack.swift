/// The children of the open collections, innermost last: a manually managed buffer so that
/// closing a collection *moves* its children into their final array (no copy, no retain and
/// release per node), which is most of the composer's work on a large file.
final class YAMLNodeStack {
    private var base: UnsafeMutablePointer<YAMLNode>
    /// Beside each node, a fingerprint of it as a mapping key (see ``YAMLKeyPrint``), so that
    /// looking for a duplicate key compares integers instead of copying nodes.
    private var prints: UnsafeMutablePointer<YAMLKeyPrint>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
        prints = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
        prints.deallocate()
    }

    /// The key fingerprint stored with the node at `index`.
    func print(at index: Int) -> YAMLKeyPrint {
        precondition(index >= 0 && index < count, "node stack index out of range")
        return prints[index]
    }

    subscript(index: Int) -> YAMLNode {
        precondition(index >= 0 && index < count, "node stack index out of range")
        return base[index]
    }

    func append(_ node: YAMLNode, print: YAMLKeyPrint = .none) {
        if count == capacity {
            let grown = UnsafeMutablePointer<YAMLNode>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            let grownPrints = UnsafeMutablePointer<YAMLKeyPrint>.allocate(capacity: capacity * 2)
            grownPrints.moveInitialize(from: prints, count: count)
            prints.deallocate()
            prints = grownPrints
            capacity *= 2
        }
        (base + count).initialize(to: node)
        (prints + count).initialize(to: print)
        count += 1
    }

    /// Moves the nodes from `start` to the top into a new array, leaving `start` as the top.
    func popItems(from start: Int) -> [YAMLNode] {
        let moved = count - start
        guard moved > 0 else { return [] }
        let source = base + start
        count = start
        return [YAMLNode](unsafeUninitializedCapacity: moved) { buffer, initialized in
            if let target = buffer.baseAddress { target.moveInitialize(from: source, count: moved) }
            initialized = moved
        }
    }

    /// Moves alternating keys and values from `start` to the top into pairs, leaving `start` as
    /// the top. A key without a value (never produced by libyaml) is dropped.
    func popPairs(from start: Int) -> [YAMLPair] {
        let pairCount = (count - start) / 2
        let source = base + start
        if (count - start) % 2 == 1 { (source + 2 * pairCount).deinitialize(count: 1) }
        count = start
        guard pairCount > 0 else { return [] }
        return [YAMLPair](unsafeUninitializedCapacity: pairCount) { buffer, initialized in
            if let target = buffer.baseAddress {
                for index in 0..<pairCount {
                    (target + index).initialize(to: YAMLPair(key: (source + 2 * index).move(), value: (source + 2 * index + 1).move()))
                }
            }
            initialized = pairCount
        }
    }
}
