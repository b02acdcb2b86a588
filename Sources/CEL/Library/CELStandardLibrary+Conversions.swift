extension CELStandardLibrary {
    static func installConversions(into env: inout CELEnvironment) {
        env.declareFunction("int", overloads: [
            o("int_int", [.int], .int), o("uint_to_int", [.uint], .int), o("double_to_int", [.double], .int),
            o("string_to_int", [.string], .int), o("timestamp_to_int", [.timestamp], .int),
        ], dynamic: .unary(toInt))
        env.declareFunction("uint", overloads: [
            o("uint_uint", [.uint], .uint), o("int_to_uint", [.int], .uint), o("double_to_uint", [.double], .uint),
            o("string_to_uint", [.string], .uint),
        ], dynamic: .unary(toUInt))
        env.declareFunction("double", overloads: [
            o("double_double", [.double], .double), o("int_to_double", [.int], .double),
            o("uint_to_double", [.uint], .double), o("string_to_double", [.string], .double),
        ], dynamic: .unary(toDouble))
        env.declareFunction("string", overloads: [
            o("string_string", [.string], .string), o("int_to_string", [.int], .string),
            o("uint_to_string", [.uint], .string), o("double_to_string", [.double], .string),
            o("bytes_to_string", [.bytes], .string), o("bool_to_string", [.bool], .string),
            o("timestamp_to_string", [.timestamp], .string), o("duration_to_string", [.duration], .string),
        ], dynamic: .unary(toStringValue))
        env.declareFunction("bytes", overloads: [o("bytes_bytes", [.bytes], .bytes), o("string_to_bytes", [.string], .bytes)],
                            dynamic: .unary(toBytes))
        env.declareFunction("bool", overloads: [o("bool_bool", [.bool], .bool), o("string_to_bool", [.string], .bool)],
                            dynamic: .unary(toBool))
        env.declareFunction("dyn", overloads: [o("to_dyn", [A], .dyn)], dynamic: .unary { $0 })
        env.declareFunction("type", overloads: [o("type", [A], .type(A))], dynamic: .unary { .type($0.celType) })
        env.declareFunction("timestamp", overloads: [
            o("timestamp_timestamp", [.timestamp], .timestamp), o("string_to_timestamp", [.string], .timestamp),
            o("int_to_timestamp", [.int], .timestamp),
        ], dynamic: .unary(toTimestamp))
        env.declareFunction("duration", overloads: [
            o("duration_duration", [.duration], .duration), o("string_to_duration", [.string], .duration),
        ], dynamic: .unary(toDuration))
    }

    @Sendable static func toInt(_ v: CELValue) -> CELValue {
        switch v {
        case .int: return v
        case .uint(let u): return u > UInt64(Int64.max) ? .fail("range error: uint out of int range") : .int(Int64(u))
        case .double(let d):
            // Doubles at the ends of the range round to 2^63, which is already out of range.
            guard d.isFinite, d > -9_223_372_036_854_775_808.0,
                  d < 9_223_372_036_854_775_808.0 else { return .fail("range error: double out of int range") }
            return .int(Int64(d.rounded(.towardZero)))
        case .string(let s): return Int64(s).map { .int($0) } ?? .fail("invalid int literal '\(s)'")
        case .timestamp(let t): return .int(t.seconds)
        default: return .noSuchOverload
        }
    }

    @Sendable static func toUInt(_ v: CELValue) -> CELValue {
        switch v {
        case .uint: return v
        case .int(let i): return i < 0 ? .fail("range error: int out of uint range") : .uint(UInt64(i))
        case .double(let d):
            guard d.isFinite, d > -1, d < 18_446_744_073_709_551_616.0 else { return .fail("range error: double out of uint range") }
            return .uint(UInt64(d.rounded(.towardZero)))
        case .string(let s): return UInt64(s).map { .uint($0) } ?? .fail("invalid uint literal '\(s)'")
        default: return .noSuchOverload
        }
    }

    @Sendable static func toDouble(_ v: CELValue) -> CELValue {
        switch v {
        case .double: return v
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            let lowered = s.lowercased()
            if ["inf", "+inf", "infinity", "+infinity"].contains(lowered) { return .double(.infinity) }
            if ["-inf", "-infinity"].contains(lowered) { return .double(-.infinity) }
            if lowered == "nan" { return .double(.nan) }
            return Double(s).map { .double($0) } ?? .fail("invalid double literal '\(s)'")
        default: return .noSuchOverload
        }
    }

    @Sendable static func toStringValue(_ v: CELValue) -> CELValue {
        switch v {
        case .string: return v
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(formatDouble(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else { return .fail("invalid UTF-8 in bytes, cannot convert to string") }
            return .string(s)
        case .timestamp(let t): return .string(t.rfc3339)
        case .duration(let d): return .string(d.celString)
        default: return .noSuchOverload
        }
    }

    /// Go's `%g` (`strconv.FormatFloat(d, 'g', -1, 64)`), which cel-spec's string(double)
    /// follows: shortest round-trip digits, exponent form when the exponent is < -4 or >= 6.
    static func formatDouble(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        let sign = d.sign == .minus ? "-" : ""
        let shortest = DecimalDigits(shortest: d.magnitude)
        let exponent = shortest.point - 1
        if !shortest.digits.isEmpty, exponent < -4 || exponent >= 6 {
            return sign + shortest.scientific(places: shortest.digits.count - 1)
        }
        return sign + shortest.positional
    }

    @Sendable static func toBytes(_ v: CELValue) -> CELValue {
        switch v {
        case .bytes: v
        case .string(let s): .bytes(Array(s.utf8))
        default: .noSuchOverload
        }
    }

    @Sendable static func toBool(_ v: CELValue) -> CELValue {
        switch v {
        case .bool: return v
        case .string(let s):
            switch s {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: return .fail("type conversion error: cannot convert '\(s)' to bool")
            }
        default: return .noSuchOverload
        }
    }

    @Sendable static func toTimestamp(_ v: CELValue) -> CELValue {
        switch v {
        case .timestamp: return v
        case .string(let s):
            do { return .timestamp(try CELTimestamp.parse(s)) } catch { return .fail(error.message) }
        case .int(let i):
            do { return .timestamp(try CELTimestamp(unixSeconds: i)) } catch {
                return .fail(error.message)
            }
        default: return .noSuchOverload
        }
    }

    @Sendable static func toDuration(_ v: CELValue) -> CELValue {
        switch v {
        case .duration: return v
        case .string(let s):
            do { return .duration(try CELDuration.parse(s)) } catch { return .fail(error.message) }
        default: return .noSuchOverload
        }
    }
}

