import BylawSource

/// A person of the workspace, member of one org (held strongly: a user kept after its
/// workspace still knows its org). The apps it owns: ``Workspace/apps(ownedBy:)``.
public final class User: WorkspaceObject, Sendable {
    /// Positions of the user and its fields.
    public struct Spans: WorkspaceSpans {
        public var object = FieldRange.absent
        public var id = FieldRange.absent
        public var email = FieldRange.absent
        public var org = FieldRange.absent
        public var status = FieldRange.absent
        public var offboardedOn = FieldRange.absent
        public var labels = FieldRange.absent
        public init() {}
    }

    public let id: String
    /// `""` when not written.
    public let email: String
    public let org: Org
    /// `active` when not written.
    public let status: UserStatus
    /// The `YYYY-MM-DD` date written as `offboarded_on`, if any (whatever the status says:
    /// policies compare the two).
    public let offboardedOn: String?
    public let labels: [String: String]
    /// Position in `users`.
    public let index: Int
    public let file: SourceFile
    public let spans: Spans

    init(
        id: String, email: String, org: Org, status: UserStatus, offboardedOn: String?, labels: [String: String],
        index: Int, file: SourceFile, spans: Spans
    ) {
        self.id = id
        self.email = email
        self.org = org
        self.status = status
        self.offboardedOn = offboardedOn
        self.labels = labels
        self.index = index
        self.file = file
        self.spans = spans
    }
}
