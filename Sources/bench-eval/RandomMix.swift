// `bench-eval random`: a workspace, a policy set and a stream made up from a seed, unlike the
// shipped examples, so that tuning the evaluator for the examples cannot pass for tuning it.
//
// Each seed draws a workspace (org trees under several roots in assigned billing, a couple of
// thousand users, some offboarded, apps with owners and data lists), eight usage rules from a
// dozen shapes (rules reading the workspace: silos, roots, ancestors, app owners, user status;
// rules on event fields: classifications, costs, tokens, scopes), with thresholds and lists
// drawn so that between about a tenth and more than half of the events make a finding, and a
// stream whose kinds, users, orgs and apps follow weights drawn from the same seed.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BenchSupport

/// One made-up mix: the workspace and policy texts, and an event generator.
struct RandomMix {
    let seed: UInt64
    private(set) var random: SplitMix64
    let roots: [String]
    let orgs: [(id: String, parent: String?)]
    let users: [String]
    let apps: [(id: String, kind: String, owner: String, data: [String])]
    let classifications = ["public", "internal", "client", "patient", "account-number"]
    /// Weights of prompt, upload and share.
    let kindWeights: [Int]
    /// The share of events naming a user, org or app the workspace does not know, in percent.
    let unknownPercent: Int
    /// The share of events with a large cost and many tokens, in percent.
    let bigPercent: Int

    init(seed: UInt64) {
        self.seed = seed
        var random = SplitMix64(state: 0xB71A_5EED &+ seed &* 0x9E37_79B9)
        let rootCount = 2 + random.below(4)
        let roots = (0..<rootCount).map { "root\($0)" }
        var orgs: [(id: String, parent: String?)] = roots.map { ($0, nil) }
        for index in 0..<(20 + random.below(60)) {
            let parent = orgs[random.below(orgs.count)].id
            orgs.append(("org\(index)", parent))
        }
        let users = (0..<(500 + random.below(3000))).map { "u\($0)" }
        var apps: [(id: String, kind: String, owner: String, data: [String])] = []
        for index in 0..<(6 + random.below(20)) {
            let kind = random.below(4) == 0 ? "consumer-chat" : "company"
            let data = ["public", "internal", "client", "patient", "account-number"].filter { _ in random.below(2) == 0 }
            apps.append(("app\(index)", kind, users[random.below(users.count)], data))
        }
        self.roots = roots
        self.orgs = orgs
        self.users = users
        self.apps = apps
        kindWeights = [1 + random.below(10), 1 + random.below(6), 1 + random.below(4)]
        unknownPercent = random.below(8)
        bigPercent = 2 + random.below(20)
        self.random = random
    }

    /// The workspace, in the config format.
    func workspaceYAML() -> String {
        var text = "workspace: random-\(seed)\nbilling:\n  mode: assigned\n  accounts:\n"
        for root in roots { text += "    - {id: acct-\(root), currency: \(root.hasSuffix("1") ? "EUR" : "USD"), owner: finance@\(root).example}\n" }
        text += "orgs:\n"
        for org in orgs {
            if let parent = org.parent {
                text += "  - {id: \(org.id), name: Org \(org.id), parent: \(parent)}\n"
            } else {
                text += "  - {id: \(org.id), name: Org \(org.id), billing_account: acct-\(org.id)}\n"
            }
        }
        text += "users:\n"
        var random = SplitMix64(state: seed &+ 17)
        for (index, user) in users.enumerated() {
            let org = orgs[index % orgs.count].id
            if random.below(12) == 0 {
                text += "  - {id: \(user), email: \(user)@x.example, org: \(org), status: offboarded, offboarded_on: 2026-01-15}\n"
            } else {
                text += "  - {id: \(user), email: \(user)@x.example, org: \(org), status: active}\n"
            }
        }
        text += "providers:\n  - {id: p1, vendor: P, custody: byos, training_opt_out: true}\napps:\n"
        for app in apps {
            text += "  - {id: \(app.id), kind: \(app.kind), owner: \(app.owner), provider: p1, data: [\(app.data.joined(separator: ", "))]}\n"
        }
        return text
    }

    /// Eight usage rules drawn from the shapes below, with drawn constants.
    mutating func policyYAML() -> String {
        var rules: [String] = []
        var shapes = Array(0..<12)
        for _ in 0..<8 {
            let shape = shapes.remove(at: random.below(shapes.count))
            rules.append(rule(shape: shape, number: rules.count))
        }
        return """
            policy: random-\(seed)
            title: Made-up rules for seed \(seed)
            macros:
              actor: workspace.user(event.user)
              event_org: workspace.org(event.org)
              event_app: workspace.app(event.app)
              target_org: workspace.org(event.target.org)
            rules:
            \(rules.joined(separator: "\n"))
            """
    }

