// bench-eval: throughput of `bylaw eval`'s stages against the line-splitting floor, in one run
// on the same data. Release mode: `swift run -c release bench-eval [N…]`.
//
//   bench-eval                   100k and 1M events: the table below
//   bench-eval 250000 …          other sizes
//   bench-eval generate N PATH   write the deterministic stream of N events to PATH
//   bench-eval run STAGE PATH    one stage (its row number, from 1) over PATH ('-': stdin), once,
//                                in this process alone: for profilers, and for peak RSS
//   bench-eval memory [N…]       peak RSS of the full evaluation in a fresh process per stream
//                                length (default 100k and 10M events, piped: no file on disk)
//   bench-eval random [SEED…] [--events N] [--instructions]
//                                made-up workspaces, rules and streams (RandomMix.swift): events/s
//                                on 1 and 2 threads, findings, instructions per event (callgrind)
//   bench-eval random-files SEED N DIR   one made-up mix as files, for `bylaw eval`
//
// Run from the package root: the evaluation stages read Policies/ and
// Examples/workspaces/acme.yaml. Each stage is a row; to add one append a `Stage` to `stages`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BenchSupport
import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import BylawSource

// MARK: - Deterministic generator


/// Events of an "Acme" workspace in assigned mode (orgs `us`, `eu` and children), about 360
/// bytes each, with the mix of kinds, scopes, apps and classifications the policies look at.
struct EventGenerator {
    var random = SplitMix64(state: 0xB71A_0001)
    let users = ["alice", "bob", "carol", "dave"] + (1...200).map { "user-\($0 < 10 ? "00" : $0 < 100 ? "0" : "")\($0)" }
    let orgs = ["us", "us-legal", "us-sales", "eu", "eu-research", "eu-finance"]
    let apps: [(id: String, kind: String, provider: String, model: String)] = [
        ("workspace-chat", "company", "openai-byos", "gpt-4o"), ("workspace-chat", "company", "openai-byos", "gpt-4o-mini"),
        ("research-assistant", "company", "together-byos", "llama-3.1-70b"), ("chat-free", "consumer-chat", "vendor-pool", "free-tier"),
        ("code-helper", "company", "groq-byos", "mixtral-8x7b"),
    ]
    let classifications = ["public", "internal", "internal", "client", "patient", "account-number"]
    let artifactTypes = ["pdf", "spreadsheet", "text", "image", "email"]
    let categories = ["drafting", "research", "contract-review", "summarising", "translation", "coding", "analysis"]

