import BylawModel

/// What a usage rule decided about an event, before any message is written: the part of a
/// ``RuleOutcome`` that depends only on the fields the decision reads.
enum StreamDecision {
    case notApplicable
    case passed
    case excepted
    case fired
    /// Boxed: one reference keeps the decision a word wide, so the stream's hot loop copies
    /// it inline (a struct payload made every copy an outlined value-witness call, +6% of
    /// instructions per event).
    case failed(FailedDecision)
}

/// A rule's failure to evaluate, boxed for ``StreamDecision``.
final class FailedDecision: Sendable {
    let failure: EvaluationFailure
    init(_ failure: EvaluationFailure) { self.failure = failure }
}

/// Decisions of one rule by the values of the fields its decision reads (its key): a rule is a
/// pure function of the event's fields and of the workspace, which is fixed for the run, so
/// two events agreeing on the key get the same decision. Values are compared by their numbers
/// (``StreamFieldInterner``), which stand for exactly one value each.
///
/// Open addressing over a number of slots that starts small and doubles (keeping its entries)
/// when half full, up to a most (``maxSlots``) that shrinks as the rules grow in number, so the
/// caches of all rules together stay within ``totalBytes``; at its most, a half-full cache
/// empties instead. Memory is bounded whatever the stream and grows with the keys actually
/// seen, not with the number of rules. A rule whose keys rarely repeat (it reads `event.id`,
/// say) turns its cache off after a trial, and frees it, so it costs little more than
/// evaluating.
///
/// The slots are one block of words, allocated at the first lookup (a copy made before then
/// gets its own): a slot is its decision's code (0 when empty) then the key's numbers, so a
/// probe reads adjacent words and a hit copies no reference.
struct StreamDecisionCache {
    /// Most slots per rule (a power of two).
    static let slotCount = 1 << 16
    /// Slots at the first lookup (a power of two).
    static let initialSlots = 32
    /// What the decision caches of one run may take together, at most (each rule may have at
    /// least ``initialSlots`` slots, whatever the number of rules).
    static let totalBytes = 32 << 20
    /// Lookups per trial period; a period in which more than seven in eight lookups miss turns
    /// the cache off. A miss costs the key's lookup beside an evaluation that happens anyway,
    /// so only a cache that almost never hits (a key with `event.id`, or `event.time`) is worth
    /// dropping; a key of thousands of users misses most of its first lookups and then hits.
    static let trialLength = 16384

    /// Most fields in a key; a rule reading more is evaluated every time.
    static let maxFields = 8

    private final class Storage {
        let words: UnsafeMutablePointer<UInt64>
        let count: Int

        init(count: Int) {
            self.count = count
            words = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
            words.initialize(repeating: 0, count: count)
        }

        deinit { words.deallocate() }
    }

    /// The fields the key is made of.
    let fields: [UsageEventField]
    private let width: Int
    /// Words per slot: the decision's code, then the key.
    private let stride: Int
    private var keyFields = InlineArray<8, UsageEventField>(repeating: .id)
    private(set) var isEnabled: Bool
    private var storage: Storage?
    /// The failures of `failed` decisions, by slot (rare: a rule that fails to evaluate).
    private var failures: [Int: FailedDecision] = [:]
    private var key = InlineArray<8, UInt64>(repeating: 0)
    private var slot = -1
    private var used = 0
    private var lookups = 0
    private var misses = 0
    /// Slots now (a power of two; allocated at the first lookup).
    private(set) var capacity: Int
    /// Slots this cache may grow to.
    let maxSlots: Int

    /// A cache keyed by `fields`; nil `fields` (the decision reads anything) disables it.
    /// `rules` is how many rules of the run have a cache, for ``maxSlots``.
    init(fields: [UsageEventField]?, rules: Int = 1) {
        self.fields = fields ?? []
        width = self.fields.count
        stride = width + 1
        isEnabled = fields != nil && self.fields.count <= Self.maxFields
        for (position, field) in self.fields.prefix(Self.maxFields).enumerated() { keyFields[position] = field }
        maxSlots = Self.maxSlots(rules: rules, bytesPerSlot: 8 * stride, most: Self.slotCount, least: Self.initialSlots)
        capacity = min(Self.initialSlots, maxSlots)
    }

