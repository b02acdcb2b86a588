internal import CLibYAML
import BylawSource

/// Builds the node storage of a file from libyaml's events, iteratively (an explicit stack of
/// open collections, never recursion), enforcing ``YAMLLimits`` as it goes.
///
/// Nodes go straight into the arena (``YAMLDocumentBuilder``): a collection's record is
/// appended when it opens and completed when it closes; its children's indices wait on the
/// `pending` stack meanwhile and are then copied, as one run, to the shared children buffer.
struct YAMLComposer {
    /// A mapping or sequence whose end event has not come yet. Its children wait on the
    /// composer's shared `pending` stack, from `childStart`, until it closes.
    ///
    /// Plain data, no references: frames are copied as each collection opens and closes, and a
    /// copy then costs no reference counting. What is rare and needs storage (an anchor's name,
    /// a large mapping's key index) waits in the composer's `openAnchors` and `keyIndexes`.
    struct Frame {
        /// Its record in the arena.
        let node: Int
        let isMapping: Bool
        let isFlow: Bool
        let start: Int
        let childStart: Int
        /// Its anchor's name is in `openAnchors`.
        let hasAnchor: Bool
        var end: Int
        /// A mapping has its key and waits for the value.
        var expectingValue = false
        /// The pending key duplicates an earlier one: it and its value are dropped.
        var dropValue = false
        /// Nodes this collection stands for once aliases are expanded, itself included.
        var expanded = 1
        /// It outgrew a linear scan for duplicate keys: its keys are in `keyIndexes`.
        var isIndexed = false
        /// The bits of its keys' ``YAMLKeyPrint/filterBits``.
        var keyFilter: UInt64 = 0

        /// What `top` holds while no collection is open.
        static let none = Frame(node: -1, isMapping: false, isFlow: false, start: 0, childStart: 0, hasAnchor: false, end: 0)
    }

    /// A node an anchor names, with the number of nodes it stands for.
    struct Anchored {
        let node: Int
        let expanded: Int
    }

    /// A child of an open collection, with its fingerprint as a mapping key (see
    /// ``YAMLKeyPrint``), so that looking for a duplicate key compares integers first.
    struct Pending {
        let node: UInt32
        let print: YAMLKeyPrint
    }

    let file: SourceFile
    let limits: YAMLLimits
    var marks: MarkConverter
    var diagnostics: [Diagnostic] = []
    var suppressedDiagnostics = 0
    var builder: YAMLDocumentBuilder
    /// The root node of each complete document.
    var documents: [Int] = []
    /// The innermost open collection, when `depth > 0`. Every node is attached to it, so it
    /// lives in a field of its own rather than at the end of an array: no uniqueness check or
    /// bounds check per node.
    var top = Frame.none
    /// The open collections around `top`, outermost first.
    var outer = YAMLArenaBuffer<Frame>(capacity: 64)
    /// How many collections are open: `top` and `outer`.
    var depth = 0
    /// Children of the open collections, innermost last (a mapping's keys and values alternate).
    var pending = YAMLArenaBuffer<Pending>(capacity: 256)
    var root: Int?
    var anchors: [String: Anchored] = [:]
    /// The anchor names of open collections, by their arena index.
    var openAnchors: [Int: String] = [:]
    /// Key → pair position of each open mapping past ``linearKeyScanLimit`` pairs, by its
    /// arena index.
    var keyIndexes: [Int: [YAMLKeyIdentity: Int]] = [:]
    var sourceNodes = 0
    var aliasNodes = 0
    /// Anchors defined so far (a streamed item that defines one is kept).
    var anchorsDefined = 0
    var stopped = false
    /// The sequence whose items go to a consumer, if the load asked for one.
    var streaming: YAMLComposer.StreamState?
    /// Where streamed items go (kept apart from `streaming`, which is copied on access).
    var streamConsumer: ((YAMLNode) -> Void)?
    /// The arena index of the sequence being streamed while it is open, else -1: compared
    /// on every node attached, so a plain integer.
    var streamedSequence = -1
    /// The sequences whose items were streamed, by arena index.
    var streamedSequences: [Int] = []
    /// The simple items read without libyaml, if any (see ``Splice``).
    var splice: Splice?
    /// While the splice is pending, libyaml's character index where the skipped lines were;
    /// else past every mark. Compared with every event's start.
    var spliceCheck = Int.max

    init(file: SourceFile, limits: YAMLLimits, marks: MarkConverter, streaming: YAMLItemStream? = nil, splice: Splice? = nil) {
        self.file = file
        self.limits = limits
        self.marks = marks
        if let splice {
            self.splice = splice
            spliceCheck = splice.resumeIndex
            self.marks.skippedFrom = splice.resumeIndex
            self.marks.skippedLength = splice.skipped.count
        }
        self.builder = YAMLDocumentBuilder(source: file.bytes)
        self.streaming = streaming.map { StreamState(key: Array($0.key.utf8)) }
        self.streamConsumer = streaming?.consume
    }

