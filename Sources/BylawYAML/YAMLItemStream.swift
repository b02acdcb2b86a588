/// Hands the items of one large sequence to a consumer as they are composed, instead of
/// keeping them in the document: a workspace's `users:` list of a million mappings is read
/// one user at a time, and the file's node storage never holds them all.
///
/// The sequence is the value of the top-level key ``key`` of the file's first document (when
/// that document is a mapping and the value a sequence without an anchor). Each item reaches
/// ``consume`` once it is complete, checked like any other node (duplicate keys, limits,
/// aliases); then its nodes are dropped, unless an anchor was defined inside it, in which case
/// it stays in the document, where a later alias can find it. The sequence itself stays in
/// the document with the items that stayed, and ``YAMLLoadResult/streamed`` names it.
///
/// Whatever the consumer learns is provisional: the load's own diagnostics decide whether the
/// file is sound, and an error anywhere in it (even after the sequence) makes what was streamed
/// meaningless.
public struct YAMLItemStream {
    /// The top-level key whose sequence is streamed.
    public let key: String
    /// Receives each item. The node is valid only during the call: its storage is reused
    /// for the next item, so nothing read from it may refer back to it (copy what you keep).
    public let consume: (YAMLNode) -> Void

    /// Streams the items of the sequence under the top-level key `key` to `consume`.
    public init(key: String, consume: @escaping (YAMLNode) -> Void) {
        self.key = key
        self.consume = consume
    }
}

extension YAMLComposer {
    /// Where the streamed sequence's items start in the arena, and what they must not have
    /// done to be dropped.
    struct StreamState {
        /// The streamed key's bytes.
        let key: [UInt8]
        /// Whether the sequence has been found (only the first match is streamed).
        var found = false
        /// The arena's size before the current item.
        var mark = YAMLDocumentBuilder.Mark()
        /// ``YAMLComposer/anchorsDefined`` before the current item.
        var anchorsAtMark = 0
    }

    /// Whether a sequence opening now, with or without an anchor, is the one to stream: the
    /// value of the streamed key in the first document's top-level mapping.
    func opensStreamedSequence(hasAnchor: Bool) -> Bool {
        guard let state = streaming, !state.found, !hasAnchor, depth == 1, top.isMapping, top.expectingValue,
            !top.dropValue, documents.isEmpty, let key = pending.last
        else { return false }
        let record = builder.records[Int(key.node)]
        guard record.kind == .scalar, record.valueKind != .null else { return false }
        return builder.withText(record) { text in text.elementsEqual(state.key) }
    }

    /// Starts streaming the items of the sequence just appended at `node`.
    mutating func startStream(at node: Int) {
        streaming?.found = true
        streamedSequence = node
        streaming?.mark = builder.mark
        streaming?.anchorsAtMark = anchorsDefined
    }

    /// Hands a complete item of the streamed sequence to the consumer, then drops its nodes or,
    /// when it defined an anchor, keeps it as an item of the sequence.
    @inline(never)
    mutating func streamItem(_ node: Int) {
        guard let consume = streamConsumer, let mark = streaming?.mark else { return }
        consume(YAMLNode(storage: builder.build(), index: node))
        if anchorsDefined == streaming?.anchorsAtMark {
            builder.truncate(to: mark)
        } else {
            pending.append(Pending(node: UInt32(truncatingIfNeeded: node), print: .none))
            streaming?.mark = builder.mark
            streaming?.anchorsAtMark = anchorsDefined
        }
    }

    /// Stops streaming once the streamed sequence closes.
    mutating func endStream(at node: Int) {
        streamedSequence = -1
        streamedSequences.append(node)
    }
}
