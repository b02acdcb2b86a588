/// A set of Unicode scalar values kept as sorted, disjoint, non-adjacent closed ranges.
struct ScalarRangeSet: Hashable, Sendable {
    /// The largest Unicode scalar value.
    static let maxScalar: UInt32 = 0x10FFFF

    private(set) var ranges: [ClosedRange<UInt32>] = []

    init() {}

    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = Self.normalize(ranges)
    }

    static func single(_ value: UInt32) -> ScalarRangeSet {
        ScalarRangeSet([value...value])
    }

    static let all = ScalarRangeSet([0...maxScalar])

    var isEmpty: Bool { ranges.isEmpty }

    mutating func insert(_ range: ClosedRange<UInt32>) {
        ranges = Self.normalize(ranges + [range])
    }

    mutating func formUnion(_ other: ScalarRangeSet) {
        ranges = Self.normalize(ranges + other.ranges)
    }

    /// Every scalar value (0...0x10FFFF) not in the set.
    func inverted() -> ScalarRangeSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next {
                result.append(next...(range.lowerBound - 1))
            }
            if range.upperBound == Self.maxScalar {
                return ScalarRangeSet(result)
            }
            next = range.upperBound + 1
        }
        result.append(next...Self.maxScalar)
        return ScalarRangeSet(result)
    }

    /// The set closed under simple case folding: `k` brings in `K` and the Kelvin sign.
    func caseFolded() -> ScalarRangeSet {
        var extra: [ClosedRange<UInt32>] = []
        for range in ranges {
            for value in CaseFolding.orbitMembers(in: range) {
                extra.append(value...value)
            }
        }
        return extra.isEmpty ? self : ScalarRangeSet(ranges + extra)
    }

    func contains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < value {
                low = mid + 1
            } else if ranges[mid].lowerBound > value {
                high = mid
            } else {
                return true
            }
        }
        return false
    }

    private static func normalize(_ input: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = input.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        result.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = result.last,
               range.lowerBound <= last.upperBound || range.lowerBound - 1 == last.upperBound {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
                continue
            }
            result.append(range)
        }
        return result
    }
}
