// bench-lint: lints generated workspace configs of 10k, 100k and 1M users with the shipped
// policies (Policies/, run from the package root) and prints the time of each stage and the peak
// memory, to show that the work grows linearly. The loader parses and decodes in one pass (users
// are decoded as the parser reads them): "parse s" is the parse alone, timed apart, and
// "model s" the rest of the load (decoding, resolving, building); "model MiB" is what resident
// memory grew by while loading; "lint s" evaluates every workspace rule of Policies/ on the
// loaded model.
//
//     swift run -c release bench-lint [--sizes 10000,100000,1000000]
//     swift run -c release bench-lint --write 1000000 ws-1m.yaml   # the file alone, for `bylaw lint`
//
// Workspaces are deterministic: one org per 50 users, in trees of branching 5 and 4-6 levels,
// assigned billing with one account per top-level org, 2% of users offboarded, one app per
// 1,000 users.
import BenchSupport
import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The YAML text of a workspace with `users` users.
func generateWorkspace(users: Int) -> String {
    let orgCount = max(1, users / 50)
    let perTree = 3906  // 1 + 5 + 25 + 125 + 625 + 3125: six levels of branching 5
    let rootCount = max(1, (orgCount + perTree - 1) / perTree)
    var out = "workspace: bench-\(users)\nname: Benchmark \(users)\nlabels: {generated: \"true\"}\n"
    out.reserveCapacity(users * 80)
    out += "billing:\n  mode: assigned\n  accounts:\n"
    for root in 0..<rootCount {
        out += "    - {id: acct-\(root), currency: \(root % 2 == 0 ? "USD" : "EUR"), owner: finance\(root)@example.com}\n"
    }
    out += "subscriptions:\n"
    for root in 0..<rootCount {
        out += "  - {id: seats-\(root), account: acct-\(root), resource: seats, quantity: \(users / rootCount)}\n"
    }
    out += "orgs:\n"
    for org in 0..<orgCount {
        let root = org % rootCount
        let local = org / rootCount
        if local == 0 {
            out += "  - {id: org-\(org), name: Org \(org), billing_account: acct-\(root)}\n"
        } else {
            let parent = ((local - 1) / 5) * rootCount + root
            out += "  - {id: org-\(org), name: Org \(org), parent: org-\(parent)}\n"
        }
    }
    out += "users:\n"
    for user in 0..<users {
        let org = (user &* 7919) % orgCount
        if user % 50 == 49 {
            out += "  - {id: u\(user), email: u\(user)@example.com, org: org-\(org), status: offboarded, offboarded_on: 2026-01-15}\n"
        } else {
            out += "  - {id: u\(user), email: u\(user)@example.com, org: org-\(org)}\n"
        }
    }
    out += """
        providers:
          - {id: openai, vendor: openai, custody: byos, training_opt_out: true}
          - {id: groq, vendor: groq, custody: shared-login, training_opt_out: false}
          - {id: pool, vendor: together, custody: vendor-pool, training_opt_out: true}
        apps:\n
        """
    for app in 0..<max(1, users / 1000) {
        let kind = app % 4 == 0 ? "consumer-chat" : "company"
        let data = app % 4 == 0 ? "[public, internal]" : "[internal, client]"
        let provider = app % 4 == 0 ? "pool" : "openai"
        out += "  - {id: app-\(app), kind: \(kind), owner: u\(app * 1000), provider: \(provider), orgs: [org-\(app % orgCount)], data: \(data)}\n"
    }
    return out
}

var sizes = [10_000, 100_000, 1_000_000]
let arguments = CommandLine.arguments
if let flag = arguments.firstIndex(of: "--write"), flag + 2 < arguments.count, let users = Int(arguments[flag + 1]) {
    // The same workspace as a file, to time the whole `bylaw lint` process (reading included).
    let path = arguments[flag + 2]
    guard let out = fopen(path, "wb") else {
        print("cannot write \(path)")
        exit(2)
    }
    var text = generateWorkspace(users: users)
    let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, out) }
    fclose(out)
    print("wrote \(path): \(written) bytes, \(users) users")
    exit(0)
}
if let flag = arguments.firstIndex(of: "--sizes"), flag + 1 < arguments.count {
    sizes = arguments[flag + 1].split(separator: ",").compactMap { Int($0) }
}

// Generated files of several million users pass the 256 MiB default for one whole file.
let limits = YAMLLimits(maxBytes: 1 << 30)
guard let today = CalendarDate(year: 2026, month: 11, day: 22) else { exit(2) }
let compiled = PolicySetLoader.compile(paths: ["Policies"], today: today)
guard let policies = compiled.set else {
    print("Policies/ does not compile (run from the package root): \(compiled.diagnostics.prefix(3).map(\.message))")
    exit(2)
}
let evaluator = WorkspaceEvaluator(rules: policies.rules)
print("\(evaluator.rules.count) workspace rules from Policies/")
print("users     orgs   MiB   parse s  model s  lint s  total s  µs/user  ×first  findings  peak RSS MiB  model MiB")
var firstPerUser: Double?
for users in sizes {
    // Only the file's bytes stay, as when `bylaw lint` reads one.
    let file = SourceFile(path: "bench-\(users).yaml", text: generateWorkspace(users: users))
    let megabytes = Double(file.bytes.count) / 1_048_576
    let repeats = users <= 10_000 ? 5 : users <= 100_000 ? 3 : 1
    var best = (parse: Double.infinity, model: Double.infinity, lint: Double.infinity, total: Double.infinity)
    var orgs = 0
    var findings = 0
    var modelMiB = 0.0
    for _ in 0..<repeats {
        // The parse alone (users dropped as they come): the loader parses and decodes in one
        // pass, so the model's share is the load's time less this.
        let parseStart = now()
        _ = YAMLLoader.load(file, limits: limits, streaming: YAMLItemStream(key: "users") { _ in })
        let parse = now() - parseStart
        let start = now()
        let rssBeforeModel = currentRSSMiB()
        let result = WorkspaceLoader.load(file, limits: limits)
        let loaded = now()
        modelMiB = currentRSSMiB() - rssBeforeModel
        guard let workspace = result.workspace else {
            print("load failed: \(result.diagnostics.prefix(3).map(\.message))")
            exit(1)
        }
        orgs = workspace.orgs.count
        var tally = RunTally()
        findings = 0
        evaluator.evaluate(WorkspaceGraph(workspace), inputPath: file.path, tally: &tally) { _ in findings += 1 }
        let linted = now()
        if linted - start < best.total { best = (parse, loaded - start - parse, linted - loaded, linted - start) }
    }
    let perUser = best.total / Double(users) * 1e6
    let ratio = perUser / (firstPerUser ?? perUser)
    if firstPerUser == nil { firstPerUser = perUser }
    print(
        pad(String(users), 9), pad(String(orgs), 6), pad(fixed(megabytes, 1), 5), pad(fixed(best.parse, 3), 8),
        pad(fixed(best.model, 3), 8), pad(fixed(best.lint, 3), 7), pad(fixed(best.total, 3), 8), pad(fixed(perUser, 2), 8),
        pad(fixed(ratio, 2), 7), pad(String(findings), 9), pad(fixed(peakRSSMiB(), 0), 13), fixed(modelMiB, 0))
}
