import BylawSource

/// Checks what the decoder cannot see one object at a time: duplicate ids, references to
/// unknown ids, cycles in the org tree. Every error of the file is reported.
struct WorkspaceResolver {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []
    var index = WorkspaceIndex()
    /// Each org's parent position (nil for none or an unknown parent).
    var orgParents: [Int?] = []
    /// The org position each distinct org reference of the users names (nil for an unknown
    /// one), by the reference's handle.
    var userOrgReferences: [Int?] = []
    var orgTree = OrgTree(parents: [])
    /// Edit-distance comparisons left for "did you mean" on unknown references: a file with
    /// thousands of typos among a million ids must not take minutes to report them.
    private var suggestionBudget = 2_000_000

    init(file: SourceFile) { self.file = file }

    mutating func check(_ decl: WorkspaceDecl) {
        index.accounts = indexIDs(decl.accounts, \.id, kind: "billing account")
        index.subscriptions = indexIDs(decl.subscriptions, \.id, kind: "subscription")
        index.orgs = indexIDs(decl.orgs, \.id, kind: "org")
        checkUserIDs(decl.users)
        index.providers = indexIDs(decl.providers, \.id, kind: "provider")
        index.apps = indexIDs(decl.apps, \.id, kind: "app")

        for subscription in decl.subscriptions {
            _ = resolve(subscription.account, in: index.accounts, kind: "billing account")
        }
        orgParents = decl.orgs.map { resolve($0.parent, in: index.orgs, kind: "parent org") }
        for org in decl.orgs {
            _ = resolve(org.billingAccount, in: index.accounts, kind: "billing account")
        }
        resolveUserOrgs(decl.users)
        for app in decl.apps {
            _ = resolve(app.owner, in: decl.users, kind: "user")
            _ = resolve(app.provider, in: index.providers, kind: "provider")
            for org in app.orgs { _ = resolve(org, in: index.orgs, kind: "org") }
        }
        orgTree = OrgTree(parents: orgParents)
        for cycle in orgTree.cycles { reportCycle(cycle, orgs: decl.orgs) }
    }

    /// Id → first position; later objects with the same id are reported with a note at the first.
    private mutating func indexIDs<D>(_ decls: [D], _ id: KeyPath<D, Located?>, kind: String) -> [ObjectID: Int] {
        var positions: [ObjectID: Int] = [:]
        positions.reserveCapacity(decls.count)
        for (position, decl) in decls.enumerated() {
            guard let located = decl[keyPath: id] else { continue }
            if let first = positions[ObjectID(located.text)], let firstID = decls[first][keyPath: id] {
                diagnostics.append(.error(
                    .workspaceDuplicateID, "duplicate \(kind) id '\(located.text)'", in: file, at: located.range,
                    notes: [DiagnosticNote("first defined here", at: SourceSpan(file: file, range: firstID.range))],
                    hint: "ids must be unique among the \(kind)s of a workspace"))
            } else {
                positions[ObjectID(located.text)] = position
            }
        }
        return positions
    }

    /// The position of the referenced object, or nil (reported when the id is unknown).
    private mutating func resolve(_ reference: Located?, in ids: [ObjectID: Int], kind: String) -> Int? {
        guard let reference else { return nil }
        if let position = ids[ObjectID(reference.text)] { return position }
        reportUnknown(reference, kind: kind, among: ids.count) { ids.keys.map(\.text) }
        return nil
    }

    /// ``resolve(_:in:kind:)`` for a reference to a user.
    private mutating func resolve(_ reference: Located?, in users: UserColumns, kind: String) -> Int? {
        guard let reference else { return nil }
        if let position = users.position(of: reference.text) { return position }
        reportUnknown(reference, kind: kind, among: users.ids.count) { users.idStrings }
        return nil
    }

    /// Reports a reference to none of `count` ids, with a "did you mean" among `names` while
    /// the budget lasts.
    private mutating func reportUnknown(_ reference: Located, kind: String, among count: Int, names: () -> [String]) {
        var hint: String?
        if suggestionBudget >= count {
            suggestionBudget -= count
            hint = DidYouMean.hint(reference.text, from: names())
        }
        diagnostics.append(.error(
            .workspaceUnknownReference, "unknown \(kind) '\(reference.text)'", in: file, at: reference.range,
            hint: hint))
    }

    /// Reports each user whose id an earlier user has, with a note at the first.
    private mutating func checkUserIDs(_ users: UserColumns) {
        for position in 0..<users.count {
            let handle = users.records[position].id
            guard handle != IDTable.none else { continue }
            let first = Int(users.firstPositions[Int(handle)])
            guard first != position, let located = users.located(at: position), let firstID = users.located(at: first) else { continue }
            diagnostics.append(.error(
                .workspaceDuplicateID, "duplicate user id '\(located.text)'", in: file, at: located.range,
                notes: [DiagnosticNote("first defined here", at: SourceSpan(file: file, range: firstID.range))],
                hint: "ids must be unique among the users of a workspace"))
        }
    }

    /// Resolves each distinct org the users name once, then reports each user whose org is
    /// unknown, in order (as many reports, and hints, as users with such an org).
    private mutating func resolveUserOrgs(_ users: UserColumns) {
        let orgs = index.orgs
        userOrgReferences = (0..<users.orgReferences.count).map { orgs[ObjectID(users.orgReferences.string(UInt32($0)))] }
        for position in 0..<users.count {
            let handle = users.records[position].org
            guard handle != IDTable.none, userOrgReferences[Int(handle)] == nil, let reference = users.orgReference(at: position) else { continue }
            reportUnknown(reference, kind: "org", among: orgs.count) { orgs.keys.map(\.text) }
        }
    }

    /// One error at the parent field of the cycle's first-declared member, naming the whole
    /// cycle; a note at each other member's parent field (the first few, for a long cycle).
    private mutating func reportCycle(_ cycle: [Int], orgs: [OrgDecl]) {
        guard let first = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return }
        let members = Array(cycle[first...] + cycle[..<first])
        let names = members.map { orgs[$0].id?.text ?? "?" }
        let shownLimit = 12
        var chain: [String]
        if names.count <= shownLimit {
            chain = names
        } else {
            chain = Array(names.prefix(shownLimit - 2))
            chain.append("… (\(names.count - shownLimit + 1) more)")
            chain.append(names[names.count - 1])
        }
        chain.append(names[0])
        let message = names.count == 1
            ? "org cycle: \(names[0]) → \(names[0]) (org '\(names[0])' is its own parent)"
            : "org cycle: " + chain.joined(separator: " → ")
        let notes = members.dropFirst().prefix(shownLimit).compactMap { member -> DiagnosticNote? in
            guard let parent = orgs[member].parent else { return nil }
            let name = orgs[member].id?.text ?? "?"
            return DiagnosticNote("org '\(name)' has parent '\(parent.text)' here", at: SourceSpan(file: file, range: parent.range))
        }
        let range = orgs[members[0]].parent?.range ?? orgs[members[0]].id?.range ?? .at(0)
        diagnostics.append(.error(
            .workspaceOrgCycle, message, in: file, at: range, notes: notes,
            hint: "an org tree has no cycles: give one of these orgs another parent, or none"))
    }
}
