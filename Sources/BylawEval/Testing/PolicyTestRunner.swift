import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML
import CEL

/// The result of one test written in a policy.
public struct PolicyTestResult: Sendable {
    public enum Outcome: Sendable {
        case passed
        /// The rules that fired differ from those expected (ids are short rule ids).
        case failed(expected: [String], fired: [String], errors: [String])
        /// The test's inputs could not be read (a broken inline workspace, a malformed event).
        case invalid([Diagnostic])
    }

    public let policyID: String
    public let test: PolicyTestDecl
    public let file: SourceFile
    public let outcome: Outcome
    /// For a failed test: why each rule that did not do what was expected fired or did not
    /// (the elements that fired or failed, or all of them, up to ``maxExplained`` per rule).
    public let explanations: [RuleExplanation]

    /// The most explanations a failed test carries per rule (one per `for:` element).
    public static let maxExplained = 10

    public var passed: Bool {
        if case .passed = outcome { return true }
        return false
    }
}

/// Runs the tests written in policies, each against its own policy's rules only.
///
/// A test with `event` runs the policy's usage rules; with `before`/`after`, its change rules;
/// otherwise its workspace rules. Usage rules without a `workspace` see an empty workspace.
///
/// A workspace given as a path is relative to the policy file and must stay inside the policy
/// file's folder or one of ``workspaceRoots`` once symbolic links are resolved: a policy cannot
/// make a test read (and print) a file elsewhere on the machine.
public struct PolicyTestRunner {
    public let set: PolicySet
    /// Folders (besides each policy file's own) that tests' workspace paths may lead into: the
    /// working directory by default.
    public var workspaceRoots: [String]
    private var workspaceCache: [String: WorkspaceLoadResult] = [:]
    private var coverage = TestCoverage()
    private let outlines = OutlineCache()
    /// The ids of the workspaces each policy's tests loaded, by policy id.
    private var idsByPolicy: [String: KnownIDs] = [:]

    /// A runner for the tests of `set`; `workspaceRoots` defaults to the working directory.
    public init(set: PolicySet, workspaceRoots: [String]? = nil) {
        self.set = set
        self.workspaceRoots = workspaceRoots ?? [TestInputPath.workingDirectory]
    }

    /// Runs every test of every policy, in file order.
    public mutating func run() -> [PolicyTestResult] {
        var results: [PolicyTestResult] = []
        for policy in set.policies {
            for test in policy.document.tests {
                let (outcome, explanations) = run(test, of: policy)
                results.append(PolicyTestResult(
                    policyID: policy.id, test: test, file: policy.document.file, outcome: outcome, explanations: explanations))
            }
        }
        return results
    }

    /// Rules no test of their policy expects to fire.
    public func uncoveredRules() -> [CompiledRule] {
        set.policies.flatMap { policy -> [CompiledRule] in
            var expected = Set<String>()
            for test in policy.document.tests {
                if case .rules(let ids) = test.expectation { expected.formUnion(ids.map(\.id)) }
            }
            return policy.rules.filter { !expected.contains($0.descriptor.ruleID) && !expected.contains($0.fullID) }
        }
    }

    /// The literals of each policy's rules that name no id of the workspaces its tests loaded
    /// (``WorkspaceIDCheck``), after ``run()``: a rule part that can hold on none of them is
    /// tested by none of them.
    public func unknownIDs() -> [Diagnostic] {
        Diagnostic.sortedForDisplay(set.policies.flatMap { policy -> [Diagnostic] in
            guard let ids = idsByPolicy[policy.id] else { return [] }
            return KnownValueCheck.diagnostics(policy, rules: policy.rules, against: .workspace(ids))
        })
    }

    /// The branches and exceptions of the rules some test expects to fire that no test run so
    /// far exercised (see ``TestCoverage``).
    public func coverageGaps() -> [CoverageGap] {
        let uncovered = Set(uncoveredRules().map(\.fullID))
        return coverage.gaps(set.rules.filter { !uncovered.contains($0.fullID) }, outlines: outlines)
    }

