/// The previous line's key at one position of one object, as the bytes `"name":` (up to 16,
/// held in two little-endian words with masks): lines of one stream almost always list their
/// keys in the same order, so the scanner first checks the bytes at a key's position against
/// the guess with two word compares, and scans the key only when they differ.
///
/// A match means the bytes are exactly those of an earlier key, which named `field`: the
/// result is the same as scanning them, so a wrong guess costs time, never correctness.
struct EventKeyGuess {
    var w0: UInt64
    var w1: UInt64
    var m0: UInt64
    var m1: UInt64
    /// Bytes from the opening quote to just after the colon.
    var length: Int
    var field: UsageEventField?

    /// Guesses kept per object (the line's object and each known nested object).
    static let perObject = 24
    /// The line's object and each known nested object.
    static let objectCount = UsageEventField.objectCount + 1

    /// A guess nothing matches: a key starts with `"`, never a zero byte.
    static let empty = EventKeyGuess(w0: 0, w1: 0, m0: 0xFF, m1: 0, length: 0, field: nil)

    /// The guess for the `length` bytes at `bytes` (a key with its quotes and colon), or nil
    /// when they are too many.
    init?(_ bytes: UnsafePointer<UInt8>, length: Int, field: UsageEventField?) {
        guard length > 0, length <= 16 else { return nil }
        var words: (UInt64, UInt64) = (0, 0)
        var masks: (UInt64, UInt64) = (0, 0)
        for offset in 0..<length {
            let shift = UInt64(8 * (offset & 7))
            if offset < 8 {
                words.0 |= UInt64(bytes[offset]) << shift
                masks.0 |= 0xFF << shift
            } else {
                words.1 |= UInt64(bytes[offset]) << shift
                masks.1 |= 0xFF << shift
            }
        }
        self.init(w0: words.0, w1: words.1, m0: masks.0, m1: masks.1, length: length, field: field)
    }

    private init(w0: UInt64, w1: UInt64, m0: UInt64, m1: UInt64, length: Int, field: UsageEventField?) {
        self.w0 = w0
        self.w1 = w1
        self.m0 = m0
        self.m1 = m1
        self.length = length
        self.field = field
    }

    /// Whether the 16 bytes read as `first`, `second` start with the guessed key.
    @inline(__always)
    func matches(_ first: UInt64, _ second: UInt64) -> Bool {
        (first & m0) == w0 && (second & m1) == w1
    }

    /// Where the guesses for `object` (nil for the line's object) start in the table.
    @inline(__always)
    static func base(of object: UsageEventField?) -> Int {
        guard let object else { return 0 }
        // The known objects are the last cases, in a row.
        return (Int(object.rawValue) - Int(UsageEventField.objectStart) + 1) * perObject
    }

    /// A table with no guesses.
    static func emptyTable() -> [EventKeyGuess] {
        Array(repeating: .empty, count: perObject * objectCount)
    }
}
