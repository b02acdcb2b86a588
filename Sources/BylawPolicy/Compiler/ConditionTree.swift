import BylawSource
import CEL

/// A condition (`all`/`any`/`not` over CEL leaves, or one expression) as one CEL syntax tree:
/// each leaf parsed alone, the combinators added as `&&`, `||` and `!` nodes. One tree lets the
/// checker type it once and the planner short-circuit it, instead of a tree walked in Swift;
/// building it from nodes rather than joined text means no leaf can reach into another.
///
/// The leaves' ranges are moved apart into one coordinate space (each leaf gets its own span
/// of offsets, two apart from the next), so a range CEL reports anywhere in the tree maps back
/// to its leaf and from there into the YAML file.
struct ConditionTree: Sendable {
    /// One leaf: its place in the tree's coordinates, its text in the file, and its own tree
    /// (checked alone when the whole does not check, so a problem points into its leaf).
    struct Segment: Sendable {
        let range: Range<Int>
        let expression: ExpressionText
        let ast: CELAST
    }

    let ast: CELAST
    let segments: [Segment]
    let condition: Condition
    let file: SourceFile

    /// A condition with every leaf parsed: the tree, or the syntax errors of the leaves that
    /// have them (and the leaves that parsed, which are still checked for their own problems).
    struct Parsed: Sendable {
        let condition: Condition
        let tree: ConditionTree?
        let segments: [Segment]
        let problems: [Diagnostic]
        /// The identifiers the parsed leaves mention.
        let names: Set<String>
    }

    /// Parses every leaf and joins them.
    static func parse(_ condition: Condition, file: SourceFile, environment: CELEnvironment) -> Parsed {
        var builder = Builder(environment: environment)
        let root = builder.append(condition)
        var names = Set<String>()
        for segment in builder.segments { IdentifierCollector.collect(segment.ast.root, into: &names) }
        var problems = builder.problems
        var tree: ConditionTree?
        if problems.isEmpty, let root {
            if root.height > environment.limits.maxHeight {
                problems.append(.error(
                    .celLimit, "the condition nests deeper than \(environment.limits.maxHeight) levels", in: file, at: condition.range,
                    hint: "split it into macros"))
            } else {
                tree = ConditionTree(
                    ast: CELAST(text: "", root: root, nextID: builder.nextID), segments: builder.segments, condition: condition,
                    file: condition.leaves.first?.file ?? file)
            }
        }
        return Parsed(condition: condition, tree: tree, segments: builder.segments, problems: problems, names: names)
    }

    /// Where the whole condition is written (for issues that span several leaves). Computed
    /// on demand: mapping through a YAML scalar costs a pass over it, and is only needed to report.
    var fallback: SourceRange { condition.range }

    /// The file range of a range in the tree's coordinates: inside one leaf, exact; otherwise
    /// the leaf holding its start, or the whole condition (a combinator's own range starts in
    /// the gap before its first leaf, so it maps to the whole).
    func sourceRange(of range: CELRange) -> SourceRange {
        guard let segment = segments.first(where: { $0.range.contains(range.start) || $0.range.upperBound == range.start }) else {
            return fallback
        }
        let base = segment.range.lowerBound
        let start = range.start - base
        let end = min(range.end, segment.range.upperBound) - base
        return segment.expression.sourceRange(ofTextRange: start..<max(start, end))
    }

