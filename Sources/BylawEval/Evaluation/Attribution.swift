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

/// An exact decimal sum with nine fractional digits (amounts are money: no binary rounding).
struct DecimalSum: Sendable, CustomStringConvertible {
    private var units: Int64 = 0
    private var nanos: Int64 = 0
    /// Amounts that could not be read as a decimal (never expected: the scanner checked them).
    private(set) var skipped = 0

    /// Adds a JSON number written in plain or exponent form.
    mutating func add(_ text: String) {
        guard let (whole, fraction) = Self.parse(text) else {
            skipped += 1
            return
        }
        units &+= whole
        nanos += fraction
        units &+= nanos / 1_000_000_000
        nanos %= 1_000_000_000
    }

    /// `(whole units, nanos)` with the same sign; nil for numbers this cannot hold exactly.
    static func parse(_ text: String) -> (Int64, Int64)? {
        guard let value = Double(text), value.isFinite, abs(value) < 9e15 else { return nil }
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        if digits.contains(where: { $0 == "e" || $0 == "E" }) {
            let scaled = (value * 1e9).rounded()
            return (Int64(scaled / 1e9), Int64(scaled.truncatingRemainder(dividingBy: 1e9)))
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let nine = String(parts[1].prefix(9)).padding(toLength: 9, withPad: "0", startingAt: 0)
            guard let value = Int64(nine) else { return nil }
            fraction = value
        }
        return negative ? (-whole, -fraction) : (whole, fraction)
    }

    var description: String {
        var u = units, n = nanos
        if u > 0, n < 0 { u -= 1; n += 1_000_000_000 }
        if u < 0, n > 0 { u += 1; n -= 1_000_000_000 }
        let negative = u < 0 || n < 0
        let fraction = String(abs(n)).leftPadded(to: 9).trimmingTrailingZeros
        let whole = String(abs(u))
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
    fileprivate var trimmingTrailingZeros: String {
        var text = self
        while text.last == "0" { text.removeLast() }
        return text
    }
}
