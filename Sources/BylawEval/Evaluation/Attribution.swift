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

        mutating func add(_ event: AttributedEvent) {
            events += 1
            guard let amount = event.amount else { return }
            spend[event.currency ?? "?", default: DecimalSum()].add(amount)
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
        count(AttributedEvent(event), in: workspace)
    }

    /// Counts an event whose fields were taken on another thread (``ParallelStreamEvaluation``).
    mutating func count(_ event: AttributedEvent, in workspace: Workspace) {
        let orgID = event.org
        let org = workspace.org(orgID)
        let account: String
        if let subscriptionID = event.subscription, let subscription = workspace.subscription(subscriptionID) {
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

/// The fields of an event that attribution reads, copied out of the scanner's reused event.
struct AttributedEvent: Sendable {
    let org: String
    let subscription: String?
    let amount: String?
    let currency: String?

    init(_ event: UsageEvent) {
        org = event.string(.org)
        subscription = event.has(.subscription) ? event.string(.subscription) : nil
        amount = event.has(.costAmount) ? event.string(.costAmount) : nil
        currency = event.has(.costCurrency) ? event.string(.costCurrency) : nil
    }
}
