import BylawSource
import CEL

/// A combinator tree (`all`/`any`/`not` over CEL leaves) written out as one CEL expression, with
/// a map from offsets in that text back to the YAML file.
///
/// `all: [a, b]` becomes `(a\n) && (b\n)`: one program the planner can short-circuit, instead of
/// a tree walked in Swift. The line break before each `)` keeps a trailing `// comment` in a
/// leaf from swallowing the parenthesis.
struct ConditionText {
    /// One leaf's place in the joined text.
    struct Segment {
        let range: Range<Int>
        let expression: ExpressionText
    }

    let text: String
    let segments: [Segment]
    let condition: Condition
    let file: SourceFile

    init(_ condition: Condition, file: SourceFile) {
        var builder = Builder()
        builder.append(condition)
        self.text = builder.text
        self.segments = builder.segments
        self.condition = condition
        self.file = condition.leaves.first?.file ?? file
    }

    /// A single expression (a `for:` collection, a template placeholder), mapped the same way.
    init(expression: ExpressionText) {
        self.text = expression.text
        self.segments = [Segment(range: 0..<expression.text.utf8.count, expression: expression)]
        self.condition = .expression(expression)
        self.file = expression.file
    }

    /// Where the whole condition is written (for issues that span several leaves). Computed
    /// on demand: mapping through a YAML scalar costs a pass over it, and is only needed to report.
    var fallback: SourceRange { condition.range }

    /// The file range of a range in the joined text: inside one leaf, exact; otherwise the leaf
    /// holding its start, or the condition's key.
    func sourceRange(of range: CELRange) -> SourceRange {
        guard let segment = segments.first(where: { $0.range.contains(range.start) || $0.range.upperBound == range.start }) else {
            return fallback
        }
        let base = segment.range.lowerBound
        let start = range.start - base
        let end = min(range.end, segment.range.upperBound) - base
        return segment.expression.sourceRange(ofTextRange: start..<max(start, end))
    }

    /// CEL's issues as diagnostics in the YAML file.
    func diagnostics(_ issues: CELIssues, context: String? = nil) -> [Diagnostic] {
        issues.issues.map { issue in
            let message = context.map { "\(issue.message) (in \($0))" } ?? issue.message
            let severity: Severity = issue.severity == .error ? .error : .warning
            return Diagnostic(
                code: DiagnosticCode(issue.code), severity: severity, message: message,
                span: SourceSpan(file: file, range: sourceRange(of: issue.range)), hint: issue.hint)
        }
    }

    private struct Builder {
        var text = ""
        var segments: [Segment] = []

        mutating func append(_ condition: Condition) {
            switch condition {
            case .expression(let expression):
                text += "("
                let start = text.utf8.count
                text += expression.text
                segments.append(Segment(range: start..<text.utf8.count, expression: expression))
                text += "\n)"
            case .all(let children, _):
                join(children, with: " && ")
            case .any(let children, _):
                join(children, with: " || ")
            case .not(let child, _):
                text += "!("
                append(child)
                text += ")"
            }
        }

        private mutating func join(_ children: [Condition], with separator: String) {
            text += "("
            for (index, child) in children.enumerated() {
                if index > 0 { text += separator }
                append(child)
            }
            text += ")"
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
