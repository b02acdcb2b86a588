import Testing
@testable import BylawYAML

/// The composer compares and hashes scalar bytes a word at a time, with overlapping loads for
/// the tail: every length, every position of a difference.
@Suite struct YAMLByteComparisonTests {
    static let lengths = Array(0...40)

    static func bytes(_ count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ Int(seed)) }
    }

    @Test(arguments: lengths)
    func memoryEqualsFindsEveryDifference(count: Int) {
        let original = Self.bytes(count, seed: 5)
        // A copy with a byte of padding, so that both buffers exist even at length 0.
        let copy = original + [0xFF]
        (original + [0xEE]).withUnsafeBufferPointer { left in
            copy.withUnsafeBufferPointer { right in
                #expect(memoryEquals(left.baseAddress!, right.baseAddress!, count))
            }
        }
        for position in 0..<count {
            var changed = original
            changed[position] ^= 0x40
            original.withUnsafeBufferPointer { left in
                changed.withUnsafeBufferPointer { right in
                    #expect(!memoryEquals(left.baseAddress!, right.baseAddress!, count), "length \(count), byte \(position)")
                }
            }
        }
    }

    @Test(arguments: lengths)
    func keyHashSeesEveryByteAndTheLength(count: Int) {
        let original = Self.bytes(count, seed: 9)
        let hash = original.withUnsafeBufferPointer { YAMLKeyPrint.hashBytes($0) }
        #expect(Array(original).withUnsafeBufferPointer { YAMLKeyPrint.hashBytes($0) } == hash)
        for position in 0..<count {
            var changed = original
            changed[position] ^= 0x01
            #expect(changed.withUnsafeBufferPointer { YAMLKeyPrint.hashBytes($0) } != hash, "length \(count), byte \(position)")
        }
        let longer = original + [0]
        #expect(longer.withUnsafeBufferPointer { YAMLKeyPrint.hashBytes($0) } != hash, "length \(count) and one NUL more")
    }
}
