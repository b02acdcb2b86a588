/// An exact sum of decimal numbers, read from their JSON text: amounts are money, so no binary
/// rounding, no digit dropped and no wrapping, whatever the amounts' size or number of decimals.
///
/// Positive and negative amounts are summed apart, each into a ``DecimalMagnitude`` that only
/// grows; the sign is settled once, when the sum is printed.
public struct DecimalSum: Sendable, CustomStringConvertible {
    private var positive = DecimalMagnitude()
    private var negative = DecimalMagnitude()

    /// A sum of nothing: `0`.
    public init() {}

    /// Adds a JSON number (`-?int[.frac][(e|E)[+-]exp]`) that the usage event scanner accepted:
    /// finite as a `Double`, and not a non-zero value so small that it rounds to zero. Those two
    /// bounds keep every digit's power of ten within the line's length of zero.
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(number: $0) }
    }

    /// ``add(_:)`` for the number's UTF-8 bytes.
    public mutating func add(number bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        if first == UInt8(ascii: "-") {
            negative.add(UnsafeBufferPointer(rebasing: bytes.dropFirst()))
        } else {
            positive.add(bytes)
        }
    }

    /// The sum as plain decimal text: no exponent, no trailing zeros after the point
    /// (`1290.46357`, `-3`, `0`).
    public var description: String {
        switch positive.compare(negative) {
        case .equal: return "0"
        case .greater: return positive.subtracting(negative).text
        case .less: return "-" + negative.subtracting(positive).text
        }
    }
}

/// A non-negative decimal number of any size and scale, in limbs of 18 decimal digits.
///
/// `limbs[i]` holds the digits worth `10^(18 × (i − fractionLimbs))` (least significant first),
/// each below 10^18. Decimal limbs make a new amount's scale a matter of where its digits land,
/// never a multiplication, so an amount costs time in proportion to its digits.
struct DecimalMagnitude: Sendable {
    static let digitsPerLimb = 18
    static let limbBase: UInt64 = 1_000_000_000_000_000_000
    /// A bound on the powers of ten of an amount's digits: the scanner keeps them within a
    /// line's length (1 MiB) plus a `Double`'s exponent range of zero.
    static let maxPower = 1 << 24

    private(set) var limbs: [UInt64] = []
    private(set) var fractionLimbs = 0

    enum Order { case less, equal, greater }

