// swift-tools-version: 6.1
// Bylaw: a policy-as-code compiler for AI workspaces.
//
// The targets follow the pipeline, each depending only on the stages before it:
//   BylawSource (files, ranges, diagnostics)
//   → BylawYAML (our composer over libyaml events)      CEL (standalone CEL: parse, check, plan, eval)
//   → BylawSchema (the domain's types and fields, declared once: docs/schema-table.md)
//   → BylawPolicy (policy documents, the schema as CEL types, compiler)
//   → BylawModel (workspace configs → resolved graph; usage event scanner)
//   → BylawEval (workspace and stream evaluation, findings)
//   → BylawReport (text, json, ndjson, sarif, junit, github printers)
//   → BylawReload (loading, watching and reloading policies and a workspace: serve and consume share it)
//   → BylawServe (the HTTP decision API over HummingbirdCore: routes, decision log, metrics)
//   → BylawStudio (the local web app over the same HTTP stack: policies, tests, handbook, try it, dry-run)
//   → BylawStreams (the NATS JetStream member and publisher over CNATS, Debian's libnats; no NIO)
//   → bylaw (the CLI, no logic of its own)
import PackageDescription

// `BYLAW_WITHOUT_TLS=1` builds `bylaw serve` without TLS: the sanitizer runs of CI set it, since
// swift-nio-ssl's BoringSSL (C code that is not ours) would take most of each instrumented build.
let withTLS = Context.environment["BYLAW_WITHOUT_TLS"] == nil
// `BYLAW_WITHOUT_SERVERS=1` builds the offline tool alone: `bylaw` without `serve`, `studio`,
// `consume`, `publish` and `read`, and none of their libraries (the HTTP stack, NATS) or test
// suites. The ThreadSanitizer run of CI sets it: it tests the CLI, CEL and evaluation, and the
// server stack would be most of its build.
let withServers = Context.environment["BYLAW_WITHOUT_SERVERS"] == nil

