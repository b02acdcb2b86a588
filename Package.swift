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
//   → bylaw (the CLI, no logic of its own)
import PackageDescription

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
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
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
        .executableTarget(
            name: "bylaw",
            dependencies: [
                "BylawSource", "BylawYAML", "CEL", "BylawPolicy", "BylawModel", "BylawEval", "BylawReport", "CBylawBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
        .executableTarget(name: "fuzz-workspace", dependencies: ["FuzzSupport", "BylawSource", "BylawModel"], path: "Sources/Fuzz/FuzzWorkspace"),
        .executableTarget(
            name: "fuzz-handbook", dependencies: ["FuzzSupport", "BylawSource", "BylawPolicy", "BylawReport"], path: "Sources/Fuzz/FuzzHandbook"),
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
    ]
)
