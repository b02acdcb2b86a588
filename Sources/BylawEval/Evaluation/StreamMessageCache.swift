import BylawModel

/// The rendered message and hint of one rule's findings by the values of the fields its
/// templates read: like a decision (``StreamDecisionCache``), a rendering is a pure function of
/// those fields and of the fixed workspace, so events agreeing on them get the same text.
///
/// Slots that start few and double when half full (keeping their entries) up to a most that
/// shrinks as the rules grow in number (as ``StreamDecisionCache`` does), then empty when half
/// full; a rule whose messages rarely repeat (they print `event.id`, say) turns its cache off
/// after a trial, so it costs one failed lookup per finding for a while, then nothing.
///
/// Texts kept for lent violations (which need bytes, never a `String`) go into one byte arena
/// per cache, so keeping one allocates nothing; the arena starts over with the slots, and when
/// it would pass ``maxArenaBytes``.
struct StreamMessageCache {
    /// Most slots per rule (a power of two).
    static let slotCount = 1024
    /// Slots at the first lookup (a power of two).
    static let initialSlots = 16
    /// Lookups per trial period; a period with more misses than half of it turns the cache off.
    static let trialLength = 1024
    /// Most bytes of texts kept as bytes (past it, the cache starts over).
    static let maxArenaBytes = 1 << 20

    private let width: Int
    private var keyFields = InlineArray<8, UsageEventField>(repeating: .id)
    private(set) var isEnabled: Bool
    /// `width` numbers per slot.
    private var keys: [UInt64] = []
    private var texts: [Stored?] = []
    /// The texts of `.bytes` entries, one after another.
    private var arena: [UInt8] = []
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

    /// What a slot keeps: the texts as strings, or where their bytes are in the arena.
    enum Stored {
        case strings(Rendering)
        case bytes(message: Range<Int>, hint: Range<Int>?)
    }

    /// A cache keyed by `fields` (the fields the templates read); nil disables it. `rules` is
    /// how many rules of the run have a cache, for ``maxSlots``.
    init(fields: [UsageEventField]?, rules: Int = 1) {
        width = fields?.count ?? 0
        isEnabled = fields.map { $0.count <= StreamDecisionCache.maxFields } ?? false
        for (position, field) in (fields ?? []).prefix(StreamDecisionCache.maxFields).enumerated() { keyFields[position] = field }
        maxSlots = StreamDecisionCache.maxSlots(
            rules: rules, bytesPerSlot: 8 * width + MemoryLayout<Stored?>.stride, most: Self.slotCount, least: Self.initialSlots)
        capacity = min(Self.initialSlots, maxSlots)
    }

    /// The texts rendered for an earlier event agreeing with `event`, or nil; on nil,
    /// ``store(_:)`` (or ``store(message:hint:)``) the texts rendered.
    mutating func lookup(_ event: UsageEvent, _ interner: inout StreamFieldInterner) -> Stored? {
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
                arena = []
                return nil
            }
            lookups = 0
            misses = 0
        }
        var mask = capacity &- 1
        var found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & mask
        while let stored = texts[found] {
            let base = found * width
            var same = true
            for position in 0..<width where keys[base + position] != key[position] {
                same = false
                break
            }
            if same { return stored }
            found = (found + 1) & mask
        }
        misses += 1
        if used >= capacity / 2 {
            if capacity < maxSlots {
                // Half full: double, keeping the entries.
                grow()
            } else {
                // Half full at its most: start over, keeping probes short.
                startOver()
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
            guard let stored = oldTexts[index] else { continue }
            let base = index * width
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            for position in 0..<width {
                hash = (hash ^ oldKeys[base + position]) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
            }
            var found = Int(truncatingIfNeeded: StreamFieldInterner.mix(hash)) & mask
            while texts[found] != nil { found = (found + 1) & mask }
            for position in 0..<width { keys[found * width + position] = oldKeys[base + position] }
            texts[found] = stored
        }
    }

    /// Forgets every entry (the slot ``lookup(_:_:)`` chose stays free).
    private mutating func startOver() {
        for index in 0..<capacity { texts[index] = nil }
        arena.removeAll(keepingCapacity: true)
        used = 0
    }

    /// Stores the texts for the key of the last ``lookup(_:_:)`` that returned nil.
    mutating func store(_ rendering: Rendering) {
        put(.strings(rendering))
    }

    /// Stores the texts' bytes for the key of the last ``lookup(_:_:)`` that returned nil,
    /// copying them into the arena.
    mutating func store(message: UnsafeBufferPointer<UInt8>, hint: UnsafeBufferPointer<UInt8>?) {
        guard isEnabled, slot >= 0 else { return }
        let size = message.count + (hint?.count ?? 0)
        guard size <= Self.maxArenaBytes else { return }
        if arena.count + size > Self.maxArenaBytes { startOver() }
        let messageStart = arena.count
        arena.append(contentsOf: message)
        let messageRange = messageStart..<arena.count
        var hintRange: Range<Int>?
        if let hint {
            let hintStart = arena.count
            arena.append(contentsOf: hint)
            hintRange = hintStart..<arena.count
        }
        put(.bytes(message: messageRange, hint: hintRange))
    }

    private mutating func put(_ stored: Stored) {
        guard isEnabled, slot >= 0 else { return }
        let base = slot * width
        for position in 0..<width { keys[base + position] = key[position] }
        texts[slot] = stored
        used += 1
        slot = -1
    }

    /// Appends the bytes at `range` of the arena (a `.bytes` entry's text) to `out`.
    func append(_ range: Range<Int>, to out: inout [UInt8]) {
        arena.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The bytes at `range` of the arena as a `String`.
    func string(_ range: Range<Int>) -> String {
        arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
