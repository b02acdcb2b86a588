import Synchronization

/// The comparisons "did you mean" hints for undeclared names may still make: thousands of
/// misspelt names among thousands of declared ones must not make checking quadratic. A hint
/// that would need more than what is left is not made (all or nothing, so a hint never
/// depends on the order of the candidates).
///
/// A reference: the copies of an environment share it, so one budget covers every expression
/// checked against them.
public final class CELSuggestionBudget: Sendable {
    private let remaining: Mutex<Int>

    /// A budget of `comparisons` (each candidate of each hint counts one).
    public init(comparisons: Int = 2_000_000) {
        remaining = Mutex(max(0, comparisons))
    }

    /// Takes `count` comparisons, or returns false (taking nothing) when fewer are left.
    func take(_ count: Int) -> Bool {
        remaining.withLock { left in
            guard count <= left else { return false }
            left -= count
            return true
        }
    }
}
