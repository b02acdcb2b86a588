import BylawModel
import BylawSource

/// Who spent what under which billing account: `--summary` for `bylaw eval`.
///
/// An event is attributed to the account of its subscription when it names a known one, else
/// to its org's billing account as the billing mode resolves it (single: the one account;
/// assigned: the root's). In pooled mode without a subscription, or for an unknown org, it is
/// "unattributed". Amounts are summed exactly as decimals (from the text of `cost.amount`), per
/// currency.
public struct Attribution: Sendable {
    struct Bucket: Sendable {
        var events = 0
        var spend: [String: DecimalSum] = [:]

        mutating func add(_ event: UsageEvent) {
            events += 1
            guard event.has(.costAmount) else { return }
            let currency = event.has(.costCurrency) ? event.string(.costCurrency) : "?"
            spend[currency, default: DecimalSum()].add(event.string(.costAmount))
        }

        var json: JSONValue {
            .object([
                ("events", .int(Int64(events))),
                ("spend", .object(spend.keys.sorted().map { ($0, .string(spend[$0]?.description ?? "0")) })),
            ])
        }
    }

    var byAccount: [String: Bucket] = [:]
    var byOrg: [String: Bucket] = [:]
    /// Distinct unknown org ids get a bucket each up to this many; the rest share one, so a
    /// stream of made-up org ids cannot grow memory without bound.
    public static let maxUnknownOrgBuckets = 1_000
    private var unknownOrgBuckets = 0

    public init() {}

    mutating func count(_ event: UsageEvent, in workspace: Workspace) {
        let orgID = event.string(.org)
        let org = workspace.org(orgID)
        let account: String
        if event.has(.subscription), let subscription = workspace.subscription(event.string(.subscription)) {
            account = subscription.account.id
        } else if let resolved = org?.billing.account {
            account = resolved.id
        } else {
            account = "unattributed"
        }
        byAccount[account, default: Bucket()].add(event)
        var orgKey = orgID
        if org == nil {
            orgKey = "unknown:\(orgID)"
            if byOrg[orgKey] == nil {
                if unknownOrgBuckets >= Self.maxUnknownOrgBuckets {
                    orgKey = "unknown:(other ids)"
                } else {
                    unknownOrgBuckets += 1
                }
            }
        }
        byOrg[orgKey, default: Bucket()].add(event)
    }

    public var json: JSONValue {
        .object([
            ("by_account", .object(byAccount.keys.sorted().map { ($0, byAccount[$0]?.json ?? .null) })),
            ("by_org", .object(byOrg.keys.sorted().map { ($0, byOrg[$0]?.json ?? .null) })),
        ])
    }
}
