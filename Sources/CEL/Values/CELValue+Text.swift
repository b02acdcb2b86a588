extension CELValue {
    /// A short CEL-like rendering for messages (`"abc"`, `1u`, `[1, 2]`).
    public var debugText: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .uint(let u): "\(u)u"
        case .double(let d): CELStandardLibrary.formatDouble(d)
        case .string(let s): "\"\(s)\""
        case .bytes(let b): "b\"\(String(decoding: b, as: UTF8.self))\""
        case .list(let l): "[" + l.map(\.debugText).joined(separator: ", ") + "]"
        case .map(let m): "{" + zip(m.keys, m.values).map { "\($0.debugText): \($1.debugText)" }.joined(separator: ", ") + "}"
        case .timestamp(let t): "timestamp(\"\(t.rfc3339)\")"
        case .duration(let d): "duration(\"\(d.celString)\")"
        case .type(let t): t.runtimeName
        case .object(let o): "<\(o.celTypeName)>"
        case .error(let e): "error(\(e.message))"
        case .optional(let o): o.value.map { "optional.of(\($0.debugText))" } ?? "optional.none()"
        }
    }
}