let package = Package(
    name: "Bylaw",
    products: [
        .library(
            name: "Bylaw",
            targets: ["BylawSource", "BylawYAML", "CEL", "BylawSchema", "BylawPolicy", "BylawModel", "BylawEval", "BylawReport"]
        ),
        .library(name: "CEL", targets: ["CEL"]),
        .executable(name: "bylaw", targets: ["bylaw"]),
        .executable(name: "cel-conformance", targets: ["cel-conformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ] + (withServers ? serverPackages : []),
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Debian's NATS C client: `bylaw consume`, `publish` and `read` (only BylawStreams touches it).
        .systemLibrary(
            name: "CNATS",
            pkgConfig: "libnats",
            providers: [.apt(["libnats-dev"])]
        ),
        // glibc's mallopt, which the Glibc module does not export (`bylaw eval --jobs` keeps freed blocks for reuse).
        .systemLibrary(name: "CMallocTuning", path: "Sources/CMallocTuning"),
        // The commit and compiler a release build records (scripts/release writes them into a header it adds with -Xcc -I).
        .target(name: "CBylawBuildInfo"),
        .target(name: "EditDistance"),
        .target(name: "BylawSource", dependencies: ["EditDistance"]),
        .target(name: "BylawYAML", dependencies: ["BylawSource", "CLibYAML"]),
        .target(name: "CEL", dependencies: ["EditDistance"]),
        .target(name: "BylawSchema", dependencies: ["BylawSource"]),
        .target(name: "BylawPolicy", dependencies: ["BylawSource", "BylawYAML", "CEL", "BylawSchema"]),
        .target(name: "BylawModel", dependencies: ["BylawSource", "BylawYAML", "BylawSchema"]),
        .target(name: "BylawEval", dependencies: ["BylawSource", "BylawYAML", "CEL", "BylawSchema", "BylawPolicy", "BylawModel"]),
        .target(name: "BylawReport", dependencies: ["BylawSource", "BylawYAML", "BylawPolicy", "BylawModel", "BylawEval"]),
        .target(name: "BylawReload", dependencies: ["BylawSource", "BylawYAML", "CEL", "BylawPolicy", "BylawModel"]),
        .executableTarget(
            name: "bylaw",
            dependencies: [
                "BylawSource", "BylawYAML", "CEL", "BylawPolicy", "BylawModel", "BylawEval", "BylawReport", "BylawReload", "CBylawBuildInfo", "CMallocTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + (withServers ? ["BylawServe", "BylawStreams", "BylawStudio", .product(name: "Logging", package: "swift-log")] : []),
            swiftSettings: withServers ? [.define("BYLAW_SERVERS")] : []
        ),
        .target(name: "CELConformance", dependencies: ["CEL"]),
        .executableTarget(name: "cel-conformance", dependencies: ["CEL", "CELConformance"]),
        // Benchmarks: release-mode executables that print figures (`swift run -c release bench-…`).
        .target(name: "BenchSupport"),
        .executableTarget(name: "bench-yaml", dependencies: ["BenchSupport", "BylawSource", "BylawYAML", "CLibYAML"]),
        .executableTarget(name: "bench-cel", dependencies: ["CEL"]),
        .executableTarget(name: "bench-compile", dependencies: ["BenchSupport", "BylawSource", "BylawYAML", "CEL", "BylawPolicy"]),
        .executableTarget(name: "bench-lint", dependencies: ["BenchSupport", "BylawSource", "BylawYAML", "CEL", "BylawPolicy", "BylawModel", "BylawEval"]),
        .executableTarget(
            name: "bench-eval",
            dependencies: ["BenchSupport", "BylawSource", "BylawYAML", "CEL", "BylawPolicy", "BylawModel", "BylawEval", "BylawReport"]
        ),
        // Fuzz targets (Sources/Fuzz/, docs/fuzzing.md). `scripts/fuzz` builds them with libFuzzer
        // and AddressSanitizer (`-sanitize=fuzzer,address -DBYLAW_FUZZING`); the normal build
        // compiles them as replay tools that run the target once on each file given.
        .systemLibrary(name: "CLibFuzzer", path: "Sources/Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], path: "Sources/Fuzz/FuzzSupport"),
        .executableTarget(name: "fuzz-yaml", dependencies: ["FuzzSupport", "BylawSource", "BylawYAML"], path: "Sources/Fuzz/FuzzYAML"),
        .executableTarget(name: "fuzz-policy", dependencies: ["FuzzSupport", "BylawSource", "BylawPolicy"], path: "Sources/Fuzz/FuzzPolicy"),
        .executableTarget(name: "fuzz-cel", dependencies: ["FuzzSupport", "CEL"], path: "Sources/Fuzz/FuzzCEL"),
        .executableTarget(name: "fuzz-stream", dependencies: ["FuzzSupport", "BylawModel"], path: "Sources/Fuzz/FuzzStream"),
        .executableTarget(name: "fuzz-workspace", dependencies: ["FuzzSupport", "BylawSource", "BylawYAML", "BylawModel"], path: "Sources/Fuzz/FuzzWorkspace"),
        .executableTarget(
            name: "fuzz-simple-items", dependencies: ["FuzzSupport", "BylawSource", "BylawYAML", "BylawModel"],
            path: "Sources/Fuzz/FuzzSimpleItems"),
        .executableTarget(
            name: "fuzz-handbook", dependencies: ["FuzzSupport", "BylawSource", "BylawPolicy", "BylawReport"], path: "Sources/Fuzz/FuzzHandbook"),
        // What the test targets that run processes share (their environment, scratch folders).
        .target(name: "BylawTestSupport", path: "Tests/BylawTestSupport"),
        .testTarget(name: "BylawSourceTests", dependencies: ["BylawSource", "EditDistance"]),
        .testTarget(name: "BylawYAMLTests", dependencies: ["BylawYAML", "BylawSource"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CELTests", dependencies: ["CEL"]),
        .testTarget(name: "CELConformanceTests", dependencies: ["CEL", "CELConformance"], resources: [.copy("Baselines")]),
        .testTarget(name: "BylawSchemaTests", dependencies: ["BylawSchema"]),
        .testTarget(name: "BylawPolicyTests", dependencies: ["BylawPolicy", "BylawSchema", "BylawYAML", "BylawSource", "CEL"]),
        .testTarget(name: "BylawModelTests", dependencies: ["BylawModel", "BylawYAML", "BylawSource"]),
        .testTarget(name: "BylawEvalTests", dependencies: ["BylawEval", "BylawPolicy", "BylawModel", "BylawSource", "CEL"]),
        .testTarget(
            name: "BylawReportTests", dependencies: ["BylawReport", "BylawEval", "BylawPolicy", "BylawModel", "BylawYAML", "BylawSource"],
            exclude: ["Snapshots"]),
        .testTarget(name: "BylawCLITests", dependencies: ["bylaw"], exclude: ["Expected"]),
    ] + (withServers ? serverTargets : [])
)

// The packages only the servers use (left out with `BYLAW_WITHOUT_SERVERS=1`).
var serverPackages: [Package.Dependency] {
    [
        // The server (`bylaw serve`), on HummingbirdCore: Hummingbird's HTTP server without its
        // router, files and tracing, which the server does not use (its nine routes are one
        // table). Hummingbird's default traits pull in swift-configuration and full Foundation,
        // which it does not use either: turned off to keep the build short.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ]
}

// The servers' libraries and their test suites (left out with `BYLAW_WITHOUT_SERVERS=1`).
var serverTargets: [Target] {
    [
        .target(
            name: "BylawServe",
            dependencies: [
                "BylawSource", "BylawYAML", "CEL", "BylawSchema", "BylawPolicy", "BylawModel", "BylawEval", "BylawReport", "BylawReload",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ] + (withTLS ? [.product(name: "HummingbirdTLS", package: "hummingbird"), .product(name: "NIOSSL", package: "swift-nio-ssl")] : [])
        ),
        .target(
            name: "BylawStreams",
            dependencies: ["BylawSource", "BylawModel", "BylawPolicy", "BylawEval", "BylawReport", "BylawReload", "CNATS"]
        ),
        .target(
            name: "BylawStudio",
            dependencies: [
                "BylawSource", "BylawYAML", "CEL", "BylawSchema", "BylawPolicy", "BylawModel", "BylawEval", "BylawReport", "BylawReload", "BylawServe",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "BylawServeTests",
            dependencies: [
                "BylawServe", "BylawSource", "BylawYAML", "BylawPolicy", "BylawModel", "BylawEval", "BylawReport", "BylawTestSupport", "bylaw",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ] + (withTLS ? [.product(name: "NIOSSL", package: "swift-nio-ssl")] : [])
        ),
        .testTarget(
            name: "BylawStreamsTests",
            dependencies: ["BylawStreams", "BylawReload", "BylawEval", "BylawModel", "BylawPolicy", "BylawReport", "BylawSource", "BylawTestSupport", "bylaw"]
        ),
        .testTarget(
            name: "BylawStudioTests",
            dependencies: [
                "BylawStudio", "BylawServe", "BylawSource", "BylawPolicy", "BylawReport", "bylaw",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Journeys"]
        ),
    ]
}
