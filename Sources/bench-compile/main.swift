// bench-compile: time to load, check and compile a generated policy set of 1,000 policies with
// 10 rules each (the goal: under one second). Run in release mode:
//   swift run -c release bench-compile [POLICIES] [RULES] [RUNS]
// Prints the best of RUNS, split into YAML + decoding and checking + planning, per rule.
import BenchSupport
import BylawPolicy
import BylawSource
import BylawYAML

#if canImport(Glibc)
import Glibc
#endif

/// One generated policy: usage and workspace rules of the shapes the shipped policies use.
func policyText(_ index: Int, rules: Int) -> String {
    var text = """
        policy: generated-\(index)
        title: Generated policy \(index)
        owner: legal@example.com
        handbook: |
          Generated for the compile benchmark.
        lists:
          client_data: [client, patient, account-number]
          blocked_\(index): [app-\(index)-a, app-\(index)-b, app-\(index)-c]
        macros:
          consumer_chat: event.destination.kind == "consumer-chat"
          event_org: workspace.org(event.org)
        rules:

        """
    for rule in 0..<rules {
        switch rule % 5 {
        case 0:
            text += """
                  - id: r\(index)-\(rule)
                    on: usage
                    forbid:
                      all:
                        - event.artifact.classification in client_data
                        - consumer_chat
                    message: "{event.user} sent {event.artifact.classification} to {event.destination.app}"

                """
        case 1:
            text += """
                  - id: r\(index)-\(rule)
                    on: usage
                    where: event.kind == "share" && event_org != null
                    forbid: event.target.scope == "private" || event.app in blocked_\(index)
                    message: "{event.user} shared from {event.org}"
                    enforcement: warn

                """
        case 2:
            text += """
                  - id: r\(index)-\(rule)
                    on: workspace
                    for: org in workspace.orgs
                    where: has(org.parent) && has(org.billing_account)
                    forbid: org.billing_account.id != org.root.billing_account.id
                    message: "{org.id} declares {org.billing_account.id}"

                """
        case 3:
            text += """
                  - id: r\(index)-\(rule)
                    on: workspace
                    for: app in workspace.apps
                    where: app.data.exists(d, d in client_data)
                    require: has(app.provider) && app.provider.custody == "byos"
                    message: "app {app.id} uses {app.provider.custody}"

                """
        default:
            text += """
                  - id: r\(index)-\(rule)
                    on: usage
                    require: event_org != null && size(event_org.billing.accounts) > 0
                    message: "event {event.id} is not attributable"
                    enforcement: audit

                """
        }
    }
    return text
}


let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let policyCount = arguments.first ?? 1_000
let rulesPerPolicy = arguments.dropFirst().first ?? 10
let runs = arguments.dropFirst(2).first ?? 3
let files = (0..<policyCount).map { SourceFile(path: "generated-\($0).yaml", text: policyText($0, rules: rulesPerPolicy)) }
let bytes = files.reduce(0) { $0 + $1.bytes.count }
guard let today = CalendarDate(year: 2026, month: 11, day: 22) else { exit(2) }

var best: (load: Double, compile: Double) = (.infinity, .infinity)
for _ in 0..<runs {
    let start = cpuSeconds()
    var loaded = PolicySetLoader.Result()
    for file in files { PolicySetLoader.load(file: file, into: &loaded) }
    let afterLoad = cpuSeconds()
    let (set, diagnostics) = PolicyCompiler(today: today).compile(loaded.documents)
    let end = cpuSeconds()
    guard let set, !diagnostics.contains(where: { $0.severity == .error }) else {
        print("the generated set does not compile:")
        print(diagnostics.first.map { DiagnosticPrinter().render($0) } ?? "no set")
        exit(1)
    }
    precondition(set.rules.count == policyCount * rulesPerPolicy)
    if afterLoad - start + end - afterLoad < best.load + best.compile { best = (afterLoad - start, end - afterLoad) }
}
let total = best.load + best.compile
let rules = Double(policyCount * rulesPerPolicy)
print("policies: \(policyCount) × \(rulesPerPolicy) rules = \(Int(rules)) rules, \(bytes / 1024) KiB of YAML; best of \(runs) runs, CPU time")
print("  load (YAML + decode):       \(fixed(best.load, 3)) s")
print("  compile (check + plan):     \(fixed(best.compile, 3)) s")
print("  total:                      \(fixed(total, 3)) s   (\(fixed(total / rules * 1e6, 3)) µs per rule; goal: < 1 s in all)")

