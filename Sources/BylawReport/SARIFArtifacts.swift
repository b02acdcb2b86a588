import BylawSource

/// The files a SARIF run mentions, each listed once in `run.artifacts` and referred to by
/// index from every `artifactLocation`.
struct SARIFArtifacts {
    private(set) var paths: [String] = []
    private var indexByPath: [String: Int] = [:]

    /// The index of a path, registering it on first use.
    mutating func index(of path: String) -> Int {
        if let index = indexByPath[path] { return index }
        indexByPath[path] = paths.count
        paths.append(path)
        return paths.count - 1
    }

    /// `artifactLocation` for a path, registering it.
    mutating func location(of path: String) -> JSONValue {
        let index = index(of: path)
        return SARIFArtifacts.artifactLocation(path, index: index)
    }

    /// `run.artifacts`.
    var json: JSONValue {
        .array(paths.map { path in .object([("location", SARIFArtifacts.artifactLocation(path, index: nil))]) })
    }

    /// A relative path stays relative to `%SRCROOT%` (the checkout, for code scanning); an
    /// absolute one becomes a `file://` URI.
    static func artifactLocation(_ path: String, index: Int?) -> JSONValue {
        var pairs: [(String, JSONValue)]
        if path.hasPrefix("/") {
            pairs = [("uri", .string("file://" + encode(path)))]
        } else {
            var relative = Substring(path)
            while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
            pairs = [("uri", .string(encode(String(relative)))), ("uriBaseId", .string("%SRCROOT%"))]
        }
        if let index { pairs.append(("index", .int(Int64(index)))) }
        return .object(pairs)
    }

    /// Percent-encodes every byte but RFC 3986's unreserved characters and `/`, so spaces,
    /// `#`, `?`, `%` and non-ASCII names make valid URI references.
    static func encode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// A SARIF `region` for a span: 1-based lines, columns in Unicode code points (the run
    /// declares `columnKind: unicodeCodePoints`), the end column one past the last character.
    static func region(_ span: SourceSpan) -> JSONValue {
        let start = span.start
        let end = span.end
        return .object([
            ("startLine", .int(Int64(start.line))), ("startColumn", .int(Int64(start.scalarColumn))),
            ("endLine", .int(Int64(end.line))), ("endColumn", .int(Int64(end.scalarColumn))),
        ])
    }
}
