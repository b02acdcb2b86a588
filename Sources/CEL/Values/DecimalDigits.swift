/// A non-negative decimal number as digits and the place of the decimal point: digits `[1, 2, 5]`
/// with `point` 1 are 1.25, with `point` -1 they are 0.0125. There are no leading or trailing zero
/// digits, so zero has no digits at all.
///
/// Swift's standard library prints only the shortest round-trip form of a double; CEL's
/// `string(double)` and `format` need Go's forms as well: positional without an exponent, and
/// rounded to a number of places from the exact binary value, ties to even (`%.3f`, `%e`).
struct DecimalDigits: Equatable {
    /// Each element is 0...9, most significant first.
    var digits: [UInt8]
    /// The value is 0.d₁d₂d₃… × 10^point.
    var point: Int

    init(digits: [UInt8], point: Int) {
        self.digits = digits
        self.point = point
    }

    /// The shortest digits that read back as `magnitude`, a finite non-negative double.
    init(shortest magnitude: Double) {
        // Swift's description already finds the shortest (and closest) digits; only its layout
        // ("1.25", "1e-05", "1.5e+20") has to be taken apart.
        let text = "\(magnitude)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0]
        let integerPart = mantissa.split(separator: ".", omittingEmptySubsequences: false)[0]
        var digits = mantissa.compactMap { $0.wholeNumberValue.map(UInt8.init) }
        var point = integerPart.count + exponent
        let leadingZeros = digits.prefix { $0 == 0 }.count
        digits.removeFirst(leadingZeros)
        point -= leadingZeros
        while digits.last == 0 { digits.removeLast() }
        self.init(digits: digits, point: digits.isEmpty ? 0 : point)
    }

    /// Every digit of `magnitude`'s binary value, a finite non-negative double (up to 767
    /// significant digits for the smallest subnormals).
    init(exact magnitude: Double) {
        let fraction = magnitude.significandBitPattern
        let biased = Int(magnitude.exponentBitPattern)
        // magnitude = significand × 2^binaryExponent, with the implicit leading bit of normal numbers.
        let significand = biased == 0 ? fraction : fraction | (1 << 52)
        let binaryExponent = (biased == 0 ? 1 : biased) - 1075
        guard significand != 0 else {
            self.init(digits: [], point: 0)
            return
        }
        var number = Natural(significand)
        var digits: [UInt8]
        if binaryExponent >= 0 {
            number.multiply(byPowerOf: 2, binaryExponent)
            digits = number.decimalDigits
            self.init(digits: digits, point: digits.count)
        } else {
            // significand / 2^k = significand × 5^k / 10^k: the digits of the numerator, the
            // point moved k places left.
            number.multiply(byPowerOf: 5, -binaryExponent)
            digits = number.decimalDigits
            self.init(digits: digits, point: digits.count + binaryExponent)
        }
        while self.digits.last == 0 { self.digits.removeLast() }
    }

    /// Rounded to the first `count` digits (fewer than none rounds to zero), to nearest and ties
    /// to even, as C's and Go's printf round.
    func rounded(keeping count: Int) -> DecimalDigits {
        guard count < digits.count else { return self }
        guard count >= 0 else { return DecimalDigits(digits: [], point: 0) }
        var kept = Array(digits[..<count])
        let next = digits[count]
        let beyondHalf = digits.count > count + 1
        let lastIsOdd = (kept.last ?? 0) % 2 == 1
        var point = point
        if next > 5 || next == 5 && (beyondHalf || lastIsOdd) {
            var i = kept.count - 1
            while i >= 0, kept[i] == 9 {
                kept[i] = 0
                i -= 1
            }
            if i >= 0 {
                kept[i] += 1
            } else {
                kept.insert(1, at: 0)
                point += 1
            }
        }
        while kept.last == 0 { kept.removeLast() }
        return DecimalDigits(digits: kept, point: kept.isEmpty ? 0 : point)
    }

    /// The digit in the 10^place column.
    private func digit(inPlace place: Int) -> Character {
        let index = point - 1 - place
        let value = index >= 0 && index < digits.count ? digits[index] : 0
        return Character(Unicode.Scalar(UInt8(ascii: "0") + value))
    }

    /// Positional text with exactly `places` fraction digits (no point when 0); no rounding.
    func positional(places: Int) -> String {
        var text = ""
        if point <= 0 {
            text.append("0")
        } else {
            for place in stride(from: point - 1, through: 0, by: -1) { text.append(digit(inPlace: place)) }
        }
        if places > 0 {
            text.append(".")
            for place in 1...places { text.append(digit(inPlace: -place)) }
        }
        return text
    }

    /// Positional text with as many fraction digits as there are (Go's `'f'` with precision -1).
    var positional: String { positional(places: max(0, digits.count - point)) }

    /// `d.ddde±XX` with exactly `places` digits after the first; no rounding.
    func scientific(places: Int) -> String {
        let exponent = digits.isEmpty ? 0 : point - 1
        var text = String(digit(inPlace: exponent))
        if places > 0 {
            text.append(".")
            for place in 1...places { text.append(digit(inPlace: exponent - place)) }
        }
        let magnitude = abs(exponent)
        return text + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
    }

    /// Go's `%.Nf` of a finite double: exactly rounded, a minus sign on negative values and
    /// negative zero.
    static func fixed(_ value: Double, places: Int) -> String {
        let exact = DecimalDigits(exact: value.magnitude)
        let text = exact.rounded(keeping: exact.point + places).positional(places: places)
        return value.sign == .minus ? "-" + text : text
    }

    /// Go's `%.Ne` of a finite double.
    static func scientific(_ value: Double, places: Int) -> String {
        let text = DecimalDigits(exact: value.magnitude).rounded(keeping: places + 1).scientific(places: places)
        return value.sign == .minus ? "-" + text : text
    }

    /// Go's `strconv.FormatFloat(value, 'f', -1, 64)` of a finite double: the shortest
    /// round-trip digits, never an exponent.
    static func shortestPositional(_ value: Double) -> String {
        let text = DecimalDigits(shortest: value.magnitude).positional
        return value.sign == .minus ? "-" + text : text
    }
}

/// A natural number in base 2^32, least significant limb first: just enough arithmetic to
/// expand a double's binary value into decimal digits exactly.
private struct Natural {
    var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        while limbs.last == 0 { limbs.removeLast() }
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// Multiplies by base^exponent for base 2 or 5, in the largest steps that fit a limb.
    mutating func multiply(byPowerOf base: UInt32, _ exponent: Int) {
        let step = base == 2 ? 31 : 13
        var power: UInt32 = 1
        for _ in 0..<step { power *= base }
        for _ in 0..<exponent / step { multiply(by: power) }
        var rest: UInt32 = 1
        for _ in 0..<exponent % step { rest *= base }
        multiply(by: rest)
    }

    /// Divides in place and returns the remainder.
    private mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for i in limbs.indices.reversed() {
            let current = remainder << 32 | UInt64(limbs[i])
            limbs[i] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        while limbs.last == 0 { limbs.removeLast() }
        return UInt32(remainder)
    }

    /// The decimal digits, most significant first, without leading zeros.
    var decimalDigits: [UInt8] {
        var copy = self
        var reversed: [UInt8] = []
        while !copy.limbs.isEmpty {
            var chunk = copy.divide(by: 1_000_000_000)
            for _ in 0..<9 {
                reversed.append(UInt8(chunk % 10))
                chunk /= 10
            }
        }
        while reversed.last == 0 { reversed.removeLast() }
        return reversed.reversed()
    }
}
