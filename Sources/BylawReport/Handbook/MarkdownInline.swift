/// Inline Markdown to HTML, for the handbook: code spans, emphasis (`*` or `_`), strong (`**`
/// or `__`), links `[text](target)` and backslash escapes. Everything else, raw HTML included,
/// is text and comes out escaped. An image `![alt](target)` is shown as its alt text; a link
/// whose target ``LinkPolicy`` refuses is shown as its text.
///
/// Time is linear in the input whatever it holds: brackets are matched with a stack, a link's
/// target is found through tables built in one pass, a code span's closing run through a cursor
/// per run length, and emphasis through a stack per link with a count per kind, so nothing is
/// ever scanned twice from the same opener.
struct MarkdownInline {
    /// Renders one span of inline Markdown. Inside a link (`insideLink`) no further link is made.
    static func html(_ text: String, insideLink: Bool = false) -> String {
        var parser = MarkdownInline(Array(text.unicodeScalars))
        parser.tokenize()
        parser.resolveEmphasis()
        return parser.render(insideLink: insideLink)
    }

    private enum Token {
        /// Text, escaped when rendered.
        case text(String)
        /// Finished markup: a code span, or an emphasis tag once matched.
        case markup(String)
        /// A run of `*` or `_`: a tag if matched, else its characters.
        case delimiter(Delimiter)
        /// `[` or `![` that may still open a link; its characters unless it does.
        case bracket(image: Bool)
        /// The start of a link or image; `href` is nil when no anchor is written.
        case linkStart(href: String?)
        case linkEnd
    }

    private struct Delimiter {
        let character: Unicode.Scalar
        let count: Int
        let canOpen: Bool
        let canClose: Bool

        /// One of six kinds: `*`, `**`, `***`, `_`, `__`, `___`.
        var kind: Int { (character == "*" ? 0 : 3) + count - 1 }
    }

    private let scalars: [Unicode.Scalar]
    private var tokens: [Token] = []
    private var pendingText = ""

    private init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    // MARK: Tokens

    private mutating func tokenize() {
        let targets = LinkTargetTables(scalars)
        var backtickRuns = BacktickRuns(scalars)
        var openBrackets: [(token: Int, image: Bool)] = []  // the `.bracket`s that may still open a link
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                if index + 1 < scalars.count, scalars[index + 1].isASCIIPunctuation {
                    pendingText.unicodeScalars.append(scalars[index + 1])
                    index += 2
                } else {
                    pendingText.unicodeScalars.append(scalar)
                    index += 1
                }
            case "`":
                let length = runLength(at: index)
                if let close = backtickRuns.firstRun(ofLength: length, startingAtOrAfter: index + length) {
                    emit(.markup("<code>" + HTMLText.escaped(codeSpan(index + length..<close)) + "</code>"))
                    index = close + length
                } else {
                    pendingText += String(repeating: "`", count: length)
                    index += length
                }
            case "*", "_":
                let length = runLength(at: index)
                emitDelimiter(scalar, at: index, length: length)
                index += length
            case "!" where index + 1 < scalars.count && scalars[index + 1] == "[":
                openBrackets.append((emit(.bracket(image: true)), true))
                index += 2
            case "[":
                openBrackets.append((emit(.bracket(image: false)), false))
                index += 1
            case "]":
                guard let opener = openBrackets.popLast(), let (target, end) = targets.target(afterBracketAt: index) else {
                    pendingText.unicodeScalars.append(scalar)
                    index += 1
                    continue
                }
                tokens[opener.token] = .linkStart(href: !opener.image && LinkPolicy.allows(target) ? target : nil)
                emit(.linkEnd)
                // A link holds no other link: the brackets still open before it stay text.
                if !opener.image { openBrackets.removeAll() }
                index = end
            case "\n", "\r":
                pendingText += " "
                index += 1
            default:
                pendingText.unicodeScalars.append(scalar)
                index += 1
            }
        }
        flushText()
    }

    /// How many copies of the scalar at `index` follow one another from there.
    private func runLength(at index: Int) -> Int {
        var end = index
        while end < scalars.count, scalars[end] == scalars[index] { end += 1 }
        return end - index
    }

    /// A code span's text: line breaks become spaces, and one space is stripped from each end
    /// when both ends have one and the span is not all spaces (so `` ` `` `` can show a backtick).
    private func codeSpan(_ range: Range<Int>) -> String {
        var text = String(String.UnicodeScalarView(scalars[range].map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
        if text.count >= 2, text.first == " ", text.last == " ", text.contains(where: { $0 != " " }) {
            text.removeFirst()
            text.removeLast()
        }
        return text
    }

    /// A run of `*` or `_` may open emphasis when a non-space follows it and close emphasis
    /// when a non-space precedes it; `_` between two letters or digits (`snake_case`) does
    /// neither. Runs longer than three are text.
    private mutating func emitDelimiter(_ character: Unicode.Scalar, at index: Int, length: Int) {
        let before = index > 0 ? scalars[index - 1] : nil
        let after = index + length < scalars.count ? scalars[index + length] : nil
        var canOpen = after.map { !$0.properties.isWhitespace } ?? false
        var canClose = before.map { !$0.properties.isWhitespace } ?? false
        if character == "_", before?.isWordCharacter == true, after?.isWordCharacter == true {
            canOpen = false
            canClose = false
        }
        guard length <= 3, canOpen || canClose else {
            pendingText += String(repeating: Character(character), count: length)
            return
        }
        emit(.delimiter(Delimiter(character: character, count: length, canOpen: canOpen, canClose: canClose)))
    }

    @discardableResult
    private mutating func emit(_ token: Token) -> Int {
        flushText()
        tokens.append(token)
        return tokens.count - 1
    }

    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        tokens.append(.text(pendingText))
        pendingText = ""
    }

    // MARK: Emphasis

    /// The emphasis openers not yet closed inside one link (or outside all links).
    private struct EmphasisScope {
        var openers: [(token: Int, kind: Int)] = []
        var countByKind = [Int](repeating: 0, count: 6)
    }

    /// Matches each closing run with the nearest open run of the same kind in the same link;
    /// open runs between them, and runs never matched, stay text.
    private mutating func resolveEmphasis() {
        var scopes = [EmphasisScope()]
        for index in tokens.indices {
            switch tokens[index] {
            case .linkStart:
                scopes.append(EmphasisScope())
            case .linkEnd:
                if scopes.count > 1 { scopes.removeLast() }
            case .delimiter(let delimiter):
                // Mutated in place: a copy of the scope would copy its stack on every delimiter.
                let top = scopes.count - 1
                let kind = delimiter.kind
                if delimiter.canClose, scopes[top].countByKind[kind] > 0 {
                    while let (opener, openerKind) = scopes[top].openers.popLast() {
                        scopes[top].countByKind[openerKind] -= 1
                        if openerKind == kind {
                            tokens[opener] = .markup(Self.tags(count: delimiter.count, closing: false))
                            tokens[index] = .markup(Self.tags(count: delimiter.count, closing: true))
                            break
                        }
                    }
                } else if delimiter.canOpen {
                    scopes[top].openers.append((index, kind))
                    scopes[top].countByKind[kind] += 1
                }
            case .text, .markup, .bracket:
                break
            }
        }
    }

    private static func tags(count: Int, closing: Bool) -> String {
        switch (count, closing) {
        case (1, false): return "<em>"
        case (1, true): return "</em>"
        case (2, false): return "<strong>"
        case (2, true): return "</strong>"
        case (_, false): return "<strong><em>"
        case (_, true): return "</em></strong>"
        }
    }

    // MARK: Rendering

    private func render(insideLink: Bool) -> String {
        var out = ""
        var anchorsOpen = insideLink ? 1 : 0
        var closings: [String] = []
        for token in tokens {
            switch token {
            case .text(let text):
                HTMLText.append(escaping: text, to: &out)
            case .markup(let markup):
                out += markup
            case .delimiter(let delimiter):
                out += String(repeating: Character(delimiter.character), count: delimiter.count)
            case .bracket(let image):
                out += image ? "![" : "["
            case .linkStart(let href):
                if let href, anchorsOpen == 0 {
                    out += "<a href=\""
                    HTMLText.append(escaping: href, to: &out)
                    out += "\">"
                    anchorsOpen += 1
                    closings.append("</a>")
                } else {
                    closings.append("")
                }
            case .linkEnd:
                let closing = closings.popLast() ?? ""
                if !closing.isEmpty { anchorsOpen -= 1 }
                out += closing
            }
        }
        return out
    }
}

