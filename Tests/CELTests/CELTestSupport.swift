import CEL

/// Byte offset of the first occurrence of `needle` in `text`.
func offset(of needle: String, in text: String) -> Int? {
    let bytes = Array(text.utf8)
    let n = Array(needle.utf8)
    guard !n.isEmpty, bytes.count >= n.count else { return nil }
    for i in 0...(bytes.count - n.count) where Array(bytes[i..<i + n.count]) == n { return i }
    return nil
}

/// Compiles and evaluates an expression in an environment, with variables by name.
func evaluate(_ text: String, env: CELEnvironment = CELEnvironment(), _ bindings: [String: CELValue] = [:]) -> CELValue {
    switch env.compile(text) {
    case .failure(let issues): return .error(CELError("compile: \(issues)"))
    case .success(let program):
        var activation = CELActivation(slotCount: env.slotCount)
        for (name, value) in bindings {
            if let slot = env.slot(of: name) { activation[slot] = value }
        }
        return program.evaluate(activation)
    }
}

func issues(_ text: String, env: CELEnvironment = CELEnvironment()) -> [CELIssue] {
    if case .failure(let found) = env.compile(text) { return found.issues }
    return []
}

extension CELValue {
    var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    var intValue: Int64? { if case .int(let i) = self { i } else { nil } }
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    var errorMessage: String? { if case .error(let e) = self { e.message } else { nil } }
}
