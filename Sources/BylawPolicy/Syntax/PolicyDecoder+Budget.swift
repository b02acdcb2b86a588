import BylawSource
import BylawYAML
import CEL

/// One setting of a policy's `budget:`: how much one evaluation of its expressions may spend.
public struct BudgetSetting: Sendable {
    public let dimension: CELBudgetDimension
    public let value: Int
    /// Where the value is written.
    public let range: SourceRange
}

extension PolicyDecoder {
    /// `budget: {iterations: N, memory: 16MiB, regex_steps: N}`: each key optional, each value
    /// positive and at most ``CELBudget/ceiling``.
    static func decodeBudget(_ node: YAMLNode, _ reader: NodeReader) -> [BudgetSetting] {
        guard let pairs = reader.mapping(node, "'budget'") else { return [] }
        let keys = reader.keyed(pairs, PolicySyntax.budget)
        var settings: [BudgetSetting] = []
        for dimension in CELBudgetDimension.allCases {
            guard let value = keys[dimension.rawValue]?.value, let text = reader.nonEmptyText(value, "'budget.\(dimension.rawValue)'") else { continue }
            switch BudgetSettingCheck.check(dimension, text) {
            case .success(let limit): settings.append(BudgetSetting(dimension: dimension, value: limit, range: value.range))
            case .failure(let problem): reader.error(.policyInvalidBudget, problem.message, at: value.range, hint: problem.hint)
            }
        }
        return settings
    }
}

/// The one check of a budget limit, shared by policies and the command line.
public enum BudgetSettingCheck {
    /// Why a limit was refused.
    public struct Problem: Error, Sendable {
        public let message: String
        public let hint: String
    }

    /// The limit `text` gives for `dimension`, or why it is refused.
    public static func check(_ dimension: CELBudgetDimension, _ text: String) -> Result<Int, Problem> {
        let ceiling = CELBudget.ceiling[dimension]
        let shown = dimension == .memory ? CELByteCount.text(ceiling) : "\(ceiling)"
        guard let limit = dimension.parseLimit(text) else {
            let example = dimension == .memory ? "a size such as 16MiB, 512KiB or 1048576 (bytes)" : "a positive whole number"
            return .failure(Problem(message: "budget '\(dimension.rawValue)' must be \(example), found '\(text)'", hint: "the default is \(defaultText(dimension))"))
        }
        guard limit <= ceiling else {
            return .failure(Problem(
                message: "budget '\(dimension.rawValue)' of \(text) is over the ceiling of \(shown)",
                hint: "no policy or command line may allow more than \(shown); the default is \(defaultText(dimension))"))
        }
        return .success(limit)
    }

    static func defaultText(_ dimension: CELBudgetDimension) -> String {
        let value = CELBudget.standard[dimension]
        return dimension == .memory ? CELByteCount.text(value) : "\(value)"
    }
}
