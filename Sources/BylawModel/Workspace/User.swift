import BylawSource

/// A person of the workspace, member of one org. The apps it owns: ``Workspace/apps(ownedBy:)``.
///
/// A view of one row of the workspace's user table (see ``UserTable``), not an object of its
/// own: a workspace with a million users holds their fields in a few arrays. A user kept after
/// its workspace keeps that table, and so still knows its org and its fields.
public struct User: WorkspaceObject, Sendable {
    let table: UserTable
    /// Position in `users`.
    public let index: Int

    init(table: UserTable, index: Int) {
        self.table = table
        self.index = index
    }

    private var record: UserColumns.Record { table.columns.records[index] }

    public var id: String { table.columns.ids.string(record.id) }
    public var org: Org { table.orgs[Int(record.org)] }
    public var file: SourceFile { table.file }
    public var spans: FieldRanges<UserField> { table.columns.spans[index] }

    /// `""` when not written.
    public var email: String {
        let record = self.record
        guard record.emailLength != IDTable.none else { return "" }
        let start = Int(record.emailStart)
        let end = start + Int(record.emailLength)
        let bytes = record.emailInTexts ? table.columns.texts : table.file.bytes
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// `active` when not written.
    public var status: UserStatus {
        let status = Int(record.status)
        return status == 0 ? .active : UserStatus.allCases[status - 1]
    }

    /// The `YYYY-MM-DD` date written as `offboarded_on`, if any (whatever the status says:
    /// policies compare the two).
    public var offboardedOn: String? {
        let date = record.offboardedOn
        return date == 0 ? nil : WorkspaceDecoder.unpackedDate(date)
    }

    public var labels: [String: String] {
        let labels = Int(record.labels)
        return labels == 0 ? [:] : table.columns.labels[labels - 1]
    }

    public func value(_ field: UserField) -> ConfigValue? {
        switch field {
        case .email: return .string(email)
        case .status: return .string(status.rawValue)
        case .offboarded_on: return offboardedOn.map(ConfigValue.date)
        case .labels: return .labels(labels)
        case .id, .org, .owned_apps: return nil
        }
    }
}

extension User: Equatable {
    /// The same row of the same workspace.
    public static func == (lhs: User, rhs: User) -> Bool { lhs.table === rhs.table && lhs.index == rhs.index }
}

/// The users of one workspace: their columns, resolved (each record's `org` is a position in
/// ``orgs``), with what a ``User`` view needs beside them. Immutable once built.
final class UserTable: Sendable {
    let columns: UserColumns
    /// Held strongly: users refer up to their orgs, and orgs never to users.
    let orgs: [Org]
    let file: SourceFile

    init(columns: UserColumns, orgs: [Org], file: SourceFile) {
        self.columns = columns
        self.orgs = orgs
        self.file = file
    }
}

/// The users of a workspace, in declaration order: a collection of views, built as they are
/// read.
public struct WorkspaceUsers: RandomAccessCollection, Sendable {
    let table: UserTable

    public var startIndex: Int { 0 }
    public var endIndex: Int { table.columns.count }

    public subscript(position: Int) -> User {
        precondition(position >= 0 && position < endIndex, "user index out of range")
        return User(table: table, index: position)
    }
}
