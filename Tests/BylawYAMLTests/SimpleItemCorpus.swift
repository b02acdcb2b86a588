/// A small deterministic random source for generated inputs (SplitMix64).
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}

/// Workspaces whose `users:` are mostly simple items (the kind read without libyaml), with
/// some that are not, and the mutations that break them in the ways that matter: quotes,
/// colons, comments, tabs, indentation, line breaks, anchors, non-ASCII bytes.
enum SimpleItemCorpus {
    static let keys = ["id", "email", "org", "status", "name", "labels", "first name", "x1", "null", "1", "id", "_k", "a.b"]
    static let plainValues = [
        "u12", "a.b@example.com", "org-3", "2026-01-15", "Org 12", "true", "null", "12", "0x1F", "99999999999999999999",
        "1.5", ".inf", "a  b", "+1", "/x/y", "_", "False", "0o17", "1e3", "x-", "y@",
    ]
    static let quotedValues = ["'x y'", "'#z'", "''", "\"a: b\"", "\"\"", "\"{x}\"", "' lead'", "\"trail \""]
    /// Items no simple reading accepts, for libyaml alone.
    static let otherItems = [
        "{id: a, labels: [x, y]}", "{id: a} # note", "&anchor {id: a}", "{id: !!str 1}", "id: a\n  note: |\n    text",
        "id: a\n  b: c\n    d", "{id: 'it''s'}", "{id: \"a\\tb\"}", "{id: é}", "plain", "{id: a,\n  org: b}", "[a, b]",
        "id: a\n\n  org: b", "{id: *anchor}", "? id\n  : a", "{}", "id: a\t", "\"q\": 1", "- nested",
    ]

    /// A workspace config with a `users:` list.
    static func workspace(_ random: inout SplitMix) -> String {
        var out = random.pick(["", "name: w\n", "workspace: w\norgs:\n  - {id: o1}\n", "base: &b {x: 1}\n", "# c\n", "---\n"])
        out += random.below(20) == 0 ? "users: \n" : "users:\n"
        let indentation = String(repeating: " ", count: random.pick([0, 2, 2, 4]))
        for _ in 0..<random.below(12) {
            out += indentation + "- "
            if random.below(8) == 0 {
                out += random.pick(otherItems).replacingOccurrences(of: "\n", with: "\n" + indentation)
            } else {
                out += item(&random, indentation: indentation)
            }
            out += "\n"
        }
        out += random.pick(["", "apps:\n  - {id: z}\n", "users: dup\n", "other: *b\n", "...\n", "---\nx: 1\n", "  extra: 1\n"])
        if random.below(10) == 0, !out.isEmpty { out.removeLast() }
        return out
    }

    /// One simple item: a flow mapping on one line, or a block mapping.
    static func item(_ random: inout SplitMix, indentation: String) -> String {
        let pairs = (0...random.below(4)).map { _ in
            random.pick(keys) + ": " + (random.below(4) == 0 ? random.pick(quotedValues) : random.pick(plainValues))
        }
        if random.below(2) == 0 {
            return random.pick(["{", "{ "]) + pairs.joined(separator: random.pick([", ", ",", " , "])) + random.pick(["}", " }", "}  "])
        }
        return pairs.joined(separator: "\n" + indentation + "  ") + random.pick(["", " ", "  "])
    }

    static let insertions = [
        "#", " #c", ":", ": ", " ", "  ", "\t", "'", "\"", "\\", "{", "}", ",", "-", "- ", "\n", "\r\n", "&a ", "*a", "!!str ",
        "é", "\r", "[", "?", "|", ">", "%", "@", "`", "...", "---", "\u{7F}", "\u{0}", "x",
    ]

    /// Inserts a token, deletes a few bytes, duplicates a line or re-indents one.
    static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix) {
        guard !bytes.isEmpty else { return }
        let at = random.below(bytes.count)
        switch random.below(5) {
        case 0, 1:
            bytes.insert(contentsOf: Array(random.pick(insertions).utf8), at: at)
        case 2:
            bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(3)))
        case 3:
            let start = bytes[..<at].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let end = bytes[at...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
            bytes.insert(contentsOf: Array(bytes[start..<end]), at: end)
        default:
            let start = bytes[..<at].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            if random.below(2) == 0 { bytes.insert(UInt8(ascii: " "), at: start) } else if bytes[start] == UInt8(ascii: " ") { bytes.remove(at: start) }
        }
    }
}
