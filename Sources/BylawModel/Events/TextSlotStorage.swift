/// Where each string field of a ``UsageEvent`` lies in its text: one allocation, copied on
/// write by hand.
///
/// The scanner sets several slots per line. In a Swift array each of those writes first
/// checked that the storage was not shared (a runtime call per field); the event checks once
/// per line instead (``UsageEvent/reset(copying:)``) and then writes in place. A copy of an
/// event shares the storage until either is reset or written through
/// ``UsageEvent/setSlot(_:start:count:)``, which makes it its own first: the storage is never
/// written while shared, which is why it can be `Sendable`.
@usableFromInline final class TextSlotStorage: @unchecked Sendable {
    /// One slot per field below ``UsageEventField/objectStart``, by raw value.
    @usableFromInline let slots: UnsafeMutablePointer<UsageEvent.TextSlot>
    @usableFromInline static let count = Int(UsageEventField.objectStart)

    /// Empty slots.
    init() {
        slots = UnsafeMutablePointer<UsageEvent.TextSlot>.allocate(capacity: Self.count)
        slots.initialize(repeating: .empty, count: Self.count)
    }

    /// The slots of `other`.
    init(copying other: TextSlotStorage) {
        slots = UnsafeMutablePointer<UsageEvent.TextSlot>.allocate(capacity: Self.count)
        slots.initialize(from: other.slots, count: Self.count)
    }

    deinit {
        slots.deinitialize(count: Self.count)
        slots.deallocate()
    }
}
