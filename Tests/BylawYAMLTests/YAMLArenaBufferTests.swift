import Testing
@testable import BylawYAML

@Suite struct YAMLArenaBufferTests {
    @Test func growingKeepsEveryElement() {
        var buffer = YAMLArenaBuffer<UInt32>(capacity: 1)
        for value in 0..<10_000 { buffer.append(UInt32(value) &* 7) }
        #expect(buffer.count == 10_000)
        #expect(buffer.elementsEqual((0..<10_000).map { UInt32($0) &* 7 }))
        buffer[42] = 1
        #expect(buffer[42] == 1)
        #expect(buffer.withUnsafeBufferPointer { $0.reduce(0) { $0 &+ UInt64($1) } } == buffer.reduce(0) { $0 &+ UInt64($1) })
    }

    /// The storage keeps the buffer the builder handed it; whatever the builder's copy does
    /// next (it only appends, and may move to a bigger block) never changes what the storage reads.
    @Test func aCopyKeepsItsElementsWhenTheOriginalGrows() {
        var original = YAMLArenaBuffer<UInt32>(capacity: 16)
        for value in 0..<16 { original.append(UInt32(value)) }
        let copy = original
        for value in 16..<1_000 { original.append(UInt32(value)) }
        #expect(copy.count == 16)
        #expect(Array(copy) == (0..<16).map { UInt32($0) })
        #expect(original.count == 1_000)
    }

    @Test func appendingASequence() {
        var buffer = YAMLArenaBuffer<UInt32>()
        buffer.append(contentsOf: [1, 2, 3])
        buffer.append(contentsOf: (4...40).lazy.map { UInt32($0) })
        #expect(Array(buffer) == (1...40).map { UInt32($0) })
    }

    @Test func removingFromTheEndMakesAStack() {
        var stack = YAMLArenaBuffer<UInt32>()
        stack.append(contentsOf: [1, 2, 3, 4])
        stack.removeLast(3)
        stack.append(9)
        #expect(Array(stack) == [1, 9])
        stack.removeLast(2)
        #expect(stack.isEmpty)
    }

    @Test func popLastAndBulkAppend() {
        var buffer = YAMLArenaBuffer<UInt8>(capacity: 16)
        let bytes = (0..<100).map { UInt8($0) }
        // More than twice the capacity in one append: the buffer grows to fit.
        bytes.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
        [UInt8]().withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
        #expect(Array(buffer) == bytes)
        #expect(buffer.popLast() == 99)
        #expect(buffer.count == 99)
        var empty = YAMLArenaBuffer<UInt8>()
        #expect(empty.popLast() == nil)
    }
}
