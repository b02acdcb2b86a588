import BylawSource
import Testing

/// The shared UTF-8 check agrees with the standard library's decoder on what is well formed:
/// every edge of Table 3-7, and many random byte strings.
@Suite struct UTF8SequencesTests {
    static func standardLibrarySaysValid(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func check(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Sequences.areValid($0) }
    }

    @Test func edgesOfEachSequenceLength() {
        let cases: [[UInt8]] = [
            [0x7F], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xC2], [0xE1, 0x80], [0xF1, 0x80, 0x80], [0xFF],
        ]
        for bytes in cases {
            // Alone, after eight ASCII bytes (the word-at-a-time skip), and followed by ASCII.
            for framed in [bytes, Array("abcdefgh".utf8) + bytes, bytes + Array("xyz".utf8)] {
                #expect(Self.check(framed) == Self.standardLibrarySaysValid(framed), "\(framed)")
            }
        }
    }

    @Test func randomBytesAgreeWithTheStandardLibrary() {
        var state: UInt64 = 0x5EED
        func next() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        var disagreements = 0
        var valid = 0
        for _ in 0..<20_000 {
            let count = Int(next() % 12)
            // Mostly bytes near the interesting ranges, so that valid strings are common too.
            let bytes = (0..<count).map { _ in next() % 3 == 0 ? next() % 0x80 : 0x80 | next() }
            let expected = Self.standardLibrarySaysValid(bytes)
            if expected { valid += 1 }
            if Self.check(bytes) != expected { disagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(valid > 1_000)
    }

    /// Strings drawn from the bytes at the edges of the table, some after ASCII runs.
    @Test func edgeBytesInAnyOrderAgreeWithStringValidation() {
        var random: UInt64 = 1
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for length in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<(length % 12) {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(random >> 33) % alphabet.count])
            }
            if length % 3 == 0 { bytes = Array(repeating: 0x61, count: length % 17) + bytes }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(UTF8Sequences.areValid) == valid, "\(bytes)")
        }
    }
}
