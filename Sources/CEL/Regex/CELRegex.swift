/// A compiled RE2-syntax regular expression, as CEL's `matches` uses.
///
/// Matching runs a Pike VM over Unicode scalars, so its time is proportional to the pattern
/// size times the text length for every input: hostile patterns like `(a*)*b` cannot make it
/// backtrack. Backreferences and lookaround are not RE2 syntax and are rejected.
public struct CELRegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    let program: RegexProgram
    /// Names of capture groups 1...n (nil for unnamed ones).
    public let captureNames: [String?]

    /// Compiles `pattern`, or throws an error with the byte offset of the problem.
    public init(_ pattern: String) throws(CELRegexError) {
        guard pattern.utf8.count <= RegexLimits.maxPatternBytes else {
            throw CELRegexError(
                message: "pattern too long: \(pattern.utf8.count) bytes, the limit is \(RegexLimits.maxPatternBytes)",
                offset: nil
            )
        }
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        self.pattern = pattern
        captureNames = parser.captureNames
        program = try RegexProgram.compile(node, captureCount: parser.captureNames.count)
    }

    /// The number of capture groups, not counting the whole match.
    public var captureCount: Int { program.captureCount }

    /// Whether the pattern matches anywhere in `text` (RE2's partial match; anchor with
    /// `^...$` to match the whole text).
    public func matches(_ text: String) -> Bool {
        PikeVM(program: program, text: text.unicodeScalars.map(\.value), tracksCaptures: false).run() != nil
    }

    /// Whether the pattern matches anywhere in `text`, taking at most `stepLimit` steps (one per
    /// thread the matcher adds or advances, so about the pattern's size per text position).
    /// Returns the answer and the steps taken; the answer is nil when the limit was reached first.
    public func matches(_ text: String, stepLimit: Int) -> (matched: Bool?, steps: Int) {
        let outcome = PikeVM(program: program, text: text.unicodeScalars.map(\.value), tracksCaptures: false).run(stepLimit: stepLimit)
        return (outcome.exhausted ? nil : outcome.slots != nil, outcome.steps)
    }

    /// The leftmost-first match in `text`: element 0 is the whole match, element n the text of
    /// capture group n (nil when the group did not take part). Nil when there is no match.
    public func firstMatch(in text: String) -> [Substring?]? {
        let scalars = text.unicodeScalars
        var indices = Array(scalars.indices)
        indices.append(scalars.endIndex)
        let vm = PikeVM(program: program, text: scalars.map(\.value), tracksCaptures: true)
        guard let slots = vm.run() else { return nil }
        return (0...program.captureCount).map { group -> Substring? in
            let start = slots[2 * group]
            let end = slots[2 * group + 1]
            guard start >= 0, end >= start else { return nil }
            return text[indices[start]..<indices[end]]
        }
    }
}
