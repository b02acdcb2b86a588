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
/// two events agreeing on the key get the same decision.
///
/// A fixed number of slots, each holding the last key that hashed there: memory is constant
/// whatever the stream. A rule whose keys rarely repeat (it reads `event.id`, say) turns its
/// cache off after a trial, so it costs nothing more than evaluating.
struct StreamDecisionCache {
    /// Slots per rule (a power of two).
    static let slotCount = 4096
    /// Keys longer than this are not cached (the event is evaluated).
    static let maxKeyLength = 512
    /// Lookups per trial period; a period with more misses than half of it turns the cache off.
    static let trialLength = 8192

    /// The fields the key is made of.
    let fields: [UsageEventField]
    private(set) var isEnabled: Bool
    private var hashes: [UInt64]
    private var keys: [[UInt8]]
    private var decisions: [StreamDecision]
    private var key: [UInt8] = []
    private var lookups = 0
    private var misses = 0

    /// A cache keyed by `fields`; nil `fields` (the decision reads anything) disables it.
    init(fields: [UsageEventField]?) {
        self.fields = fields ?? []
        isEnabled = fields != nil
        let count = isEnabled ? Self.slotCount : 0
        hashes = Array(repeating: 0, count: count)
        keys = Array(repeating: [], count: count)
        decisions = Array(repeating: .notApplicable, count: count)
        key.reserveCapacity(Self.maxKeyLength + 16)
    }

    /// The cached decision for `event`, or nil; on nil, ``store(_:)`` the decision computed.
    mutating func lookup(_ event: UsageEvent) -> StreamDecision? {
        guard isEnabled else { return nil }
        buildKey(event)
        guard key.count <= Self.maxKeyLength else { return nil }
        lookups += 1
        if lookups == Self.trialLength {
            if misses > Self.trialLength / 2 { isEnabled = false }
            lookups = 0
            misses = 0
        }
        let hash = Self.hash(key)
        let slot = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        if hashes[slot] == hash, keys[slot] == key { return decisions[slot] }
        misses += 1
        return nil
    }

    /// Stores the decision for the key of the last ``lookup(_:)`` that returned nil.
    mutating func store(_ decision: StreamDecision) {
        guard isEnabled, key.count <= Self.maxKeyLength else { return }
        let hash = Self.hash(key)
        let slot = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        hashes[slot] = hash
        keys[slot].removeAll(keepingCapacity: true)
        keys[slot].append(contentsOf: key)
        decisions[slot] = decision
    }

    /// The key: per field its presence, then its value (string bytes with their length,
    /// numbers as their bits), so that different events can never share a key.
    private mutating func buildKey(_ event: UsageEvent) {
        key.removeAll(keepingCapacity: true)
        for field in fields {
            let present = event.has(field)
            key.append(present ? 1 : 0)
            guard present else { continue }
            switch field {
            case .time:
                let time = event.timestamp
                append(UInt64(bitPattern: time?.seconds ?? 0))
                append(UInt64(time?.nanos ?? 0))
            case .tokensIn: append(UInt64(bitPattern: event.tokensIn))
            case .tokensOut: append(UInt64(bitPattern: event.tokensOut))
            case .costAmount: append(event.costAmount.bitPattern)
            case .tokens, .cost, .artifact, .destination, .target: break
            default:
                event.withUTF8(field) { bytes in
                    append(UInt64(bytes.count))
                    key.append(contentsOf: bytes)
                }
            }
        }
    }

    @inline(__always)
    private mutating func append(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { key.append(contentsOf: $0) }
    }

    /// FNV-1a over the key's bytes, eight at a time.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01B3
                offset += 1
            }
            return hash ^ (hash >> 32)
        }
    }
}
