extension CELStandardLibrary {
    static func installStrings(into env: inout CELEnvironment) {
        env.declareFunction("contains", overloads: [o("contains_string", [.string, .string], .bool, member: true)],
                            dynamic: .binary(stringPredicate { ByteSearch(Array($1.utf8)).firstOffset(in: $0.utf8) != nil }))
        env.declareFunction("startsWith", overloads: [o("starts_with_string", [.string, .string], .bool, member: true)],
                            dynamic: .binary(stringPredicate { $0.utf8.starts(with: $1.utf8) }))
        env.declareFunction("endsWith", overloads: [o("ends_with_string", [.string, .string], .bool, member: true)],
                            dynamic: .binary(stringPredicate { $0.utf8.reversed().starts(with: $1.utf8.reversed()) }))
        env.declareFunction("matches", overloads: [
            o("matches", [.string, .string], .bool), o("matches_string", [.string, .string], .bool, member: true),
        ], dynamic: .binary(matches))
    }

    static func stringPredicate(_ test: @escaping @Sendable (String, String) -> Bool) -> @Sendable (CELValue, CELValue) -> CELValue {
        { a, b in
            guard case .string(let x) = a, case .string(let y) = b else { return .noSuchOverload }
            return .bool(test(x, y))
        }
    }

    @Sendable static func matches(_ a: CELValue, _ b: CELValue) -> CELValue {
        guard case .string(let text) = a, case .string(let pattern) = b else { return .noSuchOverload }
        do { return .bool(try CELRegex(pattern).matches(text)) } catch { return .fail("invalid regex: \(error.message)") }
    }

    /// `x.matches(pattern)`: a constant pattern is compiled once, when planning; matching
    /// spends regex steps from the evaluation's budget.
    static func plannedMatches(_ text: CELNode, pattern: CELNode, range: CELRange) -> CELNode {
        guard case .string(let constant)? = pattern.constantValue else { return MatchesNode(text, pattern: pattern, regex: nil, range: range) }
        do {
            return MatchesNode(text, pattern: pattern, regex: try CELRegex(constant), range: range)
        } catch {
            return ErrorNode("invalid regex: \(error.message)", range: range)
        }
    }
}

/// `matches`: RE2 search within the evaluation's regex-step budget.
final class MatchesNode: CELNode, @unchecked Sendable {
    let text: CELNode
    let pattern: CELNode
    /// The compiled pattern when it is a constant.
    let regex: CELRegex?
    init(_ text: CELNode, pattern: CELNode, regex: CELRegex?, range: CELRange) {
        self.text = text
        self.pattern = pattern
        self.regex = regex
        super.init(range: range)
    }

    override func eval(_ f: inout CELFrame) -> CELValue {
        let t = text.eval(&f)
        if case .error = t { return t }
        guard case .string(let s) = t else { return fail("no_such_overload") }
        // The matcher reads the text as an array of code points: four bytes each, and a read.
        guard f.meter.chargeScan(t) else { return exceeded(.iterations, f) }
        guard f.meter.reserve(bytes: 4 * s.utf8.count) else { return exceeded(.memory, f) }
        let compiled: CELRegex
        if let regex {
            compiled = regex
        } else {
            let p = pattern.eval(&f)
            if case .error = p { return p }
            guard case .string(let source) = p else { return fail("no_such_overload") }
            do { compiled = try CELRegex(source) } catch { return fail("invalid regex: \(error.message)") }
        }
        let (matched, steps) = compiled.matches(s, stepLimit: f.meter.regexStepsAvailable)
        guard f.meter.useRegexSteps(steps), let matched else { return exceeded(.regexSteps, f) }
        return .bool(matched)
    }
}
