/// Runs a `RegexProgram` over a text by simulating all threads in lock step (Pike's VM).
///
/// Each step visits each instruction at most once, so a search costs
/// O(program size × text length) whatever the pattern: there is no backtracking.
struct PikeVM {
    let program: RegexProgram
    let text: [UInt32]
    /// Whether to track capture positions (otherwise only whether there is a match).
    let tracksCaptures: Bool

    /// A list of threads, without duplicates, in priority order.
    private struct ThreadList {
        var pcs: [Int] = []
        var captures: [[Int]] = []
        /// For each pc, the step in which it was last added (dedupes within a step).
        var addedAt: [Int]

        init(size: Int) {
            addedAt = Array(repeating: -1, count: size)
        }
    }

    /// What a search found, and what it cost.
    struct Outcome {
        /// The capture slots of the match (empty without capture tracking), nil for none.
        var slots: [Int]?
        /// Threads advanced or added: the work done, which ``run(stepLimit:)`` bounds.
        var steps: Int
        /// The search stopped at the step limit: `slots` says nothing.
        var exhausted: Bool
    }

    /// Searches for the leftmost-first match. Returns its capture slots (2 per group, -1 for
    /// unset; positions are scalar indices), or nil when nothing matches. Without capture
    /// tracking a match returns an empty array.
    func run() -> [Int]? {
        run(stepLimit: .max).slots
    }

    /// Searches as ``run()`` does, but gives up once it has taken more than `stepLimit` steps
    /// (checked after each text position, so the overshoot is at most one position's threads).
    func run(stepLimit: Int) -> Outcome {
        let slotCount = tracksCaptures ? 2 * (program.captureCount + 1) : 0
        var current = ThreadList(size: program.instructions.count)
        var next = ThreadList(size: program.instructions.count)
        var matched: [Int]?
        var mark = 0
        let empty = Array(repeating: -1, count: slotCount)
        var stack: [(pc: Int, captures: [Int])] = []
        var steps = 0
        for position in 0...text.count {
            if matched == nil, position == 0 || !program.anchoredAtStart {
                // A new thread per position makes the search unanchored; it comes last
                // because earlier starts take priority.
                add(0, position: position, captures: empty, to: &current, mark: mark, stack: &stack, steps: &steps)
            }
            if current.pcs.isEmpty, matched != nil || program.anchoredAtStart {
                break
            }
            steps &+= current.pcs.count
            if steps > stepLimit { return Outcome(slots: nil, steps: steps, exhausted: true) }
            mark += 1
            next.pcs.removeAll(keepingCapacity: true)
            next.captures.removeAll(keepingCapacity: true)
            let scalar: UInt32? = position < text.count ? text[position] : nil
            threads: for index in current.pcs.indices {
                let pc = current.pcs[index]
                let captures = tracksCaptures ? current.captures[index] : empty
                var advances = false
                switch program.instructions[pc] {
                case .match:
                    if !tracksCaptures {
                        return Outcome(slots: [], steps: steps, exhausted: false)
                    }
                    matched = captures
                    // Lower-priority threads can no longer win.
                    break threads
                case .scalar(let value):
                    advances = scalar == value
                case .set(let setIndex):
                    advances = scalar.map { program.sets[setIndex].contains($0) } ?? false
                case .anyNotNewline:
                    advances = scalar.map { $0 != 0x0A } ?? false
                case .anyScalar:
                    advances = scalar != nil
                case .split, .jump, .save, .assert:
                    break // resolved when the thread was added
                }
                if advances {
                    add(pc + 1, position: position + 1, captures: captures, to: &next, mark: mark, stack: &stack, steps: &steps)
                }
            }
            swap(&current, &next)
        }
        return Outcome(slots: matched, steps: steps, exhausted: false)
    }

    /// Follows jumps, splits, saves and assertions from `pc`, adding the threads that wait
    /// on a character (or match) to `list`, in priority order. Iterative, so a long chain of
    /// empty-width instructions cannot overflow the stack.
    private func add(
        _ pc: Int, position: Int, captures: [Int], to list: inout ThreadList, mark: Int,
        stack: inout [(pc: Int, captures: [Int])], steps: inout Int
    ) {
        stack.append((pc, captures))
        while let (pc, captures) = stack.popLast() {
            steps &+= 1
            guard list.addedAt[pc] != mark else { continue }
            list.addedAt[pc] = mark
            switch program.instructions[pc] {
            case .jump(let target):
                stack.append((target, captures))
            case .split(let first, let second):
                stack.append((second, captures))
                stack.append((first, captures))
            case .save(let slot):
                if tracksCaptures, slot < captures.count {
                    var updated = captures
                    updated[slot] = position
                    stack.append((pc + 1, updated))
                } else {
                    stack.append((pc + 1, captures))
                }
            case .assert(let assertion):
                if holds(assertion, at: position) {
                    stack.append((pc + 1, captures))
                }
            case .scalar, .set, .anyNotNewline, .anyScalar, .match:
                list.pcs.append(pc)
                if tracksCaptures {
                    list.captures.append(captures)
                }
            }
        }
    }

    private func holds(_ assertion: RegexAssertion, at position: Int) -> Bool {
        let before: UInt32? = position > 0 ? text[position - 1] : nil
        let after: UInt32? = position < text.count ? text[position] : nil
        switch assertion {
        case .beginText: return before == nil
        case .endText: return after == nil
        case .beginLine: return before == nil || before == 0x0A
        case .endLine: return after == nil || after == 0x0A
        case .wordBoundary, .notWordBoundary:
            let boundary = before.map(ASCIIClasses.isWord) ?? false != after.map(ASCIIClasses.isWord) ?? false
            return assertion == .wordBoundary ? boundary : !boundary
        }
    }
}