    /// The documents composed, as nodes sharing one storage, and the sequences whose items
    /// were streamed.
    func documentNodes() -> (documents: [YAMLNode], streamed: [YAMLNode]) {
        guard !documents.isEmpty else { return ([], []) }
        let storage = builder.build()
        return (documents.map { YAMLNode(storage: storage, index: $0) }, streamedSequences.map { YAMLNode(storage: storage, index: $0) })
    }

    /// Reads events until the stream ends, a syntax error, or a crossed limit.
    mutating func run(_ parser: LibYAMLParser) {
        while !stopped {
            guard parser.next() else {
                if spliceCheck != .max {
                    abandonSplice()
                    return
                }
                report(syntaxError(parser))
                // A stop even when the cap on diagnostics drops the error: the loader then looks
                // for the control character libyaml may have refused.
                stopped = true
                return
            }
            let event = parser.event
            if Int(event.pointee.start_mark.index) >= spliceCheck {
                reachSplice(event)
                continue
            }
            switch event.pointee.type {
            case YAML_SCALAR_EVENT: scalar(event)
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT: open(event)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT: close(event)
            case YAML_ALIAS_EVENT: alias(event)
            case YAML_DOCUMENT_START_EVENT:
                root = nil
                // Anchors are scoped to their document.
                if !anchors.isEmpty { anchors.removeAll(keepingCapacity: true) }
            case YAML_DOCUMENT_END_EVENT:
                if let root { documents.append(root) }
                root = nil
            case YAML_STREAM_END_EVENT: return
            default: break
            }
        }
    }

    // MARK: Collections

    private mutating func open(_ event: UnsafeMutablePointer<yaml_event_t>) {
        let isMapping = event.pointee.type == YAML_MAPPING_START_EVENT
        let start = marks.offset(of: event.pointee.start_mark)
        let anchorPointer: UnsafeMutablePointer<yaml_char_t>?
        let tagPointer: UnsafeMutablePointer<yaml_char_t>?
        let isFlow: Bool
        if isMapping {
            let data = event.pointee.data.mapping_start
            (anchorPointer, tagPointer) = (data.anchor, data.implicit == 0 ? data.tag : nil)
            isFlow = data.style == YAML_FLOW_MAPPING_STYLE
        } else {
            let data = event.pointee.data.sequence_start
            (anchorPointer, tagPointer) = (data.anchor, data.implicit == 0 ? data.tag : nil)
            isFlow = data.style == YAML_FLOW_SEQUENCE_STYLE
        }
        openCollection(isMapping: isMapping, isFlow: isFlow, start: start, anchor: anchorPointer, tag: tagPointer)
    }

    /// Opens a mapping or sequence starting at `start`: what a start event does, also for the
    /// items read without libyaml (see ``YAMLSimpleItemScanner``).
    mutating func openCollection(
        isMapping: Bool, isFlow: Bool, start: Int,
        anchor anchorPointer: UnsafeMutablePointer<yaml_char_t>? = nil, tag tagPointer: UnsafeMutablePointer<yaml_char_t>? = nil
    ) {
        sourceNodes += 1
        guard depth < limits.maxDepth else {
            reportTooDeep(at: start)
            return
        }
        let tagIndex = tagPointer.map { collectionTag($0, isMapping: isMapping, at: start) } ?? 0
        let node = builder.append(
            .collection(isMapping ? .mapping : .sequence, start: start, tag: 0), tag: tagIndex,
            contentStart: UInt32(clamping: start), indentation: .max)
        if let anchorPointer { openAnchors[node] = Self.anchorName(anchorPointer) }
        let streams = !isMapping && streaming != nil && opensStreamedSequence(hasAnchor: anchorPointer != nil)
        if depth > 0 { outer.append(top) }
        top = Frame(
            node: node, isMapping: isMapping, isFlow: isFlow, start: start, childStart: pending.count,
            hasAnchor: anchorPointer != nil, end: start)
        depth += 1
        if streams { startStream(at: node) }
    }

    /// Reports nesting past ``YAMLLimits/maxDepth`` and stops the composer.
    @inline(never)
    private mutating func reportTooDeep(at start: Int) {
        report(.error(
            .yamlTooDeep, "nesting is deeper than the limit of \(limits.maxDepth) levels",
            in: file, at: SourceRange(start: start, end: min(start + 1, file.bytes.count)),
            hint: "flatten the structure; no Bylaw file needs this much nesting"))
        stopped = true
    }

    /// The tag index of a mapping's or sequence's explicit tag; a scalar type's tag there is
    /// reported.
    @inline(never)
    private mutating func collectionTag(_ pointer: UnsafeMutablePointer<yaml_char_t>, isMapping: Bool, at start: Int) -> UInt32 {
        let tag = Self.shortTag(pointer)
        if Self.scalarTags.contains(tag) {
            report(.error(
                .yamlBadTag, "the tag \(tag) cannot be used on a \(isMapping ? "mapping" : "sequence")",
                in: file, at: SourceRange(start: start, end: start + 1)))
        }
        return builder.tag(tag)
    }