    /// The text of a range in the tree's coordinates, when it lies inside one leaf.
    func text(of range: CELRange) -> String? {
        guard let segment = segments.first(where: { $0.range.contains(range.start) }), range.end <= segment.range.upperBound else { return nil }
        let bytes = Array(segment.expression.text.utf8)
        let start = range.start - segment.range.lowerBound
        let end = range.end - segment.range.lowerBound
        guard start >= 0, end <= bytes.count, start <= end else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// CEL's issues about the whole tree as diagnostics in the YAML file.
    func diagnostics(_ issues: CELIssues) -> [Diagnostic] {
        issues.issues.map { issue in
            let leaf = segments.first { $0.range.contains(issue.range.start) }?.expression.text
            let plain = PlainLanguage.reword(issue, text: leaf, root: ast.root) { text in
                if case .success = CELEnvironment().parse(text) { return true }
                return false
            }
            return Self.diagnostic(issue, plain, file: file, range: sourceRange(of: plain?.range ?? issue.range))
        }
    }

    /// CEL's issues about one leaf (its syntax, or its own tree `root`) as diagnostics in the
    /// YAML file; `environment` parses a corrected leaf before it is suggested.
    static func diagnostics(_ issues: CELIssues, in leaf: ExpressionText, root: CELExpr?, environment: CELEnvironment) -> [Diagnostic] {
        issues.issues.map { issue in
            let plain = PlainLanguage.reword(issue, text: leaf.text, root: root) { text in
                if case .success = environment.parse(text) { return true }
                return false
            }
            let range = plain?.range ?? issue.range
            return diagnostic(issue, plain, file: leaf.file, range: leaf.sourceRange(ofTextRange: range.start..<max(range.start, range.end)))
        }
    }

    /// The diagnostic of an issue: in plain words when there are some, with CEL's as a note.
    private static func diagnostic(_ issue: CELIssue, _ plain: PlainLanguage.Rewording?, file: SourceFile, range: SourceRange) -> Diagnostic {
        Diagnostic(
            code: DiagnosticCode(issue.code), severity: issue.severity == .error ? .error : .warning, message: plain?.message ?? issue.message,
            span: SourceSpan(file: file, range: range), notes: plain == nil ? [] : [DiagnosticNote(PlainLanguage.note(issue))],
            hint: plain?.hint ?? issue.hint)
    }

    private struct Builder {
        let environment: CELEnvironment
        var segments: [Segment] = []
        var problems: [Diagnostic] = []
        var nextID = 1
        /// The next free offset; each leaf starts two past the previous one's end.
        var offset = 1

        mutating func append(_ condition: Condition) -> CELExpr? {
            switch condition {
            case .expression(let expression):
                switch environment.parse(expression.text) {
                case .failure(let issues):
                    problems += ConditionTree.diagnostics(issues, in: expression, root: nil, environment: environment)
                    return nil
                case .success(let ast):
                    let base = offset
                    let length = expression.text.utf8.count
                    segments.append(Segment(range: base..<base + length, expression: expression, ast: ast))
                    let root = ast.root.relocated(idOffset: nextID, rangeOffset: base)
                    nextID += ast.nextID
                    offset = base + length + 2
                    return root
                }
            case .all(let children, _):
                return join(children, with: CELOperator.logicalAnd)
            case .any(let children, _):
                return join(children, with: CELOperator.logicalOr)
            case .not(let child, _):
                let start = offset - 1
                guard let operand = append(child) else { return nil }
                return node(.call(target: nil, function: CELOperator.logicalNot, args: [operand]), from: start)
            }
        }

        /// The children joined by a logical operator as a balanced tree: the evaluation order
        /// (left to right, short-circuiting) is that of a chain, the height only logarithmic.
        private mutating func join(_ children: [Condition], with function: String) -> CELExpr? {
            let start = offset - 1
            var operands: [CELExpr] = []
            var ok = true
            // Every child is parsed, even after one fails, so every syntax error is reported.
            for child in children {
                if let operand = append(child) { operands.append(operand) } else { ok = false }
            }
            guard ok, !operands.isEmpty else { return nil }
            return balanced(operands[...], function: function, from: start)
        }

        private mutating func balanced(_ operands: ArraySlice<CELExpr>, function: String, from start: Int) -> CELExpr {
            if operands.count == 1, let only = operands.first { return only }
            let middle = operands.startIndex + operands.count / 2
            let left = balanced(operands[..<middle], function: function, from: start)
            let right = balanced(operands[middle...], function: function, from: start)
            return node(.call(target: nil, function: function, args: [left, right]), from: start)
        }

        private mutating func node(_ kind: CELExpr.Kind, from start: Int) -> CELExpr {
            defer { nextID += 1 }
            return CELExpr(id: nextID, range: CELRange(start: start, end: offset), kind: kind)
        }
    }
}

extension Condition {
    /// The leaves of the tree, in order.
    var leaves: [ExpressionText] {
        switch self {
        case .expression(let expression): return [expression]
        case .all(let children, _), .any(let children, _): return children.flatMap(\.leaves)
        case .not(let child, _): return child.leaves
        }
    }
}
