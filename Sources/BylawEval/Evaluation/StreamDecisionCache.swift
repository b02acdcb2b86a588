import BylawModel

/// What a usage rule decided about an event, before any message is written: the part of a
/// ``RuleOutcome`` that depends only on the fields the decision reads.
enum StreamDecision {
    case notApplicable
    case passed
    case excepted
    case fired
    case failed(message: String)

    init(_ outcome: RuleOutcome) {
        switch outcome {
        case .notApplicable: self = .notApplicable
        case .passed: self = .passed
        case .excepted: self = .excepted
        case .fired: self = .fired
        case .failed(let message): self = .failed(message: message)
        }
    }
}

/// Decisions of one rule by the values of the fields its decision reads (its key): a rule is a
/// pure function of the event's fields and of the workspace, which is fixed for the run, so
/// two events agreeing on the key get the same decision. Values are compared by their numbers
/// (``StreamFieldInterner``), which stand for exactly one value each.
///
/// A fixed number of slots (open addressing, emptied when half full): memory is constant
/// whatever the stream. A rule whose keys rarely repeat (it reads `event.id`, say) turns its
/// cache off after a trial, so it costs little more than evaluating.
///
/// The slots are one block of words, allocated at the first lookup (a copy made before then
/// gets its own): a slot is its decision's code (0 when empty) then the key's numbers, so a
/// probe reads adjacent words and a hit copies no reference.
struct StreamDecisionCache {
    /// Slots per rule (a power of two).
    static let slotCount = 8192
    /// Lookups per trial period; a period with more misses than half of it turns the cache off.
    static let trialLength = 8192

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
    /// The messages of `failed` decisions, by slot (rare: a rule that fails to evaluate).
    private var messages: [Int: String] = [:]
    private var key = InlineArray<8, UInt64>(repeating: 0)
    private var slot = -1
    private var used = 0
    private var lookups = 0
    private var misses = 0

    /// A cache keyed by `fields`; nil `fields` (the decision reads anything) disables it.
    init(fields: [UsageEventField]?) {
        self.fields = fields ?? []
        width = self.fields.count
        stride = width + 1
        isEnabled = fields != nil && self.fields.count <= Self.maxFields
        for (position, field) in self.fields.prefix(Self.maxFields).enumerated() { keyFields[position] = field }
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
            if misses > Self.trialLength / 2 { isEnabled = false }
            lookups = 0
            misses = 0
        }
        let words = words()
        var found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & (Self.slotCount - 1)
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
            found = (found + 1) & (Self.slotCount - 1)
        }
        misses += 1
        if used >= Self.slotCount / 2 {
            // Half full: start over, keeping probes short.
            for index in 0..<Self.slotCount { words[index &* stride] = 0 }
            messages.removeAll(keepingCapacity: true)
            used = 0
            found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & (Self.slotCount - 1)
        }
        slot = found
        return nil
    }

    /// Stores the decision for the key of the last ``lookup(_:_:)`` that returned nil.
    mutating func store(_ decision: StreamDecision) {
        guard isEnabled, slot >= 0 else { return }
        let entry = words() + slot &* stride
        for position in 0..<width { entry[position + 1] = key[position] }
        entry[0] = Self.code(of: decision)
        if case .failed(let message) = decision { messages[slot] = message }
        used += 1
        slot = -1
    }

    /// The slots, allocated on first use.
    @inline(__always)
    private mutating func words() -> UnsafeMutablePointer<UInt64> {
        if let storage { return storage.words }
        let made = Storage(count: Self.slotCount * stride)
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
        default: return .failed(message: messages[slot] ?? "")
        }
    }
}
