extension CELStandardLibrary {
    static func installStrings(into env: inout CELEnvironment) {
        env.declareFunction("contains", overloads: [o("contains_string", [.string, .string], .bool, member: true)],
                            dynamic: .binary(stringPredicate { $0.utf8.firstRange(of: $1.utf8) != nil }))
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

    /// `x.matches('constant')`: the pattern is compiled once, when planning.
    static func plannedMatches(_ text: CELNode, pattern: String, range: CELRange) -> CELNode {
        do {
            let regex = try CELRegex(pattern)
            return UnaryCallNode({ v in
                guard case .string(let s) = v else { return .noSuchOverload }
                return .bool(regex.matches(s))
            }, text, range: range)
        } catch {
            return ErrorNode("invalid regex: \(error.message)", range: range)
        }
    }
}
