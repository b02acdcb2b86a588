import BylawSource

/// An AI provider connection and who holds its keys.
public final class Provider: WorkspaceObject, Sendable {
    /// Positions of the provider and its fields.
    public struct Spans: WorkspaceSpans {
        public var object = FieldRange.absent
        public var id = FieldRange.absent
        public var vendor = FieldRange.absent
        public var custody = FieldRange.absent
        public var trainingOptOut = FieldRange.absent
        public var labels = FieldRange.absent
        public init() {}
    }

    public let id: String
    /// The vendor as written (`openai`, `together`, `groq`, `xai`, …).
    public let vendor: String
    public let custody: Custody
    /// Whether the provider account opted out of training on our data; false when not written.
    public let trainingOptOut: Bool
    public let labels: [String: String]
    /// Position in `providers`.
    public let index: Int
    public let file: SourceFile
    public let spans: Spans

    init(
        id: String, vendor: String, custody: Custody, trainingOptOut: Bool, labels: [String: String],
        index: Int, file: SourceFile, spans: Spans
    ) {
        self.id = id
        self.vendor = vendor
        self.custody = custody
        self.trainingOptOut = trainingOptOut
        self.labels = labels
        self.index = index
        self.file = file
        self.spans = spans
    }
}
