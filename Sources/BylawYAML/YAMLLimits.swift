import BylawSource

/// Bounds on what ``YAMLLoader`` accepts, so hostile input fails fast instead of exhausting
/// memory, time or the stack. Each limit, when crossed, is a diagnostic with its own code
/// (see `docs/yaml.md`).
public struct YAMLLimits: Sendable, Hashable {
    /// Deepest nesting of mappings and sequences (`yaml.too-deep`).
    public var maxDepth: Int
    /// Largest input in bytes (`yaml.too-large`).
    public var maxBytes: Int
    /// Alias expansion budget: an alias may add the nodes of what it refers to, until the nodes
    /// added by all aliases exceed `max(minAliasBudget, aliasBudgetFactor × source nodes so far)`
    /// (`yaml.alias-budget`).
    public var minAliasBudget: Int
    /// See ``minAliasBudget``.
    public var aliasBudgetFactor: Int
    /// Most diagnostics recorded for one file; the rest are counted in a final note.
    public var maxDiagnostics: Int
    /// Whether a file without any document is an error (`yaml.empty-file`).
    public var requireDocument: Bool

    /// Creates limits; the defaults are those of ``default``.
    public init(
        maxDepth: Int = 200,
        maxBytes: Int = SourceFile.defaultMaxBytes,
        minAliasBudget: Int = 10_000,
        aliasBudgetFactor: Int = 10,
        maxDiagnostics: Int = 1_000,
        requireDocument: Bool = true
    ) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
        self.minAliasBudget = minAliasBudget
        self.aliasBudgetFactor = aliasBudgetFactor
        self.maxDiagnostics = maxDiagnostics
        self.requireDocument = requireDocument
    }

    /// Depth 200, 64 MiB, alias budget max(10,000, 10 × source nodes), 1,000 diagnostics,
    /// and a file must hold a document.
    public static let `default` = YAMLLimits()
}

/// What ``YAMLLoader/load(_:limits:)`` returns: every document it could compose, and every
/// problem it found. Documents after a fatal error (a syntax error, a crossed limit) are absent;
/// non-fatal errors (duplicate keys, bad tagged values) leave the document in place.
public struct YAMLLoadResult: Sendable {
    /// The documents of the stream, in order (`---` separates them).
    public var documents: [YAMLNode]
    /// Problems, in the order found.
    public var diagnostics: [Diagnostic]
    /// The sequences whose items went to a ``YAMLItemStream`` rather than into the document:
    /// each holds only the items that stayed (see ``YAMLItemStream``).
    public var streamed: [YAMLNode]

    /// Creates a result.
    public init(documents: [YAMLNode], diagnostics: [Diagnostic], streamed: [YAMLNode] = []) {
        self.documents = documents
        self.diagnostics = diagnostics
        self.streamed = streamed
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
