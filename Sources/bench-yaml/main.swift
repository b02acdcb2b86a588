// Throughput of BylawYAML's composer against a bare libyaml event loop over the same bytes.
//
//   swift run -c release bench-yaml [megabytes] [runs]
//
// Generates a deterministic workspace-like YAML file (orgs, users, apps, policies: nested
// mappings and sequences, plain, quoted, block and flow scalars, some multi-byte text), then
// times (a) parsing every libyaml event and deleting it, (b) YAMLLoader.load, best of N runs
// of this thread's CPU time (robust on a shared machine). Prints the ratio of (a) to (b).
import BenchSupport
import BylawSource
import BylawYAML
import CLibYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


func workspaceYAML(targetBytes: Int) -> [UInt8] {
    var random = SplitMix64(state: 42)
    let words = ["alpha", "billing", "silo", "pooled", "assigned", "Données", "client", "日本", "usage", "policy", "ideation", "legal"]
    let kinds = ["company", "consumer-chat"]
    var out = "workspace:\n  name: \"Example Workspace\"\n  billing: assigned\norgs:\n"
    out.reserveCapacity(targetBytes + 4096)
    var index = 0
    while out.utf8.count < targetBytes {
        let id = "org-\(index)"
        out += "  - id: \(id)\n"
        out += "    title: '\(random.pick(words)) \(random.pick(words)) org''s \(index)'\n"
        out += "    parent: \(index > 0 && random.next() % 3 == 0 ? "org-\(Int(random.next() % UInt64(index)))" : "null")\n"
        out += "    billing_account: acct-\(random.next() % 500)\n"
        out += "    currency: \(random.pick(["EUR", "USD", "JPY"]))\n"
        out += "    seats: \(random.next() % 10_000)\n"
        out += "    budget: \(Double(random.next() % 1_000_000) / 100)\n"
        out += "    active: \(random.next() % 2 == 0 ? "true" : "false")\n"
        out += "    tags: [\(random.pick(words)), \(random.pick(words)), \"\(random.pick(words))\"]\n"
        out += "    users:\n"
        for user in 0..<Int(random.next() % 6 + 1) {
            out += "      - {name: user\(index)-\(user), status: \(random.pick(["active", "offboarded"])), scope: \(random.pick(["private", "org"]))}\n"
        }
        out += "    apps:\n"
        for app in 0..<Int(random.next() % 3 + 1) {
            out += "      - name: app-\(app)\n        kind: \(random.pick(kinds))\n        owner: \"owner\(app)@example.com\"\n"
            out += "        allowed: [public, internal]\n"
        }
        out += "    notes: |\n      \(random.pick(words)) notes for \(id), with é and 日本.\n      Second line \(random.next() % 1000).\n"
        out += "    summary: >\n      Folded \(random.pick(words)) text\n      continues here.\n"
        index += 1
    }
    return Array(out.utf8)
}

/// Parses every event of `bytes` with libyaml and deletes it; returns the event count.
func bareEventLoop(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { parser.deallocate(); event.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return -1 }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
        var count = 0
        while yaml_parser_parse(parser, event) == 1 {
            count += 1
            let done = event.pointee.type == YAML_STREAM_END_EVENT
            yaml_event_delete(event)
            if done { return count }
        }
        return -1
    }
}




func best(runs: Int, _ body: () -> Int) -> (seconds: Double, result: Int) {
    var bestSeconds = Double.infinity
    var result = 0
    for _ in 0..<runs {
        let start = threadCPUSeconds()
        result = body()
        bestSeconds = min(bestSeconds, threadCPUSeconds() - start)
    }
    return (bestSeconds, result)
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let megabytes = arguments.first ?? 32
let runs = arguments.dropFirst().first ?? 5
let bytes = workspaceYAML(targetBytes: megabytes << 20)
let file = SourceFile(path: "bench.yaml", bytes: bytes)
let size = Double(bytes.count) / 1_048_576
print("input: \(fixed(size, 1)) MiB, best of \(runs) runs, CPU time")

// What both sides time: the same bytes, libyaml set up the same way (UTF-8, one input string),
// parsing every event and freeing each (libyaml's own transient allocations) inside the clock.
// Neither side's result is freed inside the clock: the bare loop's is a count, the composer's a
// tree its caller keeps; freeing the tree is timed apart and shown in a second ratio.
// BENCH_ONLY=load skips the bare loop, for profiling the composer alone; BENCH_ONLY=bare skips
// the composer, for profiling libyaml alone (cache misses, say, against the composer's run).
let only = getenv("BENCH_ONLY").map { String(cString: $0) }
let loadOnly = only == "load"
let bareOnly = only == "bare"
// The two sides alternate, run by run, so that both meet the same load from the machine's
// other users; each keeps its best run.
var bareSeconds = Double.infinity
var events = 0
var composedSeconds = Double.infinity
var freeSeconds = Double.infinity
var kernelSeconds = Double.infinity
var documents = 0
for _ in 0..<runs {
    if !loadOnly {
        let bare = best(runs: 1) { bareEventLoop(bytes) }
        bareSeconds = min(bareSeconds, bare.seconds)
        events = bare.result
    }
    if bareOnly { continue }
    let kernelStart = kernelCPUSeconds()
    let start = threadCPUSeconds()
    var result: YAMLLoadResult? = YAMLLoader.load(file)
    let loaded = threadCPUSeconds()
    kernelSeconds = min(kernelSeconds, kernelCPUSeconds() - kernelStart)
    documents = result?.diagnostics.isEmpty == true ? result?.documents.count ?? 0 : -1
    result = nil
    let freed = threadCPUSeconds()
    composedSeconds = min(composedSeconds, loaded - start)
    freeSeconds = min(freeSeconds, freed - loaded)
}
if !loadOnly { print("libyaml event loop: \(fixed(size / bareSeconds, 1)) MB/s  (\(events) events, \(fixed(bareSeconds, 3)) s)") }
if !bareOnly { print("YAMLLoader.load:    \(fixed(size / composedSeconds, 1)) MB/s  (\(documents) document(s), \(fixed(composedSeconds, 3)) s; in the kernel: \(fixed(kernelSeconds, 3)) s; freeing the tree: \(fixed(freeSeconds, 3)) s; \(MemoryLayout<YAMLNode>.stride) bytes a node)") }
if !loadOnly, !bareOnly {
    print("ratio: \(fixed(100 * bareSeconds / composedSeconds, 1))% of bare libyaml throughput (target ≥ 70%)")
    print("ratio counting the tree's freeing too: \(fixed(100 * bareSeconds / (composedSeconds + freeSeconds), 1))%")
}