    private mutating func run(_ test: PolicyTestDecl, of policy: CompiledPolicy) -> (PolicyTestResult.Outcome, [RuleExplanation]) {
        var problems: [Diagnostic] = []
        let file = policy.document.file
        let workspace = test.workspace.flatMap { load($0, relativeTo: file, &problems) }
        let before = test.before.flatMap { load($0, relativeTo: file, &problems) }
        let after = test.after.flatMap { load($0, relativeTo: file, &problems) }
        for workspace in [workspace, before, after].compactMap({ $0 }) {
            idsByPolicy[policy.id, default: KnownIDs(origin: "the workspaces of this policy's tests")].insert(workspace)
        }
        var event: EventNode?
        if let eventNode = test.event {
            let node = EventNode()
            var scanner = UsageEventScanner()
            let line = eventNode.jsonValue.compact
            if case .malformed(let issue) = scanner.scan(line, into: &node.event) {
                // The compiler checked the keys and kinds; what is left (a time that is not RFC
                // 3339, a number out of range) is pointed at the value.
                let value = issue.field.flatMap { Self.node(at: $0.path, in: eventNode) } ?? eventNode
                problems.append(.error(
                    .policyInvalidTestEvent, "the test's event is not a valid usage event: \(issue.message)", in: file, at: value.range))
            }
            event = node
        }
        guard problems.isEmpty else { return (.invalid(problems), []) }
        let trigger: RuleTrigger = event != nil ? .usage : (before != nil ? .change : .workspace)
        let emptyWorkspace = trigger == .usage && workspace == nil ? Workspace.empty() : nil
        let inputs = RuleInputs(
            event: event, workspace: (workspace ?? emptyWorkspace).map(WorkspaceGraph.init),
            before: before.map(WorkspaceGraph.init), after: after.map(WorkspaceGraph.init))
        var fired: [String] = []
        var errors: [String] = []
        var evaluations: [Evaluation] = []
        for rule in policy.rules where rule.trigger == trigger {
            RuleEvaluation.visit(rule, inputs) { outcome, location, activation in
                switch outcome {
                case .fired: if !fired.contains(rule.descriptor.ruleID) { fired.append(rule.descriptor.ruleID) }
                case .failed(let failure): errors.append("\(rule.descriptor.ruleID) \(failure.message)")
                case .notApplicable, .passed, .excepted: break
                }
                let evaluation = Evaluation(rule: rule, outcome: outcome, location: trigger == .usage ? nil : location, activation: activation)
                // Coverage is read from every rule's branches on every test.
                coverage.record(evaluation.explained(policy: policy, detail: .branches, outlines: outlines))
                evaluations.append(evaluation)
            }
        }
        let expected: [String]
        switch test.expectation {
        case .allow: expected = []
        case .rules(let ids): expected = ids.map { $0.id.split(separator: "/").last.map(String.init) ?? $0.id }
        }
        if Set(expected) == Set(fired), errors.isEmpty { return (.passed, []) }
        let explanations = Self.mismatching(evaluations, expected: Set(expected), fired: Set(fired)).map {
            $0.explained(policy: policy, detail: .full, outlines: nil)
        }
        return (.failed(expected: expected, fired: fired, errors: errors), explanations)
    }

    /// One rule's outcome on one test's input (one `for:` element), kept to explain it.
    private struct Evaluation {
        let rule: CompiledRule
        let outcome: RuleOutcome
        let location: SourceSpan?
        let activation: CELActivation?

        func explained(policy: CompiledPolicy, detail: RuleExplainer.Detail, outlines: OutlineCache?) -> RuleExplanation {
            RuleExplainer.explain(rule, activation, outcome: outcome, location: location, policy: policy, detail: detail, outlines: outlines)
        }
    }

