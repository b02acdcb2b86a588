/// What a few nodes need beyond their ``YAMLNodeRecord``: a block scalar's content start and
/// indentation, a content start that cannot be derived, a tag index past 16 bits.
///
/// Entries are appended in node order (nodes are only ever appended to an arena), so the list
/// stays sorted and a lookup is a binary search; most files have few entries.
struct YAMLNodeExtras: Sendable {
    struct Entry: Sendable {
        let node: UInt32
        let contentStart: UInt32
        /// `UInt16.max` for none.
        let indentation: UInt16
        /// Index into `tags` plus one; zero for none.
        let tag: UInt32
    }

    private(set) var entries: [Entry] = []

    mutating func append(_ entry: Entry) {
        entries.append(entry)
    }

    /// Drops the entries of nodes `node` and later (nodes dropped from the arena's end).
    mutating func removeEntries(fromNode node: Int) {
        while let last = entries.last, Int(last.node) >= node { entries.removeLast() }
    }

    /// The entry of `node`, if it has one.
    func entry(_ node: Int) -> Entry? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if Int(entries[middle].node) < node { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && Int(entries[low].node) == node ? entries[low] : nil
    }

    /// The tag index (plus one; zero for none) of `record`, the node at `node`.
    func tag(of record: YAMLNodeRecord, at node: Int) -> UInt32 {
        guard record.shortTag == YAMLNodeRecord.wideTag else { return UInt32(record.shortTag) }
        return entry(node)?.tag ?? 0
    }

    /// Where the content of the scalar `record`, the node at `node`, starts in the source.
    func contentStart(of record: YAMLNodeRecord, at node: Int) -> Int {
        if record.hasExtra, let entry = entry(node) { return Int(entry.contentStart) }
        return Int(record.derivedContentStart)
    }

    /// The block indentation of the scalar `record`, the node at `node`, if it has one.
    func indentation(of record: YAMLNodeRecord, at node: Int) -> UInt16 {
        guard record.hasExtra, let entry = entry(node) else { return .max }
        return entry.indentation
    }
}
