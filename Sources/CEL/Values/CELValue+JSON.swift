extension CELValue {
    /// JSON text for a value (what `bylaw expr` prints): numbers as numbers (non-finite doubles
    /// as the strings "NaN", "Infinity", "-Infinity"), bytes as base64 strings, timestamps as
    /// RFC 3339 strings, durations as "1.5s" strings, types as their names, maps as objects
    /// (non-string keys are printed as their text), optionals as their value or null, errors as
    /// `{"error": message}`. Objects go through `object`, by default `{"@type": name}`.
    public func jsonText(object: (any CELObject) -> String = { "{\"@type\":\(celJSONString($0.celTypeName))}" }, depth: Int = 0) -> String {
        guard depth < 256 else { return "null" }
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .double(let d):
            if d.isNaN { return "\"NaN\"" }
            if d.isInfinite { return d < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
            if let i = Int64(exactly: d), abs(d) < 1e15 { return String(i) }
            return "\(d)"
        case .string(let s): return celJSONString(s)
        case .bytes(let b): return "\"" + base64Encode(b) + "\""
        case .list(let items):
            return "[" + items.map { $0.jsonText(object: object, depth: depth + 1) }.joined(separator: ",") + "]"
        case .map(let m):
            let members = zip(m.keys, m.values).map { k, v in
                let key: String = if case .string(let s) = k { s } else { k.debugText }
                return celJSONString(key) + ":" + v.jsonText(object: object, depth: depth + 1)
            }
            return "{" + members.joined(separator: ",") + "}"
        case .timestamp(let t): return celJSONString(t.rfc3339)
        case .duration(let d): return celJSONString(d.celString)
        case .type(let t): return celJSONString(t.runtimeName)
        case .object(let o): return object(o)
        case .error(let e): return "{\"error\":\(celJSONString(e.message))}"
        case .optional(let o): return o.value?.jsonText(object: object, depth: depth + 1) ?? "null"
        }
    }
}

/// A JSON string literal.
public func celJSONString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

func base64Encode(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var out = ""
    var i = 0
    while i < bytes.count {
        let b0 = UInt32(bytes[i])
        let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
        let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
        let n = (b0 << 16) | (b1 << 8) | b2
        out.append(alphabet[Int((n >> 18) & 63)])
        out.append(alphabet[Int((n >> 12) & 63)])
        out.append(i + 1 < bytes.count ? alphabet[Int((n >> 6) & 63)] : "=")
        out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : "=")
        i += 3
    }
    return out
}