/// For each position, where the next `)` and the next character that cannot be in a link
/// target are, so `](target)` is recognised in constant time after one pass over the text.
private struct LinkTargetTables {
    private let scalars: [Unicode.Scalar]
    private var nextCloseParenthesis: [Int]
    private var nextForbidden: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        nextCloseParenthesis = [Int](repeating: scalars.count, count: scalars.count + 1)
        nextForbidden = [Int](repeating: scalars.count, count: scalars.count + 1)
        for index in scalars.indices.reversed() {
            let scalar = scalars[index]
            nextCloseParenthesis[index] = scalar == ")" ? index : nextCloseParenthesis[index + 1]
            let forbidden = scalar.properties.isWhitespace || scalar == "(" || scalar == "<" || scalar == ">"
            nextForbidden[index] = forbidden ? index : nextForbidden[index + 1]
        }
    }

    /// The target of `](target)` when the `]` at `index` is followed by one, and the index
    /// just past its `)`.
    func target(afterBracketAt index: Int) -> (String, end: Int)? {
        let open = index + 1
        guard open < scalars.count, scalars[open] == "(" else { return nil }
        let start = open + 1
        let close = nextCloseParenthesis[start]
        guard close < scalars.count, nextForbidden[start] > close else { return nil }
        return (String(String.UnicodeScalarView(scalars[start..<close])), close + 1)
    }
}

/// Every maximal run of backticks, by length, with a cursor per length: the scan asks for
/// closing runs at increasing positions, so each cursor only moves forward.
private struct BacktickRuns {
    private var startsByLength: [Int: [Int]] = [:]
    private var cursorByLength: [Int: Int] = [:]

    init(_ scalars: [Unicode.Scalar]) {
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "`" else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count, scalars[index] == "`" { index += 1 }
            startsByLength[index - start, default: []].append(start)
        }
    }

    /// The start of the first run of exactly `length` backticks that starts at or after `position`.
    mutating func firstRun(ofLength length: Int, startingAtOrAfter position: Int) -> Int? {
        guard let starts = startsByLength[length] else { return nil }
        var cursor = cursorByLength[length] ?? 0
        while cursor < starts.count, starts[cursor] < position { cursor += 1 }
        cursorByLength[length] = cursor
        return cursor < starts.count ? starts[cursor] : nil
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIPunctuation: Bool {
        value < 0x80 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(self)
    }

    fileprivate var isWordCharacter: Bool { properties.isAlphabetic || properties.numericType != nil }
}
