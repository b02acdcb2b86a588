import BylawSource

/// The users of a workspace config, column by column: what the decoder read of each user,
/// as fixed-size records and ranges, never a `String` or an object per user.
///
/// A workspace's users are its largest part by far (a million of them in a large company's
/// config), so they are kept the way a table keeps rows: ids interned once (``IDTable``), a
/// user's email a range of the source (or of ``texts`` when it was escaped or folded), its
/// status and date as small integers, its labels (rare) in a side table. The other object
/// kinds are few and keep their declarations.
struct UserColumns: Sendable {
    /// One user's fields, 28 bytes.
    struct Record: Sendable {
        /// Its id's handle in ``ids``; ``IDTable/none`` when the id is missing or invalid.
        var id = IDTable.none
        /// While decoding, its `org` reference's handle in ``orgReferences``; once built, the
        /// org's position in the workspace. ``IDTable/none`` when missing.
        var org = IDTable.none
        /// The email's bytes, in the source or in ``texts`` (``emailInTexts``).
        var emailStart: UInt32 = 0
        /// ``IDTable/none`` when no email was written.
        var emailLength = IDTable.none
        /// `offboarded_on` as `year × 10,000 + month × 100 + day`; 0 when not written (a
        /// checked date's month is at least 1).
        var offboardedOn: UInt32 = 0
        /// Index + 1 of its labels in ``labels``; 0 for none.
        var labels: UInt32 = 0
        /// Index + 1 of its status in `UserStatus.allCases`; 0 when not written.
        var status: UInt8 = 0
        var emailInTexts = false
    }

    var records: [Record] = []
    /// Where each field of each user was written.
    var spans: [FieldRanges<UserField>] = []
    /// The range of each user's id value and org value (what an error about them points at).
    var idValues: [FieldRange] = []
    var orgValues: [FieldRange] = []
    /// The user ids, in the order first written.
    var ids = IDTable()
    /// The position of the first user with each id, by handle.
    var firstPositions: [UInt32] = []
    /// The org ids users name, each once.
    var orgReferences = IDTable()
    /// Emails that are not verbatim in the source.
    var texts: [UInt8] = []
    /// Labels of the users that have some.
    var labels: [[String: String]] = []

    var count: Int { records.count }

    /// Room for about `count` users, without copying the columns as they grow.
    mutating func reserve(_ count: Int) {
        records.reserveCapacity(count)
        spans.reserveCapacity(count)
        idValues.reserveCapacity(count)
        orgValues.reserveCapacity(count)
        firstPositions.reserveCapacity(count)
        ids.reserve(ids: count)
    }

    /// The id of user `position`, nil when missing.
    func id(at position: Int) -> String? {
        let handle = records[position].id
        return handle == IDTable.none ? nil : ids.string(handle)
    }

    /// The org reference of user `position`, with where it was written; nil when missing.
    func orgReference(at position: Int) -> Located? {
        let handle = records[position].org
        guard handle != IDTable.none, let range = orgValues[position].sourceRange else { return nil }
        return Located(text: orgReferences.string(handle), range: range)
    }

    /// The id of user `position` with where it was written; nil when missing.
    func located(at position: Int) -> Located? {
        guard let text = id(at: position), let range = idValues[position].sourceRange else { return nil }
        return Located(text: text, range: range)
    }

    /// The position of the user with `id` (the first one, if several have it).
    func position(of id: String) -> Int? {
        ids.handle(of: id).map { Int(firstPositions[Int($0)]) }
    }

    /// Every user id, each once, in the order first written.
    var idStrings: [String] { ids.strings }
}
