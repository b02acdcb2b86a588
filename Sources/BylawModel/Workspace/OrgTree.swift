/// The shape of the declared org graph: a parents-first order and the cycles, found in one
/// linear pass without recursion (a 100,000-deep chain needs no stack).
struct OrgTree {
    /// Positions in an order where every org comes after its parent; orgs in or under a cycle
    /// are left out.
    var order: [Int] = []
    /// Each cycle's members, each followed by its parent (the last one's parent is the first).
    var cycles: [[Int]] = []

    /// `parents[i]` is the position of org `i`'s parent, or nil (no parent, or an unknown one).
    init(parents: [Int?]) {
        let count = parents.count
        // 0: not seen; 1: on the path being walked; 2: placed; 3: in or under a cycle.
        var state = [UInt8](repeating: 0, count: count)
        order.reserveCapacity(count)
        var path: [Int] = []
        for start in 0..<count where state[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var next: Int? = start
            while let current = next, state[current] == 0 {
                state[current] = 1
                path.append(current)
                next = parents[current]
            }
            var broken = false
            if let stop = next {
                if state[stop] == 1, let at = path.lastIndex(of: stop) {
                    cycles.append(Array(path[at...]))
                    broken = true
                } else if state[stop] == 3 {
                    broken = true
                }
            }
            for position in path { state[position] = broken ? 3 : 2 }
            if !broken { order.append(contentsOf: path.reversed()) }
        }
    }
}
