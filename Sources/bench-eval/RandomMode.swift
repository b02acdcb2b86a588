// `bench-eval random`: events/s and instructions per event on made-up mixes (RandomMix.swift),
// one thread and two side by side in one run.
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

/// A mix compiled: its policy set and workspace.
struct CompiledMix {
    let set: PolicySet
    let workspace: Workspace

    init(_ mix: inout RandomMix) {
        var loaded = PolicySetLoader.Result()
        let policy = mix.policyYAML()
        PolicySetLoader.load(file: SourceFile(path: "random-\(mix.seed).yaml", text: policy), into: &loaded)
        let today = CalendarDate(year: 2026, month: 6, day: 1)
        let compiled = today.map { PolicyCompiler(today: $0).compile(loaded.documents) }
        let loadedWorkspace = WorkspaceLoader.load(SourceFile(path: "random-\(mix.seed)-workspace.yaml", text: mix.workspaceYAML()))
        guard let set = compiled?.set, let workspace = loadedWorkspace.workspace else {
            warn("bench-eval: the made-up mix of seed \(mix.seed) does not compile:\n")
            for diagnostic in (compiled?.diagnostics ?? []) + loadedWorkspace.diagnostics { warn("  \(diagnostic.message)\n") }
            exit(2)
        }
        self.set = set
        self.workspace = workspace
    }

    /// `bylaw eval PATH --format ndjson` into a sink that counts bytes: the lines, the findings
    /// and the events with at least one finding.
    func evaluate(_ path: String, jobs: Int) throws -> (lines: Int, findings: Int, eventsWithFindings: Int) {
        var written = 0
        let sink = EventCountingSink(NDJSONReport(output: { written &+= $0.utf8.count }, bytes: { written &+= $0.count }))
        var run = EvalRun(policies: set, workspace: WorkspaceGraph(workspace))
        run.jobs = jobs
        let result = try run.run(UsageStreamReader(path: path), streamPath: path, into: sink)
        sink.finish(result)
        guard case .stream(let counts) = result.summary.inputs else { return (0, result.summary.tally.findings, sink.events) }
        return (counts.lines, result.summary.tally.findings, sink.events)
    }
}

/// Passes everything on to an NDJSON report, counting the events that made at least one
/// finding (on one thread: with several, violations arrive as finished lines, uncounted, as
/// `bylaw eval` hands them to its report).
final class EventCountingSink: StreamViolationEncodingSink {
    let report: NDJSONReport
    private(set) var events = 0
    private var lastLine = 0

    init(_ report: NDJSONReport) {
        self.report = report
    }

    func begin(rules: [RuleDescriptor], inputs: [String]) { report.begin(rules: rules, inputs: inputs) }
    func emit(_ finding: Finding) {
        if let line = finding.event?.line, line != lastLine {
            events += 1
            lastLine = line
        }
        report.emit(finding)
    }
    func emit(_ violation: StreamViolation) {
        if violation.line != lastLine {
            events += 1
            lastLine = violation.line
        }
        report.emit(violation)
    }
    var encoderFactory: @Sendable () -> any StreamViolationEncoder { report.encoderFactory }
    func emitEncoded(_ bytes: UnsafeBufferPointer<UInt8>) { report.emitEncoded(bytes) }
    func emit(_ diagnostic: Diagnostic) { report.emit(diagnostic) }
    func finish(summary: JSONValue) { report.finish(summary: summary) }
    func finish(_ result: RunResult) { report.finish(result) }
}

