/// Which link targets the HTML handbook keeps.
///
/// The handbook is a published page, so a link from policy text must not run script or reach
/// into the reader's machine: only `http:`, `https:` and `mailto:` targets, and targets with no
/// scheme (a relative path, `/path`, `?query` or `#fragment`), become links. Anything else
/// (`javascript:`, `data:`, `file:`, `vbscript:`, …) is shown as the link's text alone.
enum LinkPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Whether `destination`, as written in the Markdown, may become an `href`.
    static func allows(_ destination: String) -> Bool {
        var scheme = ""
        for scalar in destination.unicodeScalars {
            // Browsers drop control characters and whitespace inside a URL before reading its
            // scheme ("java\tscript:"), so a target holding any is never a link.
            if scalar.value < 0x21 || scalar.value == 0x7F { return false }
            switch scalar {
            case ":":
                return isScheme(scheme) ? allowedSchemes.contains(scheme.lowercased()) : true
            case "/", "?", "#":
                return true  // no scheme: relative to the page
            default:
                scheme.unicodeScalars.append(scalar)
            }
        }
        return true
    }

    /// RFC 3986: a letter, then letters, digits, `+`, `-` and `.`.
    private static func isScheme(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
