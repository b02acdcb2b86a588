/// Text a printer of `BylawReport` wrote with ``TextStyle/ansi`` (an explanation as `bylaw
/// explain` prints it), as HTML: the text escaped, each colour a `<span class="sgr-…">`. One
/// printer thus serves the terminal and the studio. Printers write policy text through
/// `TerminalText.clean`, so every escape sequence in the text is the style's own.
enum StyledText {
    static func html(_ text: String) -> String {
        var out = ""
        var open = false
        var rest = Substring(text)
        while let escape = rest.firstIndex(of: "\u{1B}") {
            out += h(String(rest[..<escape]))
            rest = rest[rest.index(after: escape)...]
            guard rest.first == "[", let end = rest.firstIndex(of: "m") else { break }
            let code = rest[rest.index(after: rest.startIndex)..<end]
            rest = rest[rest.index(after: end)...]
            if open {
                out += "</span>"
                open = false
            }
            if code != "0" {
                out += "<span class=\"sgr-\(code.replacingOccurrences(of: ";", with: "-"))\">"
                open = true
            }
        }
        out += h(String(rest))
        return open ? out + "</span>" : out
    }
}
