import BylawSource

/// An application people use: a company app or a consumer chat.
///
/// Its owner, provider and orgs are held strongly: an app kept after its workspace still answers.
public final class App: WorkspaceObject, Sendable {
    /// Positions of the app and its fields.
    public struct Spans: WorkspaceSpans {
        public var object = FieldRange.absent
        public var id = FieldRange.absent
        public var kind = FieldRange.absent
        public var owner = FieldRange.absent
        public var provider = FieldRange.absent
        public var orgs = FieldRange.absent
        public var data = FieldRange.absent
        public var labels = FieldRange.absent
        public init() {}
    }

    public let id: String
    public let kind: AppKind
    /// The owner; nil when the app names none (a policy finding, not a load error).
    public let owner: User?
    public let provider: Provider
    /// The orgs the app is limited to, in the order written; empty when `orgs` is not written.
    public let orgs: [Org]
    /// The classifications the app may receive, in the order written.
    public let data: [DataClassification]
    public let labels: [String: String]
    /// Position in `apps`.
    public let index: Int
    public let file: SourceFile
    public let spans: Spans

    init(
        id: String, kind: AppKind, owner: User?, provider: Provider, orgs: [Org], data: [DataClassification],
        labels: [String: String], index: Int, file: SourceFile, spans: Spans
    ) {
        self.id = id
        self.kind = kind
        self.owner = owner
        self.provider = provider
        self.orgs = orgs
        self.data = data
        self.labels = labels
        self.index = index
        self.file = file
        self.spans = spans
    }
}
