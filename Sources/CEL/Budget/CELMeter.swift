/// What is left of a ``CELBudget`` during one evaluation. The evaluator spends from it before
/// (or, for values whose size is only known once built, right after) each piece of work; a
/// function implemented with ``CELImplementation/metered(_:)`` reserves from it before it
/// allocates.
///
/// Once a dimension runs out it stays out, so every later call fails at once instead of
/// allocating: the most an evaluation ever overshoots is one value no larger than the inputs
/// that built it.
public struct CELMeter: Sendable {
    /// The budget the evaluation started with (named in the error).
    public let budget: CELBudget
    private(set) var iterationsLeft: Int
    private(set) var memoryLeft: Int
    private(set) var regexStepsLeft: Int

    public init(_ budget: CELBudget) {
        self.budget = budget
        iterationsLeft = budget.iterations
        memoryLeft = budget.memoryBytes
        regexStepsLeft = budget.regexSteps
    }

    /// Spends `count` loop iterations; false once the budget is exhausted.
    @inline(__always)
    mutating func spendIterations(_ count: Int) -> Bool {
        Self.spend(count, from: &iterationsLeft)
    }

    /// Reserves `bytes` of memory for a value about to be built; false (and nothing reserved
    /// beyond the limit) when they do not fit.
    @inline(__always)
    public mutating func reserve(bytes: Int) -> Bool {
        Self.spend(bytes, from: &memoryLeft)
    }

    /// Whether memory is still available: checked before calling a function that may build.
    @inline(__always)
    var hasMemory: Bool { memoryLeft >= 0 }

    /// Charges the size of a value a function just built. Scalars cost nothing.
    @inline(__always)
    mutating func charge(built value: CELValue) -> Bool {
        switch value {
        case .string(let s): Self.spend(s.utf8.count, from: &memoryLeft)
        case .bytes(let b): Self.spend(b.count, from: &memoryLeft)
        case .list(let l): Self.spend(l.count &* Self.elementBytes, from: &memoryLeft)
        case .map(let m): Self.spend(m.count &* Self.entryBytes, from: &memoryLeft)
        default: true
        }
    }

    /// Regex steps left for one match (it reports back what it used through ``useRegexSteps(_:)``).
    var regexStepsAvailable: Int { max(regexStepsLeft, 0) }

    /// Records the steps a match took; false when they went past the budget.
    mutating func useRegexSteps(_ steps: Int) -> Bool {
        Self.spend(steps, from: &regexStepsLeft)
    }

    /// CEL equality, spending one iteration per list element and map entry compared; nil once
    /// the iterations are exhausted.
    mutating func equals(_ a: CELValue, _ b: CELValue) -> Bool? {
        let result = CELValue.celEquals(a, b, work: &iterationsLeft)
        if iterationsLeft < 0 {
            iterationsLeft = -1
            return nil
        }
        return result
    }

    /// Charges the work of reading a call's argument: its elements for a list or map, one step
    /// per 64 bytes for a string or bytes. Functions scan their arguments, and a loop calling
    /// one on a large value must run out of budget, not of time.
    @inline(__always)
    mutating func chargeScan(_ value: CELValue) -> Bool {
        switch value {
        case .string(let s): Self.spend(s.utf8.count >> 6, from: &iterationsLeft)
        case .bytes(let b): Self.spend(b.count >> 6, from: &iterationsLeft)
        case .list(let l): Self.spend(l.count, from: &iterationsLeft)
        case .map(let m): Self.spend(m.count, from: &iterationsLeft)
        default: true
        }
    }

    /// Steps still available (for functions that bound their own loops).
    public var iterationsAvailable: Int { max(iterationsLeft, 0) }

    /// Bytes that may still be built (for functions that cap what they build).
    public var memoryAvailable: Int { max(memoryLeft, 0) }

    /// The size charged for one list element.
    static let elementBytes = MemoryLayout<CELValue>.stride
    /// The size charged for one map entry: key, value and index slot.
    static let entryBytes = 3 * MemoryLayout<CELValue>.stride

    @inline(__always)
    private static func spend(_ amount: Int, from left: inout Int) -> Bool {
        // Saturates instead of wrapping: an unlimited budget minus anything stays valid, and
        // an exhausted one stays exhausted.
        if amount > left {
            left = -1
            return false
        }
        left -= amount
        return true
    }

    /// The error value for an exhausted dimension.
    public func exceeded(_ dimension: CELBudgetDimension) -> CELValue {
        .error(CELError(Self.message(dimension, budget: budget)))
    }

    /// What every budget error message starts with.
    public static let exceededPrefix = "evaluation budget exceeded"

    /// `evaluation budget exceeded: …`, naming the dimension and its limit.
    public static func message(_ dimension: CELBudgetDimension, budget: CELBudget) -> String {
        switch dimension {
        case .iterations:
            "evaluation budget exceeded: more than \(budget.iterations) steps (loop iterations, elements compared or scanned)"
        case .memory:
            "evaluation budget exceeded: the expression builds more than \(CELByteCount.text(budget.memoryBytes)) of strings, lists and maps"
        case .regexSteps:
            "evaluation budget exceeded: regular-expression matching takes more than \(budget.regexSteps) steps"
        }
    }
}

/// Byte counts as people read them: `64 MiB`, `512 KiB`, `1000 bytes`.
public enum CELByteCount {
    public static func text(_ bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// Parses `67108864`, `64MiB`, `64 MiB`, `512KiB`, `1GiB` (also `KB`/`MB`/`GB`, read as
    /// binary units, and `k`/`m`/`g`); nil when malformed, negative or too large.
    public static func parse(_ text: String) -> Int? {
        var trimmed = Substring(text.lowercased())
        while trimmed.first == " " { trimmed.removeFirst() }
        while trimmed.last == " " { trimmed.removeLast() }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        let unit = String(trimmed.dropFirst(digits.count).drop { $0 == " " })
        let shift: Int
        switch unit {
        case "", "b", "byte", "bytes": shift = 0
        case "k", "kb", "kib": shift = 10
        case "m", "mb", "mib": shift = 20
        case "g", "gb", "gib": shift = 30
        default: return nil
        }
        let (result, overflow) = value.multipliedReportingOverflow(by: 1 << shift)
        return overflow ? nil : result
    }
}