    /// The rules that did not do what the test expected: of a rule that fired unexpectedly, the
    /// elements it fired on; of one that could not be evaluated, where it failed; of one that was
    /// expected and did not fire, every element.
    private static func mismatching(_ evaluations: [Evaluation], expected: Set<String>, fired: Set<String>) -> [Evaluation] {
        var shown: [String: Int] = [:]
        return evaluations.filter { evaluation in
            let rule = evaluation.rule.descriptor.ruleID
            let relevant: Bool
            switch evaluation.outcome {
            case .failed: relevant = true
            case .fired: relevant = !expected.contains(rule)
            case .notApplicable, .passed, .excepted: relevant = expected.contains(rule) && !fired.contains(rule)
            }
            guard relevant, shown[rule, default: 0] < PolicyTestResult.maxExplained else { return false }
            shown[rule, default: 0] += 1
            return true
        }
    }

    private mutating func load(_ source: PolicyTestDecl.WorkspaceSource, relativeTo file: SourceFile, _ problems: inout [Diagnostic]) -> Workspace? {
        let result: WorkspaceLoadResult
        switch source {
        case .inline(let node):
            result = WorkspaceLoader.load(node, file: file)
        case .file(let path, let range):
            // Diagnostics name the path as written from the policy's folder; the check uses the
            // real path.
            let resolved = Self.resolve(path, relativeTo: file.path)
            switch TestInputPath.resolve(path, policyPath: file.path, roots: workspaceRoots) {
            case .success: break
            case .failure(.absolute):
                problems.append(.error(
                    .policyInvalidTestInput, "the test's workspace path '\(path)' is absolute; it must be relative to the policy file",
                    in: file, at: range))
                return nil
            case .failure(.missing):
                problems.append(.error(
                    .policyInvalidTestInput,
                    "cannot read the test's workspace '\(path)' (looked for \(resolved))", in: file, at: range))
                return nil
            case .failure(.outside(let real)):
                problems.append(.error(
                    .policyInvalidTestInput,
                    "the test's workspace '\(path)' leads outside the policy's folder and the working directory (to \(real))",
                    in: file, at: range, hint: "keep test workspaces inside the project"))
                return nil
            }
            if let cached = workspaceCache[resolved] {
                result = cached
            } else {
                result = Self.loadWorkspaceFile(resolved, path: path, test: file, at: range)
                workspaceCache[resolved] = result
            }
        }
        problems.append(contentsOf: result.diagnostics.filter { $0.severity == .error })
        return result.workspace
    }

    /// Loads a test's workspace file. A file that cannot be read, or is not one YAML mapping (not
    /// a workspace config at all), is one diagnostic at the test's path: its contents are not
    /// shown. A config with errors gets its own diagnostics, with their excerpts, as in `lint`.
    private static func loadWorkspaceFile(_ resolved: String, path: String, test: SourceFile, at range: SourceRange) -> WorkspaceLoadResult {
        let source: SourceFile
        do {
            source = try SourceFile.read(path: resolved)
        } catch {
            return refused("cannot read the test's workspace '\(path)' (looked for \(resolved))", test, range)
        }
        let yaml = YAMLLoader.load(source)
        guard !yaml.hasErrors, yaml.documents.count == 1, let document = yaml.documents.first, document.mapping != nil else {
            return refused("the test's workspace '\(path)' is not a workspace config (one YAML mapping)", test, range)
        }
        let result = WorkspaceLoader.load(document, file: source)
        return WorkspaceLoadResult(workspace: result.workspace, diagnostics: Diagnostic.sortedForDisplay(yaml.diagnostics + result.diagnostics))
    }

    private static func refused(_ message: String, _ test: SourceFile, _ range: SourceRange) -> WorkspaceLoadResult {
        WorkspaceLoadResult(workspace: nil, diagnostics: [.error(.policyInvalidTestInput, message, in: test, at: range)])
    }

    /// The value of a test event's key path (`tokens.in`), when the event writes it.
    static func node(at path: String, in event: YAMLNode) -> YAMLNode? {
        var node = event
        for key in path.split(separator: ".") {
            guard let value = node[String(key)] else { return nil }
            node = value
        }
        return node
    }

    /// A path in a test is relative to the policy file's directory.
    static func resolve(_ path: String, relativeTo policyPath: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = policyPath.lastIndex(of: "/") else { return path }
        return String(policyPath[...slash]) + path
    }
}
