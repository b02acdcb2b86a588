extension YAMLNode {
    /// The node and everything in it, one node a line, with ranges, tags, styles, values,
    /// content starts and block indentations: two loads that must agree compare these
    /// (iteratively built: a fuzzed tree can be deep).
    package var structureDump: String {
        var out = ""
        var stack = [(self, 0)]
        while let (node, depth) = stack.popLast() {
            out += String(repeating: " ", count: depth) + "\(node.range.start)-\(node.range.end) \(node.tag ?? "")"
            switch node.kind {
            case .scalar(let scalar):
                out += " \(scalar.style) \(scalar.value) \(scalar.contentStart) \(scalar.blockIndentation ?? -1)\n"
            case .mapping(let pairs):
                out += " map\n"
                for pair in pairs.reversed() {
                    stack.append((pair.value, depth + 2))
                    stack.append((pair.key, depth + 1))
                }
            case .sequence(let items):
                out += " seq\n"
                for item in items.reversed() { stack.append((item, depth + 1)) }
            }
        }
        return out
    }
}
