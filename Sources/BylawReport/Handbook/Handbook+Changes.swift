import BylawPolicy

/// The handbook's "What changed" section: legal's release notes between an earlier policy set
/// and this one (``PolicyChanges``).
public struct HandbookChanges: Sendable {
    /// What changed, as data.
    public let changes: PolicyChanges
    /// How the earlier set is named in the section (the folder it was read from).
    public let since: String
    /// Both sets, for the lists that conditions in words need.
    let earlier: PolicySet
    let later: PolicySet

    /// The changes from `earlier` (read from `since`) to `later`.
    public init(from earlier: PolicySet, to later: PolicySet, since: String) {
        self.changes = PolicyChanges(from: earlier, to: later)
        self.since = since
        self.earlier = earlier
        self.later = later
    }

    /// The anchor of the section.
    static let anchor = "what-changed"

    /// The section's parts, each a heading and lines of inline Markdown; empty parts are left out.
    var parts: [(heading: String, lines: [String])] {
        func rule(_ rule: CompiledRule) -> String {
            Handbook.inline(rule.declaration.title ?? rule.descriptor.ruleID) + " (" + ConditionWords.code(rule.fullID) + ")"
        }
        let earlierLists = Self.lists(earlier)
        let laterLists = Self.lists(later)
        let parts: [(String, [String])] = [
            ("Rules added", changes.addedRules.map { "\(rule($0)): \(Handbook.consequence($0.descriptor.enforcement))" }),
            ("Rules removed", changes.removedRules.map { "\(rule($0)): was \(Handbook.consequence($0.descriptor.enforcement))" }),
            ("Enforcement tightened", changes.tightened.map { "\(rule($0.rule)): \(Handbook.consequence($0.before)) → \(Handbook.consequence($0.rule.descriptor.enforcement))" }),
            ("Enforcement relaxed", changes.relaxed.map { "\(rule($0.rule)): \(Handbook.consequence($0.before)) → \(Handbook.consequence($0.rule.descriptor.enforcement))" }),
            ("Conditions changed", changes.changedConditions.map { "\(rule($0)): its conditions were rewritten" }),
            ("Exceptions added", changes.addedExceptions.map {
                Handbook.exceptionLine(rule: $0.rule.fullID, $0.exception, lists: laterLists[$0.rule.descriptor.policyID] ?? [:])
            }),
            ("Exceptions ended", changes.endedExceptions.map { change in
                let lists = (change.expired ? laterLists : earlierLists)[change.rule.descriptor.policyID] ?? [:]
                let how = change.expired ? "expired on \(change.exception.declaration.expires.map { "\($0)" } ?? "its date")" : "removed"
                let whom = change.exception.whereCondition == nil ? "everywhere" : Handbook.coverage(change.exception, lists: lists)
                return "\(ConditionWords.code(change.rule.fullID)) applies again \(whom): \(how)"
            }),
        ]
        return parts.filter { !$0.1.isEmpty }
    }

    private static func lists(_ set: PolicySet) -> [String: [String: [String]]] {
        var lists: [String: [String: [String]]] = [:]
        for policy in set.policies { lists[policy.id] = Handbook.lists(of: policy.document) }
        return lists
    }

    /// The line under the heading.
    var intro: String {
        let compared = "Compared with the policies in \(ConditionWords.code(since))."
        return changes.isEmpty ? compared + " Nothing changed: the same rules, enforced the same way, with the same exceptions." : compared
    }
}

extension Handbook {
    /// The "What changed" section as Markdown.
    static func markdown(_ changes: HandbookChanges) -> String {
        var out = "<a id=\"\(HandbookChanges.anchor)\"></a>\n\n## What changed\n\n_\(changes.intro)_\n\n"
        for (heading, lines) in changes.parts {
            out += "**\(heading)**\n\n" + lines.map { "- \($0)\n" }.joined() + "\n"
        }
        return out
    }

    /// The "What changed" section as HTML.
    static func html(_ changes: HandbookChanges) -> String {
        var out = "<a id=\"\(HandbookChanges.anchor)\"></a><h2>What changed</h2><p><em>\(MarkdownInline.html(changes.intro))</em></p>"
        for (heading, lines) in changes.parts {
            out += "<p><strong>\(heading)</strong></p><ul>" + lines.map { "<li>\(MarkdownInline.html($0))</li>" }.joined() + "</ul>"
        }
        return out
    }
}
