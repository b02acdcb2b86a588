/// Escaping for XML 1.0 text and attribute values.
///
/// Characters XML 1.0 forbids outright (C0 controls other than tab, LF and CR, and U+FFFE,
/// U+FFFF) cannot be written even as character references, so they are shown as `\uXXXX`.
enum XMLEscaping {
    /// Escapes element text: `&`, `<`, `>`, and CR (which a parser would fold into LF).
    static func text(_ value: String) -> String { escape(value, attribute: false) }

    /// Escapes an attribute value (written between double quotes): also `"`, `'`, and tab,
    /// LF and CR as character references, which attribute normalisation would turn into spaces.
    static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    private static func escape(_ value: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