    mutating func event(_ number: Int, into out: inout [UInt8]) {
        let kindRoll = random.below(100)
        let kind = kindRoll < 60 ? "prompt" : kindRoll < 90 ? "upload" : "share"
        let user = random.pick(users)
        let org = random.pick(orgs)
        let app = random.pick(apps)
        let eu = org.hasPrefix("eu")
        let seconds = 1_772_409_600 + number * 7 + random.below(7)
        let (day, rest) = (seconds / 86_400 - 20_514, seconds % 86_400)
        var line = "{\"id\":\"evt-\(pad(number, 9))\",\"time\":\"2026-03-\(pad(2 + day % 27, 2))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2)).\(pad(random.below(1000), 3))Z\","
        line += "\"kind\":\"\(kind)\",\"user\":\"\(user)\",\"org\":\"\(org)\",\"scope\":\"\(random.below(4) == 0 ? "private" : "org")\","
        line += "\"app\":\"\(app.id)\",\"provider\":\"\(app.provider)\",\"model\":\"\(app.model)\","
        let tokensIn = 50 + random.below(4000)
        let tokensOut = random.below(1500)
        let cents = (tokensIn + tokensOut * 3) * (1 + random.below(5))
        line += "\"tokens\":{\"in\":\(tokensIn),\"out\":\(tokensOut)},\"cost\":{\"amount\":0.\(pad(cents % 100_000, 5)),\"currency\":\"\(eu ? "EUR" : "USD")\"},"
        line += "\"subscription\":\"sub-\(eu ? "eu" : "us")-\(app.id)\""
        if kind != "prompt" {
            line += ",\"artifact\":{\"type\":\"\(random.pick(artifactTypes))\",\"classification\":\"\(random.pick(classifications))\"}"
            line += ",\"destination\":{\"kind\":\"\(app.kind)\",\"app\":\"\(app.id)\"}"
        }
        if kind == "share" {
            line += ",\"target\":{\"scope\":\"\(random.below(3) == 0 ? "private" : "org")\",\"org\":\"\(random.pick(orgs))\",\"user\":\"\(random.pick(users))\"}"
        } else {
            line += ",\"category\":\"\(random.pick(categories))\""
        }
        line += "}\n"
        out.append(contentsOf: line.utf8)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Writes `count` events of the acme generator to `path`; returns the byte count.
func generate(count: Int, path: String) -> Int {
    var generator = EventGenerator()
    return writeEvents(count: count, path: path) { generator.event($0, into: &$1) }
}

/// Writes events `1...count`, each appended by `event`, to `path` in blocks of about 1 MiB;
/// returns the byte count.
func writeEvents(count: Int, path: String, _ event: (Int, inout [UInt8]) -> Void) -> Int {
    guard let file = fopen(path, "wb") else {
        warn("bench-eval: cannot write \(path)\n")
        exit(2)
    }
    defer { fclose(file) }
    var block: [UInt8] = []
    block.reserveCapacity(1 << 20)
    var total = 0
    for number in 1...max(1, count) {
        event(number, &block)
        if block.count >= (1 << 20) - 1024 || number == count {
            total += block.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            block.removeAll(keepingCapacity: true)
        }
    }
    return total
}

// MARK: - Stages

/// One row of the table: a name, and a run over the file returning the number of lines seen.
struct Stage {
    let name: String
    let run: (String) throws -> Int
}

/// The floor: read(2) in 1 MiB chunks and count newlines with memchr.
func splitFloor(_ path: String) -> Int {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return 0 }
    defer { close(descriptor) }
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
    defer { buffer.deallocate() }
    var lines = 0
    while true {
        let count = read(descriptor, buffer, 1 << 20)
        if count <= 0 { break }
        var cursor = UnsafeMutableRawPointer(buffer)
        var left = count
        while left > 0, let found = memchr(cursor, 0x0A, left) {
            lines += 1
            left -= cursor.distance(to: found) + 1
            cursor = found + 1
        }
    }
    return lines
}

func readerOnly(_ path: String) throws -> Int {
    let reader = try UsageStreamReader(path: path)
    var bytes = 0
    try reader.forEachLine { bytes &+= $0.bytes.count }
    return reader.linesRead
}

func scanStage(_ fields: UsageEventFields) -> (String) throws -> Int {
    { path in
        let reader = try UsageStreamReader(path: path)
        var scanner = UsageEventScanner(fields: fields)
        var event = UsageEvent()
        var events = 0
        var malformed = 0
        try reader.forEachLine { line in
            switch scanner.scan(line, into: &event) {
            case .event: events += 1
            case .blank: break
            case .malformed: malformed += 1
            }
        }
        if malformed > 0 { warn("bench-eval: \(malformed) malformed lines in generated data\n") }
        return events
    }
}

/// The fields six typical usage rules read.
let ruleFields = UsageEventFields([
    .kind, .user, .org, .scope, .app, .artifactClassification, .destinationKind, .destinationApp, .targetScope, .targetOrg, .costCurrency,
])

/// A workspace like Examples/workspaces/acme.yaml that knows every org, app and user the
/// generator uses, so that findings are the exception (as in a real stream), not every other event.
let benchWorkspace = """
    workspace: acme-bench
    billing:
      mode: assigned
      accounts:
        - {id: acme-us, currency: USD, owner: finance-us@acme.example}
        - {id: acme-eu, currency: EUR, owner: finance-eu@acme.example}
    subscriptions:
      - {id: sub-us-workspace-chat, account: acme-us, resource: seats, quantity: 200}
      - {id: sub-eu-workspace-chat, account: acme-eu, resource: seats, quantity: 80}
      - {id: sub-us-research-assistant, account: acme-us, resource: credits, quantity: 100}
      - {id: sub-eu-research-assistant, account: acme-eu, resource: credits, quantity: 100}
      - {id: sub-us-chat-free, account: acme-us, resource: seats, quantity: 10}
      - {id: sub-eu-chat-free, account: acme-eu, resource: seats, quantity: 10}
      - {id: sub-us-code-helper, account: acme-us, resource: seats, quantity: 10}
      - {id: sub-eu-code-helper, account: acme-eu, resource: seats, quantity: 10}
    orgs:
      - {id: us, name: Acme US, billing_account: acme-us}
      - {id: us-legal, name: US Legal, parent: us}
      - {id: us-sales, name: US Sales, parent: us}
      - {id: eu, name: Acme EU, billing_account: acme-eu}
      - {id: eu-research, name: EU Research, parent: eu}
      - {id: eu-finance, name: EU Finance, parent: eu}
    users:
      - {id: alice, email: alice@acme.example, org: us-legal, status: active}
      - {id: bob, email: bob@acme.example, org: eu, status: active}
      - {id: carol, email: carol@acme.example, org: eu-research, status: active}
      - {id: dave, email: dave@acme.example, org: us-sales, status: offboarded, offboarded_on: 2026-02-28}
    providers:
      - {id: openai-byos, vendor: OpenAI, custody: byos, training_opt_out: true}
      - {id: together-byos, vendor: Together, custody: byos, training_opt_out: true}
      - {id: groq-byos, vendor: Groq, custody: byos, training_opt_out: true}
      - {id: vendor-pool, vendor: Free, custody: shared-login, training_opt_out: false}
    apps:
      - {id: workspace-chat, kind: company, owner: alice, provider: openai-byos, data: [public, internal, client, patient, account-number]}
      - {id: research-assistant, kind: company, owner: carol, provider: together-byos, data: [public, internal, client, patient, account-number]}
      - {id: code-helper, kind: company, owner: alice, provider: groq-byos, data: [public, internal, client, patient, account-number]}
      - {id: chat-free, kind: consumer-chat, owner: carol, provider: vendor-pool, data: [public, internal]}

    """

/// The shipped policies, compiled once.
let shippedPolicies: PolicySet? = {
    guard let today = CalendarDate(year: 2026, month: 6, day: 1) else { return nil }
    return PolicySetLoader.compile(paths: ["Policies"], today: today).set
}()

/// The full evaluation: reader, scanner, every shipped usage rule, ndjson written for each
/// finding into a sink that only counts its bytes (as `bylaw eval --format ndjson > /dev/null`).
func evaluateStage(workspace: @escaping () -> Workspace?, shortcuts: StreamEvaluator.Shortcuts = .all) -> (String) throws -> Int {
    { path in
        guard let set = shippedPolicies, let model = workspace() else {
            warn("bench-eval: run from the package root (Policies/, Examples/workspaces/acme.yaml)\n")
            exit(2)
        }
        var written = 0
        let sink = NDJSONReport(output: { written &+= $0.utf8.count }, bytes: { written &+= $0.count })
        var evaluator = StreamEvaluator(policies: set, workspace: WorkspaceGraph(model))
        evaluator.shortcuts = shortcuts
        let reader = try UsageStreamReader(path: path)
        var tally = RunTally()
        var attribution: Attribution?
        let counts = try evaluator.evaluate(
            reader, streamPath: path, tally: &tally, attribution: &attribution, callbacks: .init(finding: sink.emit, violation: { sink.emit($0) }, diagnostic: sink.emit))
        sink.finish(summary: .object([("findings", .int(Int64(tally.findings)))]))
        lastFindings = tally.findings
        return counts.lines
    }
}

nonisolated(unsafe) var lastFindings = 0

let acmeWorkspace = { WorkspaceLoader.load(path: "Examples/workspaces/acme.yaml").workspace }
let benchWorkspaceModel = { WorkspaceLoader.load(SourceFile(path: "bench-workspace.yaml", text: benchWorkspace)).workspace }

let stages = [
    Stage(name: "split lines (floor)", run: splitFloor),
    Stage(name: "reader", run: readerOnly),
    Stage(name: "reader + scan (rule fields)", run: scanStage(ruleFields)),
    Stage(name: "reader + scan (all fields)", run: scanStage(.all)),
    Stage(name: "eval + ndjson, acme.yaml", run: evaluateStage(workspace: acmeWorkspace)),
    Stage(name: "eval + ndjson, bench ws", run: evaluateStage(workspace: benchWorkspaceModel)),
    Stage(name: "eval, no shortcuts, acme", run: evaluateStage(workspace: acmeWorkspace, shortcuts: [])),
]

// MARK: - Measurement

/// Writes a message to standard error.
func warn(_ message: String) {
    var text = message
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}






func benchmark(sizes: [Int], stages: [Stage]) throws {
    let directory = String(cString: getenv("TMPDIR") ?? strdup("/tmp"))
    print("bench-eval: one core, best of 3 runs. Rates use CPU time (user + system) so that other processes")
    print("sharing the core do not count; 'wall' is the elapsed time's rate. Peak RSS is the process's high-water mark so far.")
    print(pad("events", 10) + pad("stage", 30) + pad("events/s", 14, right: true) + pad("wall ev/s", 12, right: true)
        + pad("MB/s", 10, right: true) + pad("ns/event", 10, right: true) + pad("peak RSS", 12, right: true))
    for size in sizes {
        let path = "\(directory)/bylaw-bench-\(getpid())-\(size).ndjson"
        let bytes = generate(count: size, path: path)
        defer { unlink(path) }
        for stage in stages {
            var best = Double.infinity
            var bestWall = Double.infinity
            var seen = 0
            for _ in 0..<3 {
                let start = now()
                let startCPU = cpuSeconds()
                seen = try stage.run(path)
                best = min(best, max(cpuSeconds() - startCPU, 1e-6))
                bestWall = min(bestWall, now() - start)
            }
            if seen != size { warn("bench-eval: \(stage.name) saw \(seen) lines, expected \(size)\n") }
            let findings = stage.name.hasPrefix("eval") ? "  (\(fixed(Double(lastFindings) / Double(size) * 100, 0))% findings)" : ""
            let rate = Double(size) / best
            print(pad(String(size), 10) + pad(stage.name, 30) + pad(fixed(rate / 1e6, 2) + " M", 14, right: true)
                + pad(fixed(Double(size) / bestWall / 1e6, 2) + " M", 12, right: true)
                + pad(fixed(Double(bytes) / best / 1e6, 0), 10, right: true) + pad(fixed(best / Double(size) * 1e9, 1), 10, right: true)
                + pad(fixed(peakRSSMiB(), 1) + " MiB", 12, right: true) + findings)
        }
        print(pad("", 10) + "(\(fixed(Double(bytes) / Double(size), 1)) bytes/event, \(fixed(Double(bytes) / 1e6, 1)) MB)")
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "generate" {
    guard arguments.count == 3, let count = Int(arguments[1]), count > 0 else {
        warn("usage: bench-eval generate N PATH\n")
        exit(2)
    }
    let bytes = generate(count: count, path: arguments[2])
    // On stderr: the stream itself may be going to stdout.
    warn("wrote \(count) events, \(bytes) bytes, to \(arguments[2])\n")
} else if arguments.first == "run" {
    guard arguments.count == 3, let row = Int(arguments[1]), row >= 1, row <= stages.count else {
        warn("usage: bench-eval run STAGE PATH   (STAGE: 1-\(stages.count))\n")
        exit(2)
    }
    do {
        let start = now()
        let startCPU = cpuSeconds()
        let lines = try stages[row - 1].run(arguments[2])
        let seconds = max(cpuSeconds() - startCPU, 1e-6)
        let wall = now() - start
        print("\(stages[row - 1].name): \(lines) lines, CPU \(fixed(seconds, 3)) s (\(fixed(Double(lines) / seconds / 1e6, 2)) M lines/s), wall \(fixed(wall, 3)) s, peak RSS \(fixed(peakRSSMiB(), 1)) MiB")
    } catch {
        warn("bench-eval: \(error)\n")
        exit(2)
    }
} else if arguments.first == "random" || arguments.first == "random-run" {
    do {
        try arguments.first == "random" ? randomMode(Array(arguments.dropFirst())) : randomRun(Array(arguments.dropFirst()))
    } catch {
        warn("bench-eval: \(error)\n")
        exit(2)
    }
} else if arguments.first == "random-files" {
    randomFiles(Array(arguments.dropFirst()))
} else if arguments.first == "memory" {
    // One fresh process per length, the stream piped in: each process's own peak RSS.
    let sizes = arguments.dropFirst().compactMap { Int($0) }.filter { $0 > 0 }
    let executable = CommandLine.arguments[0]
    let row = stages.firstIndex { $0.name.hasPrefix("eval + ndjson, acme") }.map { $0 + 1 } ?? 5
    print("bench-eval memory: full evaluation (\(stages[row - 1].name)) in a fresh process per stream length, piped from the generator")
    for size in sizes.isEmpty ? [100_000, 10_000_000] : sizes {
        print(pad(String(size), 10) + " events: ", terminator: "")
        fflush(nil)
        _ = system("'\(executable)' generate \(size) /dev/stdout 2>/dev/null | '\(executable)' run \(row) -")
    }
} else {
    let sizes = arguments.compactMap { Int($0) }.filter { $0 > 0 }
    do {
        try benchmark(sizes: sizes.isEmpty ? [100_000, 1_000_000] : sizes, stages: stages)
    } catch {
        warn("bench-eval: \(error)\n")
        exit(2)
    }
}
