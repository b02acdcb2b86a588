#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EventLineParser {
    /// What ``scanNumber()`` saw of a JSON number.
    struct NumberShape {
        var start: Int
        var isInteger: Bool
    }

    /// Validates a JSON number at `index` (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`)
    /// and advances past it.
    @discardableResult
    mutating func scanNumber() throws(ScanFailure) -> NumberShape {
        let start = index
        var isInteger = true
        if base[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, isDigit(base[index]) else {
            throw ScanFailure(.invalidJSON, at: start, "invalid number: a digit must follow '-'")
        }
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, isDigit(base[index]) {
                throw ScanFailure(.invalidJSON, at: start, "invalid number: a number may not start with 0 followed by digits")
            }
        } else {
            skipDigits()
        }
        if index < count, base[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < count, isDigit(base[index]) else {
                throw ScanFailure(.invalidJSON, at: start, "invalid number: a digit must follow '.'")
            }
            skipDigits()
        }
        if index < count, base[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, isDigit(base[index]) else {
                throw ScanFailure(.invalidJSON, at: start, "invalid number: a digit must follow the exponent")
            }
            skipDigits()
        }
        return NumberShape(start: start, isInteger: isInteger)
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) private mutating func skipDigits() {
        while index < count, isDigit(base[index]) { index += 1 }
    }

    /// Parses an integer field (no fraction, no exponent) that fits in `Int64`.
    @inline(__always)
    mutating func parseInteger(_ field: UsageEventField) throws(ScanFailure) -> Int64 {
        // The common case, a non-negative integer of at most 18 digits, cannot overflow and
        // needs one pass; everything else takes the careful path.
        var position = index
        var value: Int64 = 0
        while position < count, isDigit(base[position]), position - index < 18 {
            value = value &* 10 &+ Int64(base[position] &- 0x30)
            position += 1
        }
        let digits = position - index
        if digits > 0, digits < 18, digits == 1 || base[index] != UInt8(ascii: "0"),
            position == count || (base[position] != UInt8(ascii: ".") && base[position] | 0x20 != UInt8(ascii: "e"))
        {
            index = position
            return value
        }
        return try parseIntegerCarefully(field)
    }

    @inline(never)
    private mutating func parseIntegerCarefully(_ field: UsageEventField) throws(ScanFailure) -> Int64 {
        let shape = try scanNumber()
        guard shape.isInteger else {
            throw ScanFailure(.wrongType, at: shape.start, field: field, "field '\(field.path)' must be an integer, found \(describeValue(at: shape.start))")
        }
        var position = shape.start
        let negative = base[shape.start] == UInt8(ascii: "-")
        if negative { position += 1 }
        var value: Int64 = 0
        while position < index {
            let digit = Int64(base[position] - 0x30)
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else {
                throw ScanFailure(.numberOutOfRange, at: shape.start, field: field, "field '\(field.path)' is out of range for a 64-bit integer")
            }
            value = next
            position += 1
        }
        return value
    }

    /// Parses a decimal field into the nearest `Double`; infinity is out of range.
    @inline(__always)
    mutating func parseDecimal(_ field: UsageEventField) throws(ScanFailure) -> Double {
        // One pass for the common `[-]digits[.digits]` with at most 15 digits: exact by
        // Clinger's fast path. Anything else takes the careful path from the start.
        var position = index
        let negative = base[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let integerStart = position
        var mantissa: UInt64 = 0
        while position < count, isDigit(base[position]) {
            mantissa = mantissa &* 10 &+ UInt64(base[position] &- 0x30)
            position += 1
        }
        var digits = position - integerStart
        let leadingZeroOK = digits == 1 || (digits > 1 && base[integerStart] != UInt8(ascii: "0"))
        var fraction = 0
        if leadingZeroOK, position < count, base[position] == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            while position < count, isDigit(base[position]) {
                mantissa = mantissa &* 10 &+ UInt64(base[position] &- 0x30)
                position += 1
            }
            fraction = position - fractionStart
            if fraction == 0 { digits = 99 }
            digits += fraction
        }
        if leadingZeroOK, digits <= 15, position == count || base[position] | 0x20 != UInt8(ascii: "e") {
            index = position
            let value = Double(mantissa) / Self.powersOfTen[fraction]
            return negative ? -value : value
        }
        return try parseDecimalCarefully(field)
    }

    @inline(never)
    private mutating func parseDecimalCarefully(_ field: UsageEventField) throws(ScanFailure) -> Double {
        let shape = try scanNumber()
        if let fast = fastDouble(from: shape.start, to: index) { return fast }
        // Rare: many digits or a large exponent. strtod needs a terminated copy.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + shape.start, count: index - shape.start))
        scratch.append(0)
        let value = scratch.withUnsafeBufferPointer { bytes in
            bytes.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: bytes.count) { strtod($0, nil) } } ?? 0
        }
        guard value.isFinite else {
            throw ScanFailure(.numberOutOfRange, at: shape.start, field: field, "field '\(field.path)' is out of range for a 64-bit floating-point number")
        }
        // A non-zero number that rounds to zero (`1e-400`) is out of range too: its exact value
        // (which sums by currency keep) would need arbitrarily many digits.
        if value == 0, hasNonZeroDigit(from: shape.start, to: index) {
            throw ScanFailure(
                .numberOutOfRange, at: shape.start, field: field,
                "field '\(field.path)' is too small for a 64-bit floating-point number: it is not zero but rounds to zero")
        }
        return value
    }

    /// Whether the mantissa of the number in `start..<end` has a digit other than 0.
    private func hasNonZeroDigit(from start: Int, to end: Int) -> Bool {
        var position = start
        while position < end, base[position] | 0x20 != UInt8(ascii: "e") {
            if base[position] &- 0x31 < 9 { return true }
            position += 1
        }
        return false
    }

    /// Clinger's fast path: exact when the digits fit in 2^53 and the power of ten in 10^22.
    private func fastDouble(from start: Int, to end: Int) -> Double? {
        var position = start
        let negative = base[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        while position < end, isDigit(base[position]) {
            mantissa = mantissa &* 10 &+ UInt64(base[position] - 0x30)
            digits += 1
            position += 1
        }
        if position < end, base[position] == UInt8(ascii: ".") {
            position += 1
            while position < end, isDigit(base[position]) {
                mantissa = mantissa &* 10 &+ UInt64(base[position] - 0x30)
                digits += 1
                exponent -= 1
                position += 1
            }
        }
        if position < end {
            position += 1
            var sign = 1
            if base[position] == UInt8(ascii: "-") {
                sign = -1
                position += 1
            } else if base[position] == UInt8(ascii: "+") {
                position += 1
            }
            var written = 0
            while position < end {
                written = written * 10 + Int(base[position] - 0x30)
                if written > 1000 { return nil }
                position += 1
            }
            exponent += sign * written
        }
        guard digits <= 19, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        var value = Double(mantissa)
        value = exponent < 0 ? value / Self.powersOfTen[-exponent] : value * Self.powersOfTen[exponent]
        return negative ? -value : value
    }

    /// 10^0 through 10^22, every one exact in a `Double`.
    static let powersOfTen: InlineArray<23, Double> = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
