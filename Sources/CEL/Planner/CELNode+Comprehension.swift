/// What a comprehension iterates: list elements, or map keys (with values for two variables).
private enum IterationSource {
    case list([CELValue])
    case map(CELMap)

    init?(_ v: CELValue) {
        switch v {
        case .list(let l): self = .list(l)
        case .map(let m): self = .map(m)
        default: return nil
        }
    }

    var count: Int {
        switch self {
        case .list(let l): l.count
        case .map(let m): m.count
        }
    }

    /// (first variable, second variable) of iteration `i`.
    func item(_ i: Int) -> (CELValue, CELValue) {
        switch self {
        case .list(let l): (.int(Int64(i)), l[i])
        case .map(let m): (m.keys[i], m.values[i])
        }
    }
}

/// The general fold of cel-spec.
final class ComprehensionNode: CELNode, @unchecked Sendable {
    let iterRange: CELNode, accuInit: CELNode, condition: CELNode, step: CELNode, result: CELNode
    let iterSlot: Int, iter2Slot: Int?, accuSlot: Int
    init(iterRange: CELNode, accuInit: CELNode, condition: CELNode, step: CELNode, result: CELNode,
         iterSlot: Int, iter2Slot: Int?, accuSlot: Int, range: CELRange) {
        self.iterRange = iterRange
        self.accuInit = accuInit
        self.condition = condition
        self.step = step
        self.result = result
        self.iterSlot = iterSlot
        self.iter2Slot = iter2Slot
        self.accuSlot = accuSlot
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let r = iterRange.eval(&f)
        if case .error = r { return r }
        guard let source = IterationSource(r) else { return fail("expression of type '\(r.celType)' cannot be iterated") }
        f.locals[accuSlot] = accuInit.eval(&f)
        let isList: Bool = if case .list = source { true } else { false }
        for i in 0..<source.count {
            guard f.spend(1) else { return exceeded(.iterations, f) }
            let (first, second) = source.item(i)
            if let iter2Slot {
                f.locals[iterSlot] = first
                f.locals[iter2Slot] = second
            } else {
                f.locals[iterSlot] = isList ? second : first
            }
            if case .bool(false) = condition.eval(&f) { break }
            f.locals[accuSlot] = step.eval(&f)
        }
        return result.eval(&f)
    }
}

/// `all` / `exists` / `exists_one` / `filter` / `map` over a range with one predicate, without
/// materialising the accumulator expressions.
final class MacroLoopNode: CELNode, @unchecked Sendable {
    let macro: CELMacro
    let iterRange: CELNode
    let predicate: CELNode?
    let transform: CELNode?
    let iterSlot: Int
    init(_ macro: CELMacro, iterRange: CELNode, predicate: CELNode?, transform: CELNode?, iterSlot: Int, range: CELRange) {
        self.macro = macro
        self.iterRange = iterRange
        self.predicate = predicate
        self.transform = transform
        self.iterSlot = iterSlot
        super.init(range: range)
    }

    override func eval(_ f: inout CELFrame) -> CELValue {
        let r = iterRange.eval(&f)
        let items: [CELValue]
        switch r {
        case .list(let l): items = l
        case .map(let m): items = m.keys
        case .error: return r
        default: return fail("expression of type '\(r.celType)' cannot be iterated")
        }
        guard f.spend(items.count) else { return exceeded(.iterations, f) }
        let result = items.withUnsafeBufferPointer { buffer in
            defer { f.refs[iterSlot] = UnsafePointer(f.locals + iterSlot) }
            return loop(buffer, &f)
        }
        // `filter` and `map` build a list: its elements count against the memory budget.
        if case .list = result { return built(result, &f) }
        return result
    }

    private func loop(_ items: UnsafeBufferPointer<CELValue>, _ f: inout CELFrame) -> CELValue {
        guard let base = items.baseAddress else { return finish(nil, count: 0, out: []) }
        var firstError: CELValue?
        var count = 0
        var out: [CELValue] = []
        for i in 0..<items.count {
            f.refs[iterSlot] = base + i
            var keep = true
            if let predicate {
                switch predicate.eval(&f) {
                case .bool(let b): keep = b
                case .error(let e):
                    if macro == .all || macro == .exists {
                        if firstError == nil { firstError = .error(e) }
                        continue
                    }
                    return .error(e)
                default:
                    let e = fail("no_such_overload")
                    if macro == .all || macro == .exists {
                        if firstError == nil { firstError = e }
                        continue
                    }
                    return e
                }
            }
            switch macro {
            case .all: if !keep { return .bool(false) }
            case .exists: if keep { return .bool(true) }
            case .existsOne: if keep { count += 1 }
            case .filter: if keep { out.append(items[i]) }
            default:
                if keep, let transform {
                    let v = transform.eval(&f)
                    if case .error = v { return v }
                    out.append(v)
                }
            }
        }
        return finish(firstError, count: count, out: out)
    }

    private func finish(_ firstError: CELValue?, count: Int, out: [CELValue]) -> CELValue {
        switch macro {
        case .all: return firstError ?? .bool(true)
        case .exists: return firstError ?? .bool(false)
        case .existsOne: return .bool(count == 1)
        default: return .list(out) // charged by the caller, `eval`
        }
    }
}
