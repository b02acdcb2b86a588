import CEL

/// Why a test cannot run here.
struct SkipReason: Error { let reason: String }

enum ConformanceValues {
    /// Decodes a `cel.expr.Value` message.
    static func value(_ j: JSONValue) throws(SkipReason) -> CELValue {
        guard let (kind, v) = j.members.first else { throw SkipReason(reason: "empty value") }
        switch kind {
        case "null_value": return .null
        case "bool_value": return .bool(v.bool ?? false)
        case "int64_value":
            guard let i = Int64(numberText(v)) else { throw SkipReason(reason: "bad int64") }
            return .int(i)
        case "uint64_value":
            guard let u = UInt64(numberText(v)) else { throw SkipReason(reason: "bad uint64") }
            return .uint(u)
        case "double_value":
            switch numberText(v) {
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            case "NaN": return .double(.nan)
            case let text:
                guard let d = Double(text) else { throw SkipReason(reason: "bad double") }
                return .double(d)
            }
        case "string_value": return .string(v.string ?? "")
        case "bytes_value": return .bytes(base64Decode(v["base64"]?.string ?? ""))
        case "list_value":
            var items: [CELValue] = []
            for item in v["values"]?.array ?? [] { items.append(try value(item)) }
            return .list(items)
        case "map_value":
            var pairs: [(CELValue, CELValue)] = []
            for entry in v["entries"]?.array ?? [] {
                guard let k = entry["key"], let x = entry["value"] else { throw SkipReason(reason: "bad map entry") }
                pairs.append((try value(k), try value(x)))
            }
            guard let m = CELMap(pairs: pairs) else { throw SkipReason(reason: "bad map") }
            return .map(m)
        case "type_value":
            return .type(typeNamed(v.string ?? ""))
        case "object_value":
            guard let (anyType, payload) = v.members.first else { throw SkipReason(reason: "empty object") }
            if anyType.hasSuffix("google.protobuf.Timestamp]"), let s = payload.string, let t = try? CELTimestamp.parse(s) {
                return .timestamp(t)
            }
            if anyType.hasSuffix("google.protobuf.Duration]"), let s = payload.string, let d = try? CELDuration.parse(s) {
                return .duration(d)
            }
            throw SkipReason(reason: "needs protobuf message \(anyType)")
        default:
            throw SkipReason(reason: "unsupported value kind \(kind)")
        }
    }

    static func numberText(_ v: JSONValue) -> String {
        switch v {
        case .number(let n): n
        case .string(let s): s
        default: ""
        }
    }

    static func typeNamed(_ name: String) -> CELType {
        switch name {
        case "int": .int
        case "uint": .uint
        case "double": .double
        case "bool": .bool
        case "string": .string
        case "bytes": .bytes
        case "list": .list(.dyn)
        case "map": .map(.dyn, .dyn)
        case "null_type": .null
        case "type": .type(.dyn)
        case "google.protobuf.Timestamp": .timestamp
        case "google.protobuf.Duration": .duration
        case "optional_type": .optional(.dyn)
        default: .object(name)
        }
    }

    /// Decodes a `cel.expr.Type` message.
    static func type(_ j: JSONValue) throws(SkipReason) -> CELType {
        guard let (kind, v) = j.members.first else { return .dyn }
        switch kind {
        case "primitive":
            switch v.string ?? "" {
            case "INT64": return .int
            case "UINT64": return .uint
            case "DOUBLE": return .double
            case "BOOL": return .bool
            case "STRING": return .string
            case "BYTES": return .bytes
            default: throw SkipReason(reason: "unknown primitive type")
            }
        case "list_type": return .list(try type(v["elem_type"] ?? .null))
        case "map_type": return .map(try type(v["key_type"] ?? .null), try type(v["value_type"] ?? .null))
        case "dyn": return .dyn
        case "null": return .null
        case "type": return .type(try type(v))
        case "well_known":
            switch v.string ?? "" {
            case "TIMESTAMP": return .timestamp
            case "DURATION": return .duration
            default: throw SkipReason(reason: "needs protobuf well-known type \(v.string ?? "")")
            }
        case "message_type":
            switch v.string ?? "" {
            case "google.protobuf.Timestamp": return .timestamp
            case "google.protobuf.Duration": return .duration
            default: throw SkipReason(reason: "needs protobuf message \(v.string ?? "")")
            }
        case "abstract_type" where v["name"]?.string == "optional_type":
            // A repeated field with one element may come as the element itself.
            let parameters = v["parameter_types"] ?? .null
            return .optional(try type(parameters.array.first ?? parameters))
        default: throw SkipReason(reason: "unsupported type \(kind)")
        }
    }

    /// Exact equality for expected results: kinds must match (1 is not 1u), NaN matches NaN,
    /// maps are compared without order.
    static func same(_ a: CELValue, _ b: CELValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.uint(let x), .uint(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): return Array(x.unicodeScalars) == Array(y.unicodeScalars)
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in zip(x.keys, x.values) {
                guard let j = y.keys.firstIndex(where: { same($0, k) }), same(v, y.values[j]) else { return false }
            }
            return true
        case (.timestamp(let x), .timestamp(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.type(let x), .type(let y)): return x.runtimeName == y.runtimeName
        default: return false
        }
    }

    static func base64Decode(_ s: String) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var table = [UInt8](repeating: 255, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for c in s.utf8 {
            let v = table[Int(c)]
            if v == 255 { continue }
            buffer = (buffer << 6) | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
