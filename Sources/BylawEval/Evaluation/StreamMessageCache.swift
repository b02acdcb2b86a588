import BylawModel

/// The rendered message and hint of one rule's findings by the values of the fields its
/// templates read: like a decision (``StreamDecisionCache``), a rendering is a pure function of
/// those fields and of the fixed workspace, so events agreeing on them get the same text.
///
/// Slots that start few and double when half full (keeping their entries) up to a most that
/// shrinks as the rules grow in number (as ``StreamDecisionCache`` does), then empty when half
/// full; a rule whose messages rarely repeat (they print `event.id`, say) turns its cache off
/// after a trial, so it costs one failed lookup per finding for a while, then nothing.
struct StreamMessageCache {
    /// Most slots per rule (a power of two).
    static let slotCount = 1024
    /// Slots at the first lookup (a power of two).
    static let initialSlots = 16
    /// Lookups per trial period; a period with more misses than half of it turns the cache off.
    static let trialLength = 1024

    private let width: Int
    private var keyFields = InlineArray<8, UsageEventField>(repeating: .id)
    private(set) var isEnabled: Bool
    /// `width` numbers per slot.
    private var keys: [UInt64] = []
    private var texts: [Rendering?] = []
    private var key = InlineArray<8, UInt64>(repeating: 0)
    private var slot = -1
    private var used = 0
    private var lookups = 0
    private var misses = 0
    /// Slots now (a power of two; allocated at the first lookup).
    private(set) var capacity: Int
    /// Slots this cache may grow to.
    let maxSlots: Int

    /// A finding's texts.
    struct Rendering {
        var message: String
        var hint: String?
    }

    /// A cache keyed by `fields` (the fields the templates read); nil disables it. `rules` is
    /// how many rules of the run have a cache, for ``maxSlots``.
    init(fields: [UsageEventField]?, rules: Int = 1) {
        width = fields?.count ?? 0
        isEnabled = fields.map { $0.count <= StreamDecisionCache.maxFields } ?? false
        for (position, field) in (fields ?? []).prefix(StreamDecisionCache.maxFields).enumerated() { keyFields[position] = field }
        maxSlots = StreamDecisionCache.maxSlots(
            rules: rules, bytesPerSlot: 8 * width + MemoryLayout<Rendering?>.stride, most: Self.slotCount, least: Self.initialSlots)
        capacity = min(Self.initialSlots, maxSlots)
    }

    /// The texts rendered for an earlier event agreeing with `event`, or nil; on nil,
    /// ``store(_:)`` the texts rendered.
    mutating func lookup(_ event: UsageEvent, _ interner: inout StreamFieldInterner) -> Rendering? {
        slot = -1
        guard isEnabled else { return nil }
        if texts.isEmpty {
            keys = Array(repeating: 0, count: capacity * width)
            texts = Array(repeating: nil, count: capacity)
        }
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for position in 0..<width {
            guard let number = interner.number(keyFields[position], in: event) else { return nil }
            key[position] = number
            hash = (hash ^ number) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        lookups += 1
        if lookups == Self.trialLength {
            if misses > Self.trialLength / 2 {
                isEnabled = false
                keys = []
                texts = []
                return nil
            }
            lookups = 0
            misses = 0
        }
        var mask = capacity &- 1
        var found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & mask
        while let rendering = texts[found] {
            let base = found * width
            var same = true
            for position in 0..<width where keys[base + position] != key[position] {
                same = false
                break
            }
            if same { return rendering }
            found = (found + 1) & mask
        }
        misses += 1
        if used >= capacity / 2 {
            if capacity < maxSlots {
                // Half full: double, keeping the entries.
                grow()
            } else {
                // Half full at its most: start over, keeping probes short.
                for index in 0..<capacity { texts[index] = nil }
                used = 0
            }
            mask = capacity &- 1
            found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & mask
            while texts[found] != nil { found = (found + 1) & mask }
        }
        slot = found
        return nil
    }

    /// Doubles the slots, moving every entry to its slot among the new ones.
    private mutating func grow() {
        let oldKeys = keys
        let oldTexts = texts
        capacity *= 2
        keys = Array(repeating: 0, count: capacity * width)
        texts = Array(repeating: nil, count: capacity)
        let mask = capacity &- 1
        for index in oldTexts.indices {
            guard let rendering = oldTexts[index] else { continue }
            let base = index * width
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            for position in 0..<width {
                hash = (hash ^ oldKeys[base + position]) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
            }
            var found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & mask
            while texts[found] != nil { found = (found + 1) & mask }
            for position in 0..<width { keys[found * width + position] = oldKeys[base + position] }
            texts[found] = rendering
        }
    }

    /// Stores the texts for the key of the last ``lookup(_:_:)`` that returned nil.
    mutating func store(_ rendering: Rendering) {
        guard isEnabled, slot >= 0 else { return }
        let base = slot * width
        for position in 0..<width { keys[base + position] = key[position] }
        texts[slot] = rendering
        used += 1
        slot = -1
    }
}
