import BylawModel

/// The rendered message and hint of one rule's findings by the values of the fields its
/// templates read: like a decision (``StreamDecisionCache``), a rendering is a pure function of
/// those fields and of the fixed workspace, so events agreeing on them get the same text.
///
/// A fixed number of slots, emptied when half full; a rule whose messages rarely repeat (they
/// print `event.id`, say) turns its cache off after a trial, so it costs one failed lookup
/// per finding for a while, then nothing.
struct StreamMessageCache {
    /// Slots per rule (a power of two).
    static let slotCount = 1024
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

    /// A finding's texts.
    struct Rendering {
        var message: String
        var hint: String?
    }

    /// A cache keyed by `fields` (the fields the templates read); nil disables it.
    init(fields: [UsageEventField]?) {
        width = fields?.count ?? 0
        isEnabled = fields.map { $0.count <= StreamDecisionCache.maxFields } ?? false
        for (position, field) in (fields ?? []).prefix(StreamDecisionCache.maxFields).enumerated() { keyFields[position] = field }
    }

    /// The texts rendered for an earlier event agreeing with `event`, or nil; on nil,
    /// ``store(_:)`` the texts rendered.
    mutating func lookup(_ event: UsageEvent, _ interner: inout StreamFieldInterner) -> Rendering? {
        slot = -1
        guard isEnabled else { return nil }
        if texts.isEmpty {
            keys = Array(repeating: 0, count: Self.slotCount * width)
            texts = Array(repeating: nil, count: Self.slotCount)
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
        var found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & (Self.slotCount - 1)
        while let rendering = texts[found] {
            let base = found * width
            var same = true
            for position in 0..<width where keys[base + position] != key[position] {
                same = false
                break
            }
            if same { return rendering }
            found = (found + 1) & (Self.slotCount - 1)
        }
        misses += 1
        if used >= Self.slotCount / 2 {
            // Half full: start over, keeping probes short.
            for index in 0..<Self.slotCount { texts[index] = nil }
            used = 0
            found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & (Self.slotCount - 1)
        }
        slot = found
        return nil
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
