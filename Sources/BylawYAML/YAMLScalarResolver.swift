/// Resolves scalars by the YAML 1.2 core schema, straight from libyaml's bytes.
///
/// Most plain scalars are words (`name`, `block`); the first byte rules them out as null,
/// boolean or number without building anything.
enum YAMLScalarResolver {
    /// A tagged scalar's value, or why its text does not fit its tag.
    enum TaggedResolution {
        case value(YAMLValueBits)
        case mismatch(String)
    }

    /// A plain scalar's resolution; `nil` when it looks like an integer that does not fit in 64 bits.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLValueBits? {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(bytes)
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            return isNull(bytes) ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(bytes).map(YAMLValueBits.bool) ?? .string
        default:
            return .string
        }
    }

    /// The value of a scalar carrying one of the core tags (`!!str`, `!!int`, ...), or a message
    /// saying why the text does not fit the tag.
    static func resolve(tagged tag: String, _ bytes: UnsafeBufferPointer<UInt8>) -> TaggedResolution {
        let text = String(decoding: bytes, as: UTF8.self)
        switch tag {
        case "!!str":
            return .value(.string)
        case "!!null":
            return bytes.isEmpty || isNull(bytes) ? .value(.null) : .mismatch("'\(text)' is not null")
        case "!!bool":
            return bool(bytes).map { .value(.bool($0)) } ?? .mismatch("'\(text)' is not a boolean (true or false)")
        case "!!int":
            if isIntSyntax(bytes) {
                return int(bytes).map { .value(.int($0)) } ?? .mismatch("'\(text)' does not fit in a 64-bit integer")
            }
            return .mismatch("'\(text)' is not an integer")
        case "!!float":
            let resolved = number(bytes)
            switch resolved?.kind {
            case .float?: return resolved.map { .value($0) } ?? .mismatch("'\(text)' is not a number")
            case .int?: return .value(.float(Double(Int64(bitPattern: resolved?.bits ?? 0))))
            default:
                if isIntSyntax(bytes), let value = Double(text) { return .value(.float(value)) }
                return .mismatch("'\(text)' is not a number")
            }
        default:
            return .mismatch("unknown tag")
        }
    }

    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count == 1 { return bytes[0] == UInt8(ascii: "~") }
        return equals(bytes, "null") || equals(bytes, "Null") || equals(bytes, "NULL")
    }

    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if equals(bytes, "true") || equals(bytes, "True") || equals(bytes, "TRUE") { return true }
        if equals(bytes, "false") || equals(bytes, "False") || equals(bytes, "FALSE") { return false }
        return nil
    }

    /// An int or float by the core schema; an int too large for 64 bits is `nil` (not a string,
    /// so the caller can report it).
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLValueBits? {
        if isIntSyntax(bytes) { return int(bytes).map(YAMLValueBits.int) }
        if let special = specialFloat(bytes) { return .float(special) }
        guard isFloatSyntax(bytes) else { return .string }
        if let value = exactDecimal(bytes) ?? Double(String(decoding: bytes, as: UTF8.self)) { return .float(value) }
        return .string
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    static func isIntSyntax(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        if count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
            let hex = bytes[1] == UInt8(ascii: "x")
            for index in 2..<count where digit(bytes[index], radix: hex ? 16 : 8) == nil { return false }
            return true
        }
        var index = 0
        if count > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
        guard index < count else { return false }
        while index < count {
            guard isDecimal(bytes[index]) else { return false }
            index += 1
        }
        return true
    }

    /// The value of text already known to match ``isIntSyntax(_:)``; `nil` on overflow.
    static func int(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var radix: Int64 = 10
        var index = 0
        var negative = false
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
            radix = bytes[1] == UInt8(ascii: "x") ? 16 : 8
            index = 2
        } else if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        // Accumulate negatively so Int64.min itself parses.
        var value: Int64 = 0
        while index < bytes.count {
            guard let digit = digit(bytes[index], radix: Int(radix)) else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (next, overflow2) = shifted.subtractingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        return value == Int64.min ? nil : -value
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isFloatSyntax(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var mantissaDigits = 0
        while index < count, isDecimal(bytes[index]) { index += 1; mantissaDigits += 1 }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var fraction = 0
            while index < count, isDecimal(bytes[index]) { index += 1; fraction += 1 }
            // `.5` needs fraction digits; `1.` is allowed.
            if mantissaDigits == 0, fraction == 0 { return false }
            mantissaDigits += fraction
        }
        guard mantissaDigits > 0 else { return false }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponent = 0
            while index < count, isDecimal(bytes[index]) { index += 1; exponent += 1 }
            if exponent == 0 { return false }
        }
        return index == count
    }

    /// Powers of ten that a `Double` holds exactly.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }

    /// A decimal without exponent, with at most 15 significant digits and 22 after the point
    /// (`12.5`, `-0.75`), computed
    /// without `strtod`: its digits as an integer are exact in a `Double`, so is the power of
    /// ten, and one IEEE division of two exact values is correctly rounded, as `strtod` is.
    /// `nil` for anything else, which the caller parses the long way.
    static func exactDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            index = 1
        }
        var digits: UInt64 = 0
        var sawDigit = false
        var significantDigits = 0
        var fractionDigits = 0
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if isDecimal(byte) {
                digits = digits * 10 + UInt64(byte - UInt8(ascii: "0"))
                sawDigit = true
                // Leading zeros are not significant: `0.000001` has one digit to keep exact.
                if digits > 0 { significantDigits += 1 }
                if sawPoint { fractionDigits += 1 }
                guard significantDigits <= 15, fractionDigits <= 22 else { return nil }
            } else {
                return nil
            }
            index += 1
        }
        guard sawDigit else { return nil }
        let magnitude = Double(digits) / exactPowersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    /// `.inf`, `-.inf`, `+.inf` (three spellings each) and `.nan` (three spellings).
    static func specialFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count >= 4, bytes.count <= 5 else { return nil }
        var sign: Double = 1
        var start = 0
        if bytes.count == 5 {
            if bytes[0] == UInt8(ascii: "-") { sign = -1 } else if bytes[0] != UInt8(ascii: "+") { return nil }
            start = 1
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[start...])
        if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") { return sign * .infinity }
        if start == 0, equals(rest, ".nan") || equals(rest, ".NaN") || equals(rest, ".NAN") { return .nan }
        return nil
    }

    private static func isDecimal(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func digit(_ byte: UInt8, radix: Int) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
        return value < radix ? value : nil
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for index in 0..<bytes.count where bytes[index] != pointer[index] { return false }
        return true
    }
}
