/// A zero-width test at a position between two scalars.
enum RegexAssertion: Hashable, Sendable {
    /// `^` in multi-line mode: at the start or after `\n`.
    case beginLine
    /// `$` in multi-line mode: at the end or before `\n`.
    case endLine
    /// `\A`, or `^` outside multi-line mode.
    case beginText
    /// `\z`, or `$` outside multi-line mode.
    case endText
    /// `\b`: between an ASCII word character and a non-word character (or an edge).
    case wordBoundary
    /// `\B`
    case notWordBoundary
}

/// The parsed form of a pattern, before compilation into a program.
indirect enum RegexNode: Sendable {
    case empty
    case literal(UInt32)
    case set(ScalarRangeSet)
    /// `.` outside `(?s)`: anything but `\n`.
    case anyNotNewline
    /// `.` in `(?s)`: any scalar.
    case anyScalar
    case assertion(RegexAssertion)
    /// Capture group `index` (1-based; group 0 is the whole match).
    case capture(Int, RegexNode)
    case concat([RegexNode])
    case alternate([RegexNode])
    /// `min` to `max` (nil: unbounded) repetitions, greedy or lazy.
    case `repeat`(RegexNode, min: Int, max: Int?, greedy: Bool)
}

/// The flags `(?imsU)` in effect while parsing.
struct RegexFlags: Equatable {
    var caseInsensitive = false
    var multiLine = false
    var dotMatchesNewline = false
    var ungreedy = false
}

/// The engine's limits, so no pattern can exhaust memory or the stack.
enum RegexLimits {
    /// The longest pattern accepted, in UTF-8 bytes.
    static let maxPatternBytes = 32_768
    /// The largest count in `{n,m}` (RE2's limit).
    static let maxRepeat = 1000
    /// The deepest nesting of groups.
    static let maxDepth = 200
    /// The most instructions a compiled program may have.
    static let maxInstructions = 100_000
}
