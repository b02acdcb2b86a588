/// One instruction of a compiled pattern (Pike's and Thompson's construction).
enum RegexInstruction: Sendable {
    case scalar(UInt32)
    /// Index into `RegexProgram.sets`.
    case set(Int)
    case anyNotNewline
    case anyScalar
    /// Try `first`, then `second`: the order is the match priority.
    case split(first: Int, second: Int)
    case jump(Int)
    /// Record the current position in capture slot `n`.
    case save(Int)
    case assert(RegexAssertion)
    case match
}

/// A compiled pattern: instructions, the character sets they use, and capture slot count.
struct RegexProgram: Sendable {
    var instructions: [RegexInstruction] = []
    var sets: [ScalarRangeSet] = []
    /// Capture groups, not counting group 0.
    var captureCount = 0
    /// Whether every match must start at the beginning of the text (`^...` or `\A...`
    /// outside multi-line mode), so the search need not try later starts.
    var anchoredAtStart = false

    /// Compiles `node` to `save 0; node; save 1; match`.
    static func compile(_ node: RegexNode, captureCount: Int) throws(CELRegexError) -> RegexProgram {
        var program = RegexProgram()
        program.captureCount = captureCount
        program.anchoredAtStart = startsWithBeginText(node)
        try program.emit(.save(0))
        try program.compile(node)
        try program.emit(.save(1))
        try program.emit(.match)
        return program
    }

    private static func startsWithBeginText(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.beginText): return true
        case .concat(let items): return items.first.map(startsWithBeginText) ?? false
        case .capture(_, let inner): return startsWithBeginText(inner)
        case .alternate(let branches): return branches.allSatisfy(startsWithBeginText)
        default: return false
        }
    }

    private mutating func emit(_ instruction: RegexInstruction) throws(CELRegexError) {
        guard instructions.count < RegexLimits.maxInstructions else {
            throw CELRegexError(
                message: "pattern too large: it compiles to more than \(RegexLimits.maxInstructions) instructions (reduce repetition counts)",
                offset: nil
            )
        }
        instructions.append(instruction)
    }

    private mutating func placeholder() throws(CELRegexError) -> Int {
        try emit(.jump(-1))
        return instructions.count - 1
    }

    private mutating func compile(_ node: RegexNode) throws(CELRegexError) {
        switch node {
        case .empty:
            break
        case .literal(let value):
            try emit(.scalar(value))
        case .set(let set):
            if let only = set.ranges.first, set.ranges.count == 1, only.lowerBound == only.upperBound {
                try emit(.scalar(only.lowerBound))
            } else {
                sets.append(set)
                try emit(.set(sets.count - 1))
            }
        case .anyNotNewline:
            try emit(.anyNotNewline)
        case .anyScalar:
            try emit(.anyScalar)
        case .assertion(let assertion):
            try emit(.assert(assertion))
        case .capture(let index, let inner):
            try emit(.save(2 * index))
            try compile(inner)
            try emit(.save(2 * index + 1))
        case .concat(let items):
            for item in items {
                try compile(item)
            }
        case .alternate(let branches):
            var exits: [Int] = []
            for (number, branch) in branches.enumerated() {
                if number == branches.count - 1 {
                    try compile(branch)
                } else {
                    let split = try placeholder()
                    try compile(branch)
                    exits.append(try placeholder())
                    instructions[split] = .split(first: split + 1, second: instructions.count)
                }
            }
            for exit in exits {
                instructions[exit] = .jump(instructions.count)
            }
        case .repeat(let inner, let minimum, let maximum, let greedy):
            try compileRepeat(inner, minimum: minimum, maximum: maximum, greedy: greedy)
        }
    }

    private mutating func compileRepeat(_ inner: RegexNode, minimum: Int, maximum: Int?, greedy: Bool) throws(CELRegexError) {
        for _ in 0..<minimum {
            try compile(inner)
        }
        guard let maximum else {
            // x*: L: split(body, exit); body; jump L
            let loop = try placeholder()
            try compile(inner)
            try emit(.jump(loop))
            instructions[loop] = split(body: loop + 1, exit: instructions.count, greedy: greedy)
            return
        }
        // Each optional copy may be skipped, and skipping one skips the rest: (x(x)?)?
        var skips: [Int] = []
        for _ in minimum..<maximum {
            skips.append(try placeholder())
            try compile(inner)
        }
        for skip in skips {
            instructions[skip] = split(body: skip + 1, exit: instructions.count, greedy: greedy)
        }
    }

    private func split(body: Int, exit: Int, greedy: Bool) -> RegexInstruction {
        greedy ? .split(first: body, second: exit) : .split(first: exit, second: body)
    }
}