    /// The largest power of two from `least` to `most` such that `rules` caches of that many
    /// slots fit in ``totalBytes``.
    static func maxSlots(rules: Int, bytesPerSlot: Int, most: Int, least: Int) -> Int {
        let fitting = totalBytes / max(1, rules) / max(1, bytesPerSlot)
        var slots = most
        while slots > least, slots > fitting { slots /= 2 }
        return slots
    }

    /// The cached decision for `event`, or nil; on nil, ``store(_:)`` the decision computed.
    mutating func lookup(_ event: UsageEvent, _ interner: inout StreamFieldInterner) -> StreamDecision? {
        slot = -1
        guard isEnabled else { return nil }
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for position in 0..<width {
            guard let number = interner.number(keyFields[position], in: event) else { return nil }
            key[position] = number
            hash = (hash ^ number) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        lookups += 1
        if lookups == Self.trialLength {
            if misses > Self.trialLength / 8 * 7 {
                isEnabled = false
                storage = nil
                failures = [:]
                return nil
            }
            lookups = 0
            misses = 0
        }
        var words = words()
        var mask = capacity &- 1
        var found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & mask
        while true {
            let entry = words + found &* stride
            let code = entry[0]
            if code == 0 { break }
            var same = true
            for position in 0..<width where entry[position + 1] != key[position] {
                same = false
                break
            }
            if same { return decision(code: code, slot: found) }
            found = (found + 1) & mask
        }
        misses += 1
        if used >= capacity / 2 {
            if capacity < maxSlots {
                // Half full: double, keeping the entries.
                words = grow()
            } else {
                // Half full at its most: start over, keeping probes short.
                for index in 0..<capacity { words[index &* stride] = 0 }
                failures.removeAll(keepingCapacity: true)
                used = 0
            }
            mask = capacity &- 1
            found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & mask
            while words[found &* stride] != 0 { found = (found + 1) & mask }
        }
        slot = found
        return nil
    }

    /// The hash of the key in `entry` (as ``lookup(_:_:)`` computes it for the event's key).
    @inline(__always)
    private func hash(of entry: UnsafeMutablePointer<UInt64>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for position in 0..<width {
            hash = (hash ^ entry[position + 1]) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        return hash
    }

    /// Doubles the slots, moving every entry (and its message) to its slot in the new block.
    private mutating func grow() -> UnsafeMutablePointer<UInt64> {
        let old = words()
        let oldCapacity = capacity
        capacity *= 2
        let made = Storage(count: capacity * stride)
        let mask = capacity &- 1
        var moved: [Int: FailedDecision] = [:]
        for index in 0..<oldCapacity {
            let entry = old + index &* stride
            guard entry[0] != 0 else { continue }
            var found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash(of: entry))) & mask
            while made.words[found &* stride] != 0 { found = (found + 1) & mask }
            (made.words + found &* stride).update(from: entry, count: stride)
            if let failure = failures[index] { moved[found] = failure }
        }
        storage = made
        failures = moved
        return made.words
    }

    /// Stores the decision for the key of the last ``lookup(_:_:)`` that returned nil.
    mutating func store(_ decision: StreamDecision) {
        guard isEnabled, slot >= 0 else { return }
        let entry = words() + slot &* stride
        for position in 0..<width { entry[position + 1] = key[position] }
        entry[0] = Self.code(of: decision)
        if case .failed(let failure) = decision { failures[slot] = failure }
        used += 1
        slot = -1
    }

    /// The slots, allocated on first use.
    @inline(__always)
    private mutating func words() -> UnsafeMutablePointer<UInt64> {
        if let storage { return storage.words }
        let made = Storage(count: capacity * stride)
        storage = made
        return made.words
    }

    private static func code(of decision: StreamDecision) -> UInt64 {
        switch decision {
        case .notApplicable: return 1
        case .passed: return 2
        case .excepted: return 3
        case .fired: return 4
        case .failed: return 5
        }
    }

    @inline(__always)
    private func decision(code: UInt64, slot: Int) -> StreamDecision {
        switch code {
        case 1: return .notApplicable
        case 2: return .passed
        case 3: return .excepted
        case 4: return .fired
        default: return failures[slot].map { .failed($0) } ?? .passed
        }
    }
}
