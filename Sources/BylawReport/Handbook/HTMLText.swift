/// The one way text from a policy gets into the HTML handbook.
///
/// Everything a policy supplies (titles, owners, rule titles, test names, reasons, the handbook
/// text and link targets) is written through ``escaped(_:)`` or ``append(escaping:to:)``. Every
/// attribute the handbook writes is double-quoted, so escaping `&`, `<`, `>` and `"` is enough
/// for element content and attribute values alike: no text can open a tag, close an attribute or
/// start a character reference.
package enum HTMLText {
    /// `text` with `&`, `<`, `>` and `"` replaced by character references.
    package static func escaped(_ text: String) -> String {
        var out = ""
        append(escaping: text, to: &out)
        return out
    }

    /// Appends `text` to `out`, escaped as ``escaped(_:)`` does.
    package static func append(escaping text: String, to out: inout String) {
        for scalar in text.unicodeScalars { append(escaping: scalar, to: &out) }
    }

    /// Appends one scalar to `out`, escaped as ``escaped(_:)`` does.
    static func append(escaping scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.unicodeScalars.append(scalar)
        }
    }
}
