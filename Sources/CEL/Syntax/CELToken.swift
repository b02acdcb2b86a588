/// A lexical token of CEL, with its byte range.
struct CELToken: Sendable {
    enum Kind: Sendable, Equatable {
        case int(UInt64)          // magnitude; sign and range are the parser's concern
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case ident(String)
        case quotedIdent(String)  // `name` in backticks
        case punct(String)
        case eof
        case error(String)
    }

    var kind: Kind
    var range: CELRange

    func isPunct(_ p: String) -> Bool {
        if case .punct(let q) = kind { return p == q }
        return false
    }
}

/// Words CEL reserves: not usable as identifiers, though they are allowed as field and
/// receiver-function names after a dot.
let celReservedWords: Set<String> = [
    "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
    "package", "namespace", "return", "var", "void", "while", "in",
]
