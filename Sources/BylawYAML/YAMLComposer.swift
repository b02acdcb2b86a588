internal import CLibYAML
import BylawSource

/// Builds ``YAMLNode`` trees from libyaml's events, iteratively (an explicit stack of open
/// collections, never recursion), enforcing ``YAMLLimits`` as it goes.
struct YAMLComposer {
    /// A mapping or sequence whose end event has not come yet. Its children wait on the
    /// composer's shared `pending` stack, from `childStart`, until it closes: then they are
    /// copied once into an array of exactly the right size.
    struct Frame {
        let isMapping: Bool
        let isFlow: Bool
        let start: Int
        let childStart: Int
        let tag: YAMLTagName?
        let anchor: String?
        var end: Int
        /// A mapping has its key and waits for the value.
        var expectingValue = false
        /// The pending key duplicates an earlier one: it and its value are dropped.
        var dropValue = false
        /// Nodes this collection stands for once aliases are expanded, itself included.
        var expanded = 1
        /// Key → pair position, built once a mapping outgrows a linear scan (`isIndexed`).
        var keyIndex: [YAMLKeyIdentity: Int] = [:]
        var isIndexed = false
    }

    /// A node an anchor names, with the number of nodes it stands for.
    struct Anchored {
        let node: YAMLNode
        let expanded: Int
    }

    let file: SourceFile
    let limits: YAMLLimits
    var marks: MarkConverter
    var diagnostics: [Diagnostic] = []
    var suppressedDiagnostics = 0
    var documents: [YAMLNode] = []
    var stack: [Frame] = []
    /// Children of the open collections, innermost last (a mapping's keys and values alternate).
    let pending = YAMLNodeStack()
    var root: YAMLNode?
    var anchors: [String: Anchored] = [:]
    /// One shared name per distinct tag.
    var tagNames: [String: YAMLTagName] = [:]
    var sourceNodes = 0
    var aliasNodes = 0
    var stopped = false

    init(file: SourceFile, limits: YAMLLimits, marks: MarkConverter) {
        self.file = file
        self.limits = limits
        self.marks = marks
    }

    /// Reads events until the stream ends, a syntax error, or a crossed limit.
    mutating func run(_ parser: LibYAMLParser) {
        while !stopped {
            guard parser.next() else {
                report(syntaxError(parser))
                return
            }
            let event = parser.event
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
        sourceNodes += 1
        if stack.count >= limits.maxDepth {
            report(.error(
                "yaml.too-deep", "nesting is deeper than the limit of \(limits.maxDepth) levels",
                in: file, at: SourceRange(start: start, end: min(start + 1, file.bytes.count)),
                hint: "flatten the structure; no Bylaw file needs this much nesting"))
            stopped = true
            return
        }
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
        let tag = tagPointer.map(Self.shortTag)
        if let tag, Self.scalarTags.contains(tag) {
            report(.error(
                "yaml.bad-tag", "the tag \(tag) cannot be used on a \(isMapping ? "mapping" : "sequence")",
                in: file, at: SourceRange(start: start, end: start + 1)))
        }
        let shared = tag.map { tagName($0) }
        stack.append(Frame(
            isMapping: isMapping, isFlow: isFlow, start: start, childStart: pending.count, tag: shared,
            anchor: anchorPointer.map { String(cString: $0) }, end: start))
    }

    private mutating func close(_ event: UnsafeMutablePointer<yaml_event_t>) {
        guard let frame = stack.popLast() else { return }
        // A block collection's end event sits at the next token, often lines later; its last
        // child's end is where it really ends.
        let end = frame.isFlow ? marks.offset(of: event.pointee.end_mark) : frame.end
        let range = SourceRange(start: frame.start, end: end)
        let kind: YAMLNode.Kind = frame.isMapping
            ? .mapping(pending.popPairs(from: frame.childStart))
            : .sequence(pending.popItems(from: frame.childStart))
        let node = YAMLNode(kind: kind, range: range, tagName: frame.tag)
        add(node, expanded: frame.expanded, anchor: frame.anchor)
    }

    // MARK: Aliases

    private mutating func alias(_ event: UnsafeMutablePointer<yaml_event_t>) {
        let start = marks.offset(of: event.pointee.start_mark)
        let end = marks.offset(of: event.pointee.end_mark)
        let range = SourceRange(start: start, end: end)
        sourceNodes += 1
        let name = event.pointee.data.alias.anchor.map { String(cString: $0) } ?? ""
        guard let anchored = anchors[name] else {
            let inside = stack.contains { $0.anchor == name }
            report(.error(
                "yaml.undefined-alias",
                inside ? "alias '*\(name)' refers to a node that contains it" : "alias '*\(name)' refers to no anchor '&\(name)' before it",
                in: file, at: range,
                hint: inside ? "a node cannot include itself" : "define the anchor before using it, in the same document"))
            add(YAMLNode(kind: .scalar(YAMLScalar(text: "", style: .plain, value: .null, contentStart: start)), range: range), expanded: 1, anchor: nil)
            return
        }
        aliasNodes = Self.saturatingAdd(aliasNodes, anchored.expanded)
        let budget = max(limits.minAliasBudget, Self.saturatingMultiply(limits.aliasBudgetFactor, sourceNodes))
        if aliasNodes > budget {
            report(.error(
                "yaml.alias-budget",
                "alias '*\(name)' expands the document past \(budget) nodes",
                in: file, at: range,
                hint: "aliases may add at most max(\(limits.minAliasBudget), \(limits.aliasBudgetFactor) × the nodes written); is this an alias bomb?"))
            stopped = true
            return
        }
        // The alias node points at the alias; what it contains keeps the anchored ranges.
        add(YAMLNode(kind: anchored.node.kind, range: range, tagName: anchored.node.tagName), expanded: anchored.expanded, anchor: nil)
    }

    // MARK: Adding nodes

    mutating func add(_ node: YAMLNode, expanded: Int, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(node: node, expanded: expanded) }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].expanded = Self.saturatingAdd(stack[top].expanded, expanded)
        stack[top].end = node.range.end
        guard stack[top].isMapping else {
            pending.append(node)
            return
        }
        if stack[top].expectingValue {
            stack[top].expectingValue = false
            if stack[top].dropValue {
                stack[top].dropValue = false
            } else {
                pending.append(node)
            }
        } else {
            stack[top].expectingValue = true
            let (duplicate, print) = checkDuplicate(key: node, frame: top)
            stack[top].dropValue = duplicate
            if !duplicate { pending.append(node, print: print) }
        }
    }

    mutating func tagName(_ tag: String) -> YAMLTagName {
        if let shared = tagNames[tag] { return shared }
        let name = YAMLTagName(tag)
        tagNames[tag] = name
        return name
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
