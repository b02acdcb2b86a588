/// Field of a host object by its declared index.
final class ObjectFieldNode: CELNode, @unchecked Sendable {
    let operand: CELNode
    let index: Int
    let name: String
    let testOnly: Bool
    init(_ operand: CELNode, index: Int, name: String, testOnly: Bool, range: CELRange) {
        self.operand = operand
        self.index = index
        self.name = name
        self.testOnly = testOnly
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        switch operand.eval(&f) {
        case .object(let o): return testOnly ? .bool(o.celHasField(index)) : o.celField(index)
        case .map(let m): return selectFromMap(m, name, testOnly: testOnly)
        case .error(let e): return .error(e)
        case .optional(let o): return located(selectThroughOptional(o, name, testOnly: testOnly, .index(index)))
        case .null: return fail("no such field '\(name)' on null")
        default: return fail("no_such_field '\(name)'")
        }
    }
}

/// Field selection resolved at run time: map keys by name, or object fields through the
/// environment's declared types (only for unchecked or `dyn` operands).
final class DynamicSelectNode: CELNode, @unchecked Sendable {
    let operand: CELNode
    let name: String
    let testOnly: Bool
    let objectFields: [String: [String: Int]]
    init(_ operand: CELNode, name: String, testOnly: Bool, objectFields: [String: [String: Int]], range: CELRange) {
        self.operand = operand
        self.name = name
        self.testOnly = testOnly
        self.objectFields = objectFields
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        switch operand.eval(&f) {
        case .map(let m): return located(selectFromMap(m, name, testOnly: testOnly))
        case .object(let o):
            guard let index = objectFields[o.celTypeName]?[name] else { return fail("no_such_field '\(name)'") }
            return testOnly ? .bool(o.celHasField(index)) : o.celField(index)
        case .error(let e): return .error(e)
        case .optional(let o): return located(selectThroughOptional(o, name, testOnly: testOnly, .declared(objectFields)))
        default: return fail(testOnly ? "invalid type for field selection" : "no_such_field '\(name)'")
        }
    }
}

func selectFromMap(_ m: CELMap, _ name: String, testOnly: Bool) -> CELValue {
    if let v = m[.string(name)] { return testOnly ? .bool(true) : v }
    return testOnly ? .bool(false) : .fail("no such key: \(name)")
}

final class ListNode: CELNode, @unchecked Sendable {
    let elements: [CELNode]
    let optional: Set<Int>
    init(_ elements: [CELNode], optional: Set<Int>, range: CELRange) {
        self.elements = elements
        self.optional = optional
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        var out: [CELValue] = []
        out.reserveCapacity(elements.count)
        for (i, e) in elements.enumerated() {
            let v = e.eval(&f)
            if case .error = v { return v }
            if optional.contains(i) {
                guard case .optional(let o) = v else { return fail("no_such_overload") }
                if let inner = o.value { out.append(inner) }
                continue
            }
            out.append(v)
        }
        return .list(out)
    }
}

final class MapNode: CELNode, @unchecked Sendable {
    let keys: [CELNode], values: [CELNode]
    let optional: [Bool]
    init(keys: [CELNode], values: [CELNode], optional: [Bool], range: CELRange) {
        self.keys = keys
        self.values = values
        self.optional = optional
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        var entries: [(CELValue, CELValue)] = []
        entries.reserveCapacity(keys.count)
        for i in keys.indices {
            let k = keys[i].eval(&f)
            if case .error = k { return k }
            // Hashing a key reads all of it.
            guard f.meter.chargeScan(k) else { return exceeded(.iterations, f) }
            var v = values[i].eval(&f)
            if case .error = v { return v }
            if optional[i] {
                guard case .optional(let o) = v else { return fail("no_such_overload") }
                guard let inner = o.value else { continue }
                v = inner
            }
            entries.append((k, v))
        }
        switch CELMap.make(entries) {
        case .success(let m): return built(.map(m), &f)
        case .failure(let e): return fail(e.message)
        }
    }
}