    private mutating func rule(shape: Int, number: Int) -> String {
        let enforcement = random.pick(["block", "warn", "audit"])
        let head = "  - id: r\(number)-s\(shape)\n    on: usage\n    enforcement: \(enforcement)\n"
        let some = classifications.filter { _ in random.below(2) == 0 }
        let picked = (some.isEmpty ? ["client"] : some).map { "\"\($0)\"" }.joined(separator: ", ")
        switch shape {
        case 0:
            return head + """
                    where: event.kind != "prompt" && event.artifact.classification in [\(picked)]
                    forbid: event_app != null && event_app.kind == "consumer-chat"
                    message: "{event.user} sent {event.artifact.classification} data to {event.app}"
                """
        case 1:
            return head + """
                    where: actor != null
                    forbid: actor.status == "offboarded"
                    message: "{event.user} is offboarded but used {event.app}"
                    hint: Remove the user's access.
                """
        case 2:
            return head + """
                    where: event.kind == "share" && event_org != null && target_org != null
                    forbid: event_org.billing.silo != target_org.billing.silo
                    message: "{event.user} shared from {event.org} into {event.target.org}, another billing silo"
                """
        case 3:
            return head + """
                    where: event_app != null
                    require: event_app.owner.status == "active"
                    message: "{event.app} is owned by {event_app.owner.id}, who is offboarded"
                """
        case 4:
            let limit = [0.5, 1, 2, 4][random.below(4)]
            return head + """
                    forbid: event.cost.amount > \(limit)
                    message: "event {event.id} cost {event.cost.amount} {event.cost.currency}"
                """
        case 5:
            let limit = 1000 + random.below(4000)
            return head + """
                    where: event.kind == "prompt"
                    forbid: event.tokens.input > \(limit)
                    message: "{event.user} sent {event.tokens.input} tokens to {event.model}"
                """
        case 6:
            // Every root but one may.
            let banned = random.pick(roots)
            let allowed = roots.filter { $0 != banned }.map { "\"\($0)\"" }.joined(separator: ", ")
            return head + """
                    where: event_org != null && event.artifact.classification in ["client", "patient"]
                    require: event_org.root.id in [\(allowed)]
                    message: "{event.org} belongs to {event_org.root.id}, which may not send {event.artifact.classification} data"
                """
        case 7:
            return head + """
                    require: actor != null && event_org != null
                    message: "event {event.id} names a user or org the workspace does not know"
                """
        case 8:
            let depth = 1 + random.below(3)
            return head + """
                    where: event.kind == "upload" && event_org != null
                    forbid: event_org.depth > \(depth) && event.artifact.classification != "public"
                    message: "{event.user} uploaded {event.artifact.classification} data from {event.org}, {event_org.depth} levels down"
                """
        case 9:
            let org = random.pick(orgs).id
            return head + """
                    where: event_org != null && event.scope == "private"
                    forbid: event_org.ancestors.exists(o, o.id == "\(org)")
                    message: "{event.user} worked privately under \(org)"
                """
        case 10:
            return head + """
                    where: event_app != null && event.artifact.classification != ""
                    require: event.artifact.classification in event_app.data
                    message: "{event.app} does not accept {event.artifact.classification} data"
                """
        default:
            return head + """
                    where: actor != null && event_org != null
                    require: actor.org.billing.silo == event_org.billing.silo
                    message: "{event.user} of {actor.org.id} acted in {event.org}"
                """
        }
    }

    /// Appends event number `number` (a line) to `out`. Events are mostly coherent (a user acts
    /// in their own org, with data the app accepts, at a modest cost), as in a real stream, so
    /// that the drawn rules fire on a minority of events.
    mutating func event(_ number: Int, into out: inout [UInt8]) {
        let roll = random.below(kindWeights.reduce(0, +))
        let kind = roll < kindWeights[0] ? "prompt" : roll < kindWeights[0] + kindWeights[1] ? "upload" : "share"
        let unknown = random.below(100) < unknownPercent
        let userIndex = random.below(users.count)
        let user = unknown && random.below(3) == 0 ? "ghost\(random.below(50))" : users[userIndex]
        let homeOrg = orgs[userIndex % orgs.count].id
        let org = unknown && random.below(3) == 0 ? "nowhere" : random.below(10) == 0 ? random.pick(orgs).id : homeOrg
        let appIndex = random.below(apps.count)
        let app = unknown && random.below(3) == 0 ? "shadow" : apps[appIndex].id
        let big = random.below(100) < bigPercent
        var line = "{\"id\":\"e\(number)\",\"time\":\"2026-03-0\(1 + random.below(9))T1\(random.below(10)):00:00Z\",\"kind\":\"\(kind)\","
        line += "\"user\":\"\(user)\",\"org\":\"\(org)\",\"scope\":\"\(random.below(5) == 0 ? "private" : "org")\",\"app\":\"\(app)\",\"model\":\"m\(random.below(4))\","
        line += "\"tokens\":{\"in\":\(big ? 1000 + random.below(8000) : random.below(1000)),\"out\":\(random.below(2000))},"
        line += "\"cost\":{\"amount\":\(big ? "\(1 + random.below(20)).\(random.below(10))\(random.below(10))" : "0.0\(random.below(10))"),\"currency\":\"USD\"}"
        if kind != "prompt" {
            let accepted = apps[appIndex].data
            let classification = !accepted.isEmpty && random.below(5) != 0 ? random.pick(accepted) : random.pick(classifications)
            line += ",\"artifact\":{\"type\":\"pdf\",\"classification\":\"\(classification)\"}"
        }
        if kind == "share" {
            line += ",\"target\":{\"scope\":\"org\",\"org\":\"\(random.below(5) == 0 ? random.pick(orgs).id : homeOrg)\"}"
        }
        line += "}\n"
        out.append(contentsOf: line.utf8)
    }

    /// Writes `count` events to `path`; returns the byte count.
    mutating func write(count: Int, path: String) -> Int {
        writeEvents(count: count, path: path) { event($0, into: &$1) }
    }
}
