import CEL
import Foundation

/// The outcome of one conformance file.
public struct ConformanceFileResult: Sendable {
    public var file: String
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    /// `section/test: what went wrong`.
    public var failures: [String] = []
    /// `section/test: why it was skipped`.
    public var skips: [String] = []

    public init(file: String) { self.file = file }
}

/// Runs cel-spec's `simple` conformance tests (the JSON form) against this CEL library.
public enum ConformanceRunner {
    /// The files of a directory's suite, sorted by name.
    public static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
    }

    /// Runs every test of one file.
    public static func run(file path: String) -> ConformanceFileResult {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var result = ConformanceFileResult(file: name)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let root = try? JSONParser.parse(text) else {
            result.failed += 1
            result.failures.append("\(name): cannot read or parse the file")
            return result
        }
        for section in root["section"]?.array ?? [] {
            let sectionName = section["name"]?.string ?? "?"
            for test in section["test"]?.array ?? [] {
                let label = "\(sectionName)/\(test["name"]?.string ?? "?")"
                switch runTest(test) {
                case .passed: result.passed += 1
                case .failed(let why):
                    result.failed += 1
                    result.failures.append("\(label): \(why)")
                case .skipped(let why):
                    result.skipped += 1
                    result.skips.append("\(label): \(why)")
                }
            }
        }
        return result
    }

    enum Outcome {
        case passed
        case failed(String)
        case skipped(String)
    }

    static func runTest(_ test: JSONValue) -> Outcome {
        do {
            return try runChecked(test)
        } catch {
            return .skipped(error.reason)
        }
    }

    private static func runChecked(_ test: JSONValue) throws(SkipReason) -> Outcome {
        let expr = test["expr"]?.string ?? ""
        if let container = test["container"]?.string, container.contains("proto") {
            throw SkipReason(reason: "needs protobuf messages (container \(container))")
        }
        if expr.contains("TestAllTypes") || expr.contains("google.protobuf.") && expr.contains("{") {
            throw SkipReason(reason: "needs protobuf messages")
        }
        if test["unknown"] != nil || test["any_unknowns"] != nil { throw SkipReason(reason: "unknown values are not supported") }
        var env = CELEnvironment()
        for decl in test["type_env"]?.array ?? [] {
            guard let name = decl["name"]?.string else { continue }
            if let ident = decl["ident"] {
                env.declareVariable(name, try ConformanceValues.type(ident["type"] ?? .null))
            } else {
                throw SkipReason(reason: "needs a function declaration from the test")
            }
        }
        var activationValues: [(Int, CELValue)] = []
        for binding in test["bindings"]?.array ?? [] {
            guard let name = binding["key"]?.string, let v = binding["value"]?["value"] else {
                throw SkipReason(reason: "binding without a value")
            }
            let value = try ConformanceValues.value(v)
            let slot = env.slot(of: name) ?? env.declareVariable(name, .dyn)
            activationValues.append((slot, value))
        }
        let macros = !(test["disable_macros"]?.bool ?? false)
        let ast: CELAST
        switch env.parse(expr, macros: macros) {
        case .success(let a): ast = a
        case .failure(let issues): return .failed("parse: \(issues)")
        }
        let checked: CELCheckedExpr
        if test["disable_check"]?.bool ?? false {
            checked = CELCheckedExpr(unchecked: ast)
        } else {
            switch env.check(ast) {
            case .success(let c): checked = c
            case .failure(let issues): return .failed("check: \(issues)")
            }
        }
        if let typed = test["typed_result"], let deduced = typed["deduced_type"] {
            let expectedType = try ConformanceValues.type(deduced)
            if expectedType != checked.resultType {
                return .failed("deduced type \(checked.resultType), expected \(expectedType)")
            }
        }
        if test["check_only"]?.bool ?? false { return .passed }
        let program = env.plan(checked)
        var activation = CELActivation(slotCount: env.slotCount)
        for (slot, v) in activationValues { activation[slot] = v }
        let actual = program.evaluate(activation)
        if test["eval_error"] != nil || test["any_eval_errors"] != nil {
            if case .error = actual { return .passed }
            return .failed("expected an error, got \(actual.debugText)")
        }
        let expectedJSON = test["value"] ?? test["typed_result"]?["result"]
        let expected = try expectedJSON.map { (j: JSONValue) throws(SkipReason) in try ConformanceValues.value(j) } ?? .bool(true)
        if ConformanceValues.same(expected, actual) { return .passed }
        return .failed("got \(actual.debugText), expected \(expected.debugText)")
    }
}