/// `bench-eval random [SEED…] [--events N] [--instructions]`.
func randomMode(_ arguments: [String]) throws {
    var seeds: [UInt64] = []
    var events = 300_000
    var instructions = false
    var index = 0
    while index < arguments.count {
        switch arguments[index] {
        case "--events":
            index += 1
            events = index < arguments.count ? Int(arguments[index]) ?? events : events
        case "--instructions": instructions = true
        default:
            if let seed = UInt64(arguments[index]) { seeds.append(seed) }
        }
        index += 1
    }
    if seeds.isEmpty { seeds = [1, 2, 3, 4, 5, 6] }
    let directory = String(cString: getenv("TMPDIR") ?? strdup("/tmp"))
    print("bench-eval random: made-up workspaces, rules and streams, \(events) events each; eval + ndjson as `bylaw eval`.")
    print("1 thread: events per CPU-second, best of 3. 2 threads: events per wall-second, best of 3, beside 1 thread's wall rate.")
    print("events*: events with at least one finding; findings/ev: findings per event.")
    if instructions { print("instructions/event: callgrind, (I(2N) − I(N)) / N with N = 20,000, so compiling and start-up cancel out.") }
    print(pad("seed", 6) + pad("events*", 10, right: true) + pad("findings/ev", 13, right: true) + pad("1 thread", 12, right: true) + pad("1 wall", 10, right: true)
        + pad("2 wall", 10, right: true) + pad("2 / 1", 8, right: true) + (instructions ? pad("instr/event", 13, right: true) : ""))
    for seed in seeds {
        var mix = RandomMix(seed: seed)
        let compiled = CompiledMix(&mix)
        let path = "\(directory)/bylaw-random-\(getpid())-\(seed).ndjson"
        _ = mix.write(count: events, path: path)
        defer { unlink(path) }
        var cpu = Double.infinity
        var wall1 = Double.infinity
        var wall2 = Double.infinity
        var findings = 0
        var eventsWithFindings = 0
        for _ in 0..<3 {
            let start = now()
            let startCPU = cpuSeconds()
            (_, findings, eventsWithFindings) = try compiled.evaluate(path, jobs: 1)
            cpu = min(cpu, max(cpuSeconds() - startCPU, 1e-6))
            wall1 = min(wall1, now() - start)
            let start2 = now()
            let two = try compiled.evaluate(path, jobs: 2)
            wall2 = min(wall2, now() - start2)
            if two.findings != findings { warn("bench-eval: 2 threads found \(two.findings), 1 thread \(findings)\n") }
        }
        var row = pad(String(seed), 6) + pad(fixed(Double(eventsWithFindings) / Double(events) * 100, 0) + "%", 10, right: true)
            + pad(fixed(Double(findings) / Double(events), 2), 13, right: true)
            + pad(fixed(Double(events) / cpu / 1e6, 2) + " M", 12, right: true) + pad(fixed(Double(events) / wall1 / 1e6, 2) + " M", 10, right: true)
            + pad(fixed(Double(events) / wall2 / 1e6, 2) + " M", 10, right: true) + pad(fixed(wall1 / wall2, 2) + "×", 8, right: true)
        if instructions { row += pad(instructionsPerEvent(seed: seed, directory: directory).map { fixed($0, 0) } ?? "n/a", 13, right: true) }
        print(row)
        fflush(nil)
    }
}

/// Runs `bench-eval random-run SEED PATH` under callgrind on N and 2N events; the difference per event.
func instructionsPerEvent(seed: UInt64, directory: String) -> Double? {
    let executable = CommandLine.arguments[0]
    var totals: [Double] = []
    for count in [20_000, 40_000] {
        var mix = RandomMix(seed: seed)
        _ = mix.policyYAML()  // the same draws as the measured run, so the stream is the same
        let path = "\(directory)/bylaw-random-cg-\(getpid())-\(seed)-\(count).ndjson"
        _ = mix.write(count: count, path: path)
        defer { unlink(path) }
        let command = "valgrind --tool=callgrind --callgrind-out-file=/dev/null '\(executable)' random-run \(seed) '\(path)' 2>&1"
        guard let pipe = popen(command, "r") else { return nil }
        var output = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), pipe) != nil { output += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        guard pclose(pipe) == 0, let line = output.split(separator: "\n").first(where: { $0.contains("Collected :") }),
            let number = line.split(separator: ":").last.flatMap({ Double(String($0.filter(\.isNumber))) })
        else { return nil }
        totals.append(number)
    }
    return (totals[1] - totals[0]) / 20_000
}

/// `bench-eval random-run SEED PATH`: compile the mix of SEED and evaluate PATH once (for callgrind).
func randomRun(_ arguments: [String]) throws {
    guard arguments.count == 2, let seed = UInt64(arguments[0]) else {
        warn("usage: bench-eval random-run SEED PATH\n")
        exit(2)
    }
    var mix = RandomMix(seed: seed)
    let compiled = CompiledMix(&mix)
    _ = try compiled.evaluate(arguments[1], jobs: 1)
}

/// `bench-eval random-files SEED EVENTS DIR`: the mix's policy, workspace and stream as files, for `bylaw`.
func randomFiles(_ arguments: [String]) {
    guard arguments.count == 3, let seed = UInt64(arguments[0]), let events = Int(arguments[1]) else {
        warn("usage: bench-eval random-files SEED EVENTS DIR\n")
        exit(2)
    }
    var mix = RandomMix(seed: seed)
    let policy = mix.policyYAML()
    let directory = arguments[2]
    mkdir(directory, 0o755)
    mkdir(directory + "/policies", 0o755)
    func save(_ text: String, _ name: String) {
        guard let file = fopen(directory + "/" + name, "wb") else { return }
        fputs(text, file)
        fclose(file)
    }
    save(policy, "policies/random.yaml")
    save(mix.workspaceYAML(), "random-workspace.yaml")
    let bytes = mix.write(count: events, path: directory + "/usage.ndjson")
    warn("wrote \(directory)/policies/random.yaml, random-workspace.yaml and usage.ndjson (\(events) events, \(bytes) bytes)\n")
}
