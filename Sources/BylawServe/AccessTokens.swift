import BylawSource

/// The bearer tokens of a token file: `decide` tokens may ask for decisions (`/v1/decide`,
/// `/v1/decide/batch`, `/v1/lint`, `/v1/plan`, the status summary); `admin` tokens may do
/// that and reload, read the status's details and the metrics.
///
/// The file holds one `ROLE TOKEN` pair a line; blank lines and lines starting with `#` are
/// skipped. Several tokens may share a role (to rotate one without a gap). A token is at least
/// 16 characters of printable ASCII, so a typo cannot leave a guessable one.
public struct AccessTokens: Sendable {
    /// What a token lets its bearer do.
    public enum Role: String, Sendable, Comparable {
        case decide, admin

        public static func < (lhs: Role, rhs: Role) -> Bool { lhs == .decide && rhs == .admin }
    }

    /// The shortest token accepted.
    public static let minimumLength = 16

    private let tokens: [(role: Role, bytes: [UInt8])]

    /// Tokens given directly (tests, embedders).
    public init(decide: [String], admin: [String]) {
        tokens = decide.map { (Role.decide, Array($0.utf8)) } + admin.map { (Role.admin, Array($0.utf8)) }
    }

    /// The role of the token in an `Authorization: Bearer TOKEN` header, or nil when the header
    /// is missing, malformed or names no token. Every token is compared in full, in time that
    /// does not depend on where a guess goes wrong.
    public func role(authorization: String?) -> Role? {
        guard let authorization else { return nil }
        let scheme = "bearer "
        guard authorization.utf8.count > scheme.utf8.count,
              authorization.prefix(scheme.count).lowercased() == scheme else { return nil }
        let given = Array(authorization.utf8.dropFirst(scheme.utf8.count))
        var found: Role?
        for token in tokens where Self.same(token.bytes, given) {
            found = max(found ?? token.role, token.role)
        }
        return found
    }

    /// Whether two tokens are equal, compared in full whatever they hold.
    package static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : 0
            let right = index < b.count ? b[index] : 0
            difference |= left ^ right
        }
        return difference == 0 && a.count == b.count
    }
}

extension AccessTokens {
    /// Reads a token file; every problem is a diagnostic at its line and column.
    public static func load(path: String) -> (tokens: AccessTokens?, diagnostics: [Diagnostic]) {
        let file: SourceFile
        do {
            file = try SourceFile.read(path: path, maxBytes: 1 << 20)
        } catch {
            return (nil, [error])
        }
        return parse(file)
    }

    /// Parses the text of a token file.
    public static func parse(_ file: SourceFile) -> (tokens: AccessTokens?, diagnostics: [Diagnostic]) {
        var decide: [String] = []
        var admin: [String] = []
        var diagnostics: [Diagnostic] = []
        func problem(_ message: String, at range: Range<Int>, hint: String? = nil) {
            diagnostics.append(Diagnostic(
                code: .serveTokenFile, message: message,
                span: SourceSpan(file: file, range: SourceRange(start: range.lowerBound, end: range.upperBound)), hint: hint))
        }
        for index in 0..<file.lineCount {
            let range = file.lineByteRange(index)
            let words = Self.words(file.bytes, in: range)
            guard let first = words.first, file.bytes[first.lowerBound] != UInt8(ascii: "#") else { continue }
            let roleText = String(decoding: file.bytes[first], as: UTF8.self)
            guard let role = Role(rawValue: roleText) else {
                problem("unknown role '\(roleText)'", at: first, hint: "each line is 'decide TOKEN' or 'admin TOKEN'")
                continue
            }
            guard words.count == 2 else {
                problem(words.count < 2 ? "'\(roleText)' has no token" : "expected one token after '\(roleText)'",
                        at: words.count < 2 ? first : words[2], hint: "each line is 'decide TOKEN' or 'admin TOKEN'")
                continue
            }
            let tokenBytes = file.bytes[words[1]]
            guard tokenBytes.count >= minimumLength, tokenBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                problem("a token must be at least \(minimumLength) characters of printable ASCII", at: words[1],
                        hint: "make one with: openssl rand -hex 32")
                continue
            }
            let token = String(decoding: tokenBytes, as: UTF8.self)
            if role == .admin { admin.append(token) } else { decide.append(token) }
        }
        if diagnostics.isEmpty, decide.isEmpty, admin.isEmpty {
            diagnostics.append(Diagnostic(
                code: .serveTokenFile, message: "the token file '\(file.path)' holds no token", path: file.path,
                hint: "each line is 'decide TOKEN' or 'admin TOKEN'"))
        }
        return diagnostics.contains { $0.severity == .error } ? (nil, diagnostics) : (AccessTokens(decide: decide, admin: admin), diagnostics)
    }

    /// The byte ranges of the space- or tab-separated words of a line.
    private static func words(_ bytes: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for index in range {
            let blank = bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D
            if blank, let begin = start {
                words.append(begin..<index)
                start = nil
            } else if !blank, start == nil {
                start = index
            }
        }
        if let begin = start { words.append(begin..<range.upperBound) }
        return words
    }
}