    /// Adds an unsigned JSON number: `int[.frac][(e|E)[+-]exp]`.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        // The mantissa's end, the point's position (or the mantissa's end), and the exponent.
        var mantissaEnd = 0
        while mantissaEnd < count, bytes[mantissaEnd] | 0x20 != UInt8(ascii: "e") { mantissaEnd += 1 }
        var point = 0
        while point < mantissaEnd, bytes[point] != UInt8(ascii: ".") { point += 1 }
        var exponent = 0
        if mantissaEnd < count {
            var index = mantissaEnd + 1
            var sign = 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                if bytes[index] == UInt8(ascii: "-") { sign = -1 }
                index += 1
            }
            while index < count {
                // Saturates: a larger exponent fails the bound below rather than wrapping.
                exponent = min(exponent * 10 + Int(bytes[index] &- 0x30), 1 << 40)
                index += 1
            }
            exponent *= sign
        }
        // The power of ten of the digit at `index` of the mantissa.
        func power(_ index: Int) -> Int { index < point ? point - 1 - index + exponent : point - index + exponent }
        func isNonZeroDigit(_ index: Int) -> Bool { bytes[index] != UInt8(ascii: "0") && bytes[index] != UInt8(ascii: ".") }
        var high = 0
        while high < mantissaEnd, !isNonZeroDigit(high) { high += 1 }
        guard high < mantissaEnd else { return }  // zero
        var low = mantissaEnd - 1
        while !isNonZeroDigit(low) { low -= 1 }
        let lowPower = power(low)
        let highPower = power(high)
        precondition(lowPower >= -Self.maxPower && highPower <= Self.maxPower, "cost.amount outside the range the scanner accepts")

        let (lowLimb, lowDigit) = Self.split(lowPower)
        let (highLimb, _) = Self.split(highPower)
        if -lowLimb > fractionLimbs {
            let extra = -lowLimb - fractionLimbs
            limbs.insert(contentsOf: repeatElement(0, count: extra), at: 0)
            fractionLimbs += extra
        }
        if limbs.count < fractionLimbs + highLimb + 1 {
            limbs.append(contentsOf: repeatElement(0, count: fractionLimbs + highLimb + 1 - limbs.count))
        }

        // Digits from the least significant up, gathered into one limb's worth at a time.
        var limb = fractionLimbs + lowLimb
        var digitInLimb = lowDigit
        var multiplier = Self.powersOfTen[lowDigit]
        var gathered: UInt64 = 0
        var carry: UInt64 = 0
        var index = low
        while index >= high {
            let byte = bytes[index]
            index -= 1
            if byte == UInt8(ascii: ".") { continue }
            gathered += UInt64(byte &- 0x30) * multiplier
            digitInLimb += 1
            if digitInLimb == Self.digitsPerLimb {
                carry = deposit(gathered + carry, at: limb)
                limb += 1
                digitInLimb = 0
                multiplier = 1
                gathered = 0
            } else {
                multiplier *= 10
            }
        }
        var pending = gathered + carry
        while pending > 0 {
            if limb == limbs.count { limbs.append(0) }
            pending = deposit(pending, at: limb)
            limb += 1
        }
    }

    /// Adds `value` (at most 10^18) to a limb; returns the carry into the next one.
    @inline(__always)
    private mutating func deposit(_ value: UInt64, at limb: Int) -> UInt64 {
        let sum = limbs[limb] + value  // both ≤ 10^18: no overflow
        if sum >= Self.limbBase {
            limbs[limb] = sum - Self.limbBase
            return 1
        }
        limbs[limb] = sum
        return 0
    }

    /// The limb (relative to the units limb) and the digit within it of a power of ten.
    private static func split(_ power: Int) -> (limb: Int, digit: Int) {
        let limb = power >= 0 ? power / digitsPerLimb : -((-power + digitsPerLimb - 1) / digitsPerLimb)
        return (limb, power - limb * digitsPerLimb)
    }

    private static let powersOfTen: [UInt64] = (0..<18).map { (0..<$0).reduce(1) { value, _ in value * 10 } }

    /// The limb worth `10^(18 × position)`, 0 beyond the stored ones.
    private func limb(at position: Int) -> UInt64 {
        let index = position + fractionLimbs
        return index >= 0 && index < limbs.count ? limbs[index] : 0
    }

    /// The positions (limb exponents) that either of two magnitudes may hold.
    private static func positions(_ a: DecimalMagnitude, _ b: DecimalMagnitude) -> Range<Int> {
        let low = -max(a.fractionLimbs, b.fractionLimbs)
        let high = max(a.limbs.count - a.fractionLimbs, b.limbs.count - b.fractionLimbs)
        return low..<max(low, high)
    }

    func compare(_ other: DecimalMagnitude) -> Order {
        for position in Self.positions(self, other).reversed() {
            let (a, b) = (limb(at: position), other.limb(at: position))
            if a != b { return a < b ? .less : .greater }
        }
        return .equal
    }

    /// `self − other`, for `other` not greater than `self`.
    func subtracting(_ other: DecimalMagnitude) -> DecimalMagnitude {
        let positions = Self.positions(self, other)
        var result = DecimalMagnitude()
        result.fractionLimbs = -positions.lowerBound
        result.limbs.reserveCapacity(positions.count)
        var borrow: UInt64 = 0
        for position in positions {
            let (a, b) = (limb(at: position), other.limb(at: position) + borrow)
            if a >= b {
                result.limbs.append(a - b)
                borrow = 0
            } else {
                result.limbs.append(a + Self.limbBase - b)
                borrow = 1
            }
        }
        return result
    }

    /// Plain decimal text: `0` for zero, no leading zeros, no trailing zeros after the point.
    var text: String {
        let whole = limbs[min(fractionLimbs, limbs.count)...]
        var out = ""
        if let top = whole.lastIndex(where: { $0 != 0 }) {
            out += String(limbs[top])
            for index in stride(from: top - 1, through: fractionLimbs, by: -1) { out += Self.padded(limbs[index]) }
        } else {
            out = "0"
        }
        var fraction = ""
        for index in stride(from: min(fractionLimbs, limbs.count) - 1, through: 0, by: -1) { fraction += Self.padded(limbs[index]) }
        while fraction.last == "0" { fraction.removeLast() }
        return fraction.isEmpty ? out : out + "." + fraction
    }

    private static func padded(_ limb: UInt64) -> String {
        let digits = String(limb)
        return String(repeating: "0", count: digitsPerLimb - digits.count) + digits
    }
}