    @inline(never)
    static func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }

    private mutating func close(_ event: UnsafeMutablePointer<yaml_event_t>) {
        guard depth > 0 else { return }
        closeCollection(flowEnd: top.isFlow ? marks.offset(of: event.pointee.end_mark) : 0)
    }

    /// Closes the innermost open collection; `flowEnd` is where a flow collection ends.
    mutating func closeCollection(flowEnd: Int) {
        guard depth > 0 else { return }
        let frame = top
        depth -= 1
        top = outer.popLast() ?? .none
        // A block collection's end event sits at the next token, often lines later; its last
        // child's end is where it really ends.
        let end = frame.isFlow ? flowEnd : frame.end
        var childCount = pending.count - frame.childStart
        // A key without a value (never produced by libyaml) is dropped.
        if frame.isMapping, childCount % 2 == 1 { childCount -= 1 }
        let first = builder.children.count
        builder.appendChildren(pending, from: frame.childStart, count: childCount)
        pending.removeLast(pending.count - frame.childStart)
        builder.records[frame.node].end = UInt32(clamping: end)
        builder.records[frame.node].first = UInt32(clamping: first)
        builder.records[frame.node].count = UInt32(clamping: childCount)
        if frame.isIndexed { keyIndexes[frame.node] = nil }
        if frame.node == streamedSequence { endStream(at: frame.node) }
        add(frame.node, expanded: frame.expanded, anchor: frame.hasAnchor ? openAnchors.removeValue(forKey: frame.node) : nil)
    }

    // MARK: Aliases

    private mutating func alias(_ event: UnsafeMutablePointer<yaml_event_t>) {
        let start = marks.offset(of: event.pointee.start_mark)
        let end = marks.offset(of: event.pointee.end_mark)
        let range = SourceRange(start: start, end: end)
        sourceNodes += 1
        let name = event.pointee.data.alias.anchor.map { String(cString: $0) } ?? ""
        guard let anchored = anchors[name] else {
            let inside = openAnchors.values.contains(name)
            report(.error(
                .yamlUndefinedAlias,
                inside ? "alias '*\(name)' refers to a node that contains it" : "alias '*\(name)' refers to no anchor '&\(name)' before it",
                in: file, at: range,
                hint: inside ? "a node cannot include itself" : "define the anchor before using it, in the same document"))
            let node = builder.appendScalar(
                UnsafeBufferPointer(start: nil, count: 0), style: .plain, value: .null, range: range,
                contentStart: start, indentation: nil, tag: 0)
            add(node, expanded: 1, anchor: nil)
            return
        }
        aliasNodes = Self.saturatingAdd(aliasNodes, anchored.expanded)
        let budget = max(limits.minAliasBudget, Self.saturatingMultiply(limits.aliasBudgetFactor, sourceNodes))
        if aliasNodes > budget {
            report(.error(
                .yamlAliasBudget,
                "alias '*\(name)' expands the document past \(budget) nodes",
                in: file, at: range,
                hint: "aliases may add at most max(\(limits.minAliasBudget), \(limits.aliasBudgetFactor) × the nodes written); is this an alias bomb?"))
            stopped = true
            return
        }
        // The alias node points at the alias; what it contains keeps the anchored ranges.
        // Sharing is free in the arena: the copy's children are the anchored node's children.
        let copy = builder.appendCopy(of: anchored.node, start: start, end: end)
        add(copy, expanded: anchored.expanded, anchor: nil)
    }

    // MARK: Adding nodes

    /// Attaches the node at `node` (already in the arena) to the innermost open collection, or
    /// makes it the document's root.
    mutating func add(_ node: Int, expanded: Int, anchor: String?) {
        if let anchor {
            anchors[anchor] = Anchored(node: node, expanded: expanded)
            anchorsDefined += 1
        }
        attach(node, end: Int(builder.records[node].end), expanded: expanded)
    }

    /// ``add(_:expanded:anchor:)`` without an anchor, for a node ending at `end`: the path of
    /// most nodes, inlined where they are made.
    @inline(__always)
    mutating func attach(_ node: Int, end: Int, expanded: Int) {
        guard depth > 0 else {
            root = node
            return
        }
        top.expanded = Self.saturatingAdd(top.expanded, expanded)
        top.end = end
        if top.node == streamedSequence {
            streamItem(node)
            return
        }
        // One append at the end, not one per case: this is inlined where every node is made.
        var print = YAMLKeyPrint.none
        var kept = true
        if top.isMapping {
            if top.expectingValue {
                // A value; dropped with its key when the key was a duplicate.
                top.expectingValue = false
                kept = !top.dropValue
                top.dropValue = false
            } else {
                top.expectingValue = true
                let (duplicate, keyPrint) = checkDuplicate(key: node)
                top.dropValue = duplicate
                kept = !duplicate
                print = keyPrint
            }
        }
        if kept { pending.append(Pending(node: UInt32(truncatingIfNeeded: node), print: print)) }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        if diagnostics.count < limits.maxDiagnostics {
            diagnostics.append(diagnostic)
        } else {
            suppressedDiagnostics += 1
        }
    }

    static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    static func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}
