/// A small reader of HTML start tags, written apart from the handbook's renderer, that reads
/// tags and attributes the way a browser's tokenizer does (quoted, unquoted and bare
/// attributes, any case, character references in values), so the tests can check what a
/// browser would see rather than search the text.
struct HTMLTag: Equatable, CustomStringConvertible {
    /// Lower case.
    let name: String
    /// Names in lower case; values with character references decoded.
    let attributes: [(name: String, value: String)]

    static func == (lhs: HTMLTag, rhs: HTMLTag) -> Bool {
        lhs.name == rhs.name && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    var description: String { "<\(name)" + attributes.map { " \($0.name)=\"\($0.value)\"" }.joined() + ">" }

    func value(of attribute: String) -> String? { attributes.first { $0.name == attribute }?.value }
}

enum HTMLTagScanner {
    /// Every start tag in `html`, in order. Comments, doctypes and the raw text of `<style>`
    /// and `<script>` elements are skipped.
    static func startTags(in html: String) -> [HTMLTag] {
        let text = Array(html.unicodeScalars)
        var tags: [HTMLTag] = []
        var index = 0
        while index < text.count {
            guard text[index] == "<", index + 1 < text.count else {
                index += 1
                continue
            }
            let next = text[index + 1]
            if next == "!" {
                index = skip(past: starts(text, at: index, with: "<!--") ? "-->" : ">", in: text, from: index)
            } else if next == "/" {
                index = skip(past: ">", in: text, from: index)
            } else if next.properties.isAlphabetic && next.isASCII {
                let (tag, end) = readTag(text, from: index + 1)
                tags.append(tag)
                index = end
                if tag.name == "style" || tag.name == "script" { index = skip(past: "</\(tag.name)", in: text, from: index) }
            } else {
                index += 1
            }
        }
        return tags
    }

    private static func readTag(_ text: [Unicode.Scalar], from start: Int) -> (HTMLTag, Int) {
        var index = start
        var name = ""
        while index < text.count, !isSpace(text[index]), text[index] != "/", text[index] != ">" {
            name.unicodeScalars.append(text[index])
            index += 1
        }
        var attributes: [(String, String)] = []
        while index < text.count, text[index] != ">" {
            if isSpace(text[index]) || text[index] == "/" {
                index += 1
                continue
            }
            var attribute = ""
            while index < text.count, !isSpace(text[index]), text[index] != "/", text[index] != ">", text[index] != "=" || attribute.isEmpty {
                attribute.unicodeScalars.append(text[index])
                index += 1
            }
            while index < text.count, isSpace(text[index]) { index += 1 }
            var value = ""
            if index < text.count, text[index] == "=" {
                index += 1
                while index < text.count, isSpace(text[index]) { index += 1 }
                if index < text.count, text[index] == "\"" || text[index] == "'" {
                    let quote = text[index]
                    index += 1
                    while index < text.count, text[index] != quote {
                        value.unicodeScalars.append(text[index])
                        index += 1
                    }
                    index += 1
                } else {
                    while index < text.count, !isSpace(text[index]), text[index] != ">" {
                        value.unicodeScalars.append(text[index])
                        index += 1
                    }
                }
            }
            attributes.append((attribute.lowercased(), decodeReferences(value)))
        }
        return (HTMLTag(name: name.lowercased(), attributes: attributes), index + 1)
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#N;` and `&#xN;` (enough to see
    /// through an attempt to hide a scheme or a quote).
    static func decodeReferences(_ value: String) -> String {
        var out = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semicolon) <= 10 else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            let body = rest[rest.index(after: rest.startIndex)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "Tab": "\t", "NewLine": "\n"]
            var decoded: String?
            if let character = named[String(body)] {
                decoded = character
            } else if body.hasPrefix("#x") || body.hasPrefix("#X"), let code = UInt32(body.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                decoded = String(Character(scalar))
            } else if body.hasPrefix("#"), let code = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(code) {
                decoded = String(Character(scalar))
            }
            if let decoded {
                out += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    /// The scheme a browser reads from a URL attribute: control characters and whitespace
    /// removed, lower case, up to the first `:` (nil when there is none before `/`, `?`, `#`).
    static func scheme(of url: String) -> String? {
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let prefix = cleaned[..<colon]
        return prefix.contains(where: { "/?#".contains($0) }) ? nil : String(prefix)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" }

    private static func starts(_ text: [Unicode.Scalar], at index: Int, with prefix: String) -> Bool {
        let wanted = Array(prefix.unicodeScalars)
        return index + wanted.count <= text.count && Array(text[index..<index + wanted.count]) == wanted
    }

    /// The index just past the first `terminator` at or after `start` (case-insensitive), or the end.
    private static func skip(past terminator: String, in text: [Unicode.Scalar], from start: Int) -> Int {
        let wanted = Array(terminator.lowercased().unicodeScalars)
        var index = start
        while index + wanted.count <= text.count {
            if text[index..<index + wanted.count].map({ Character($0).lowercased() }).joined() == String(String.UnicodeScalarView(wanted)) {
                return index + wanted.count
            }
            index += 1
        }
        return text.count
    }
}
