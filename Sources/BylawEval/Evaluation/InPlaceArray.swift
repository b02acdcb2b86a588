/// A fixed number of values in one allocation, mutated in place: a decider's per-rule caches.
///
/// A Swift array checks that its storage is not shared before every in-place mutation of an
/// element: a runtime call per rule per event in the stream's hot loop. These values are
/// allocated once and mutated through their address. Copies of the owner share them, which is
/// what a ``UsageDecider`` wants: it is used on one thread and never beside its copies.
final class InPlaceArray<Element> {
    private let base: UnsafeMutablePointer<Element>
    /// How many values there are.
    let count: Int

    /// The values of `elements`, in order.
    init(_ elements: [Element]) {
        count = elements.count
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(1, elements.count))
        for (index, element) in elements.enumerated() { (base + index).initialize(to: element) }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The value at `index` (in `0..<count`), read and mutated where it lies.
    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < count, "index out of range")
            return UnsafePointer(base + index)
        }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "index out of range")
            return base + index
        }
    }
}
