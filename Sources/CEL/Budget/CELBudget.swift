/// What one evaluation of a program may spend, so no expression and no input can exhaust the
/// process: every loop iteration, every byte of a string, list or map an expression builds, and
/// every step of a regular-expression match is counted against it. Past any of the three the
/// evaluation stops with the error value `evaluation budget exceeded: …`, never an abort.
///
/// Counts are per evaluation (one event, one workspace rule application) and cumulative: bytes
/// built count even when the value is dropped again, which is what bounds both the peak memory
/// and the time spent copying.
public struct CELBudget: Sendable, Hashable {
    /// Comprehension iterations plus list elements visited by macros.
    public var iterations: Int
    /// Bytes of strings, bytes, lists and maps built by functions and macros.
    public var memoryBytes: Int
    /// Regular-expression steps: one per thread the matcher advances or adds.
    public var regexSteps: Int

    public init(iterations: Int, memoryBytes: Int, regexSteps: Int) {
        self.iterations = iterations
        self.memoryBytes = memoryBytes
        self.regexSteps = regexSteps
    }

    /// The default for evaluating policies: 1,000,000 iterations, 64 MiB built, 10,000,000
    /// regex steps (about a third of a second of matching on one core).
    public static let standard = CELBudget(iterations: 1_000_000, memoryBytes: 64 << 20, regexSteps: 10_000_000)

    /// The budget for evaluating constant conditions while compiling: small, since a constant
    /// that needs more is a mistake (or an attack) in the policy, not a rule.
    public static let compileTime = CELBudget(iterations: 10_000, memoryBytes: 1 << 20, regexSteps: 100_000)

    /// The most a policy or a command line may allow: 100,000,000 iterations, 1 GiB, 1,000,000,000
    /// regex steps. Higher settings are refused, so no configuration can turn the budget off.
    public static let ceiling = CELBudget(iterations: 100_000_000, memoryBytes: 1 << 30, regexSteps: 1_000_000_000)

    /// No limit at all; for trusted expressions only.
    public static let unlimited = CELBudget(iterations: .max, memoryBytes: .max, regexSteps: .max)

    /// Each dimension the smaller of the two.
    public func capped(by other: CELBudget) -> CELBudget {
        CELBudget(
            iterations: min(iterations, other.iterations), memoryBytes: min(memoryBytes, other.memoryBytes),
            regexSteps: min(regexSteps, other.regexSteps))
    }
}

/// Which dimension of a ``CELBudget`` ran out.
public enum CELBudgetDimension: String, Sendable, CaseIterable {
    case iterations
    case memory
    case regexSteps = "regex_steps"

    /// The dimension named `text` (`iterations`, `memory`, `regex_steps`; `regex-steps` too).
    public init?(name text: String) {
        guard let dimension = CELBudgetDimension(rawValue: text == "regex-steps" ? "regex_steps" : text) else { return nil }
        self = dimension
    }

    /// Reads a limit for this dimension: a positive whole number (`_` between digits allowed),
    /// for memory also with a unit (`16MiB`, `512 KiB`). Nil when malformed or not positive.
    public func parseLimit(_ text: String) -> Int? {
        if self == .memory { return CELByteCount.parse(text).flatMap { $0 > 0 ? $0 : nil } }
        // `_` only between two digits: `1_000`, not `_1`, `1_` or `1__0`.
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "_" {
            guard index > 0, index < characters.count - 1, characters[index - 1] != "_", characters[index + 1] != "_" else { return nil }
        }
        let digits = text.filter { $0 != "_" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value > 0 else { return nil }
        return value
    }
}

extension CELBudget {
    /// This budget with the given dimensions replaced.
    public func overriding(_ settings: [CELBudgetDimension: Int]) -> CELBudget {
        var budget = self
        for (dimension, value) in settings { budget[dimension] = value }
        return budget
    }

    /// The limit of one dimension.
    public subscript(dimension: CELBudgetDimension) -> Int {
        get {
            switch dimension {
            case .iterations: iterations
            case .memory: memoryBytes
            case .regexSteps: regexSteps
            }
        }
        set {
            switch dimension {
            case .iterations: iterations = newValue
            case .memory: memoryBytes = newValue
            case .regexSteps: regexSteps = newValue
            }
        }
    }
}
