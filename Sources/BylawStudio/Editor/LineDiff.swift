/// The lines two texts share and the lines that differ, for showing a file that changed on disk
/// beside the text being edited. The common start and end are matched first; what lies between
/// is aligned by longest common subsequence when it is small enough (a few million line pairs),
/// and otherwise shown as all removed then all added, so a diff never takes long or much memory.
struct LineDiff: Equatable {
    enum Kind: Equatable { case same, removed, added }

    struct Line: Equatable {
        let kind: Kind
        let text: String
    }

    let lines: [Line]

    /// The most line pairs the middle part is aligned over.
    static let maxPairs = 4_000_000

    /// From `old` (what was opened) to `new` (what is on disk now).
    init(from old: String, to new: String) {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var lines = a[..<prefix].map { Line(kind: .same, text: $0) }
        lines += Self.align(middleA, middleB)
        lines += a[(a.count - suffix)...].map { Line(kind: .same, text: $0) }
        self.lines = lines
    }

    var hasChanges: Bool { lines.contains { $0.kind != .same } }

    private static func align(_ a: [String], _ b: [String]) -> [Line] {
        guard !a.isEmpty, !b.isEmpty, a.count * b.count <= maxPairs else {
            return a.map { Line(kind: .removed, text: $0) } + b.map { Line(kind: .added, text: $0) }
        }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...], one flat array.
        let width = b.count + 1
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = a[i] == b[j]
                    ? lengths[(i + 1) * width + j + 1] + 1 : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var lines: [Line] = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                lines.append(Line(kind: .same, text: a[i]))
                i += 1
                j += 1
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                lines.append(Line(kind: .removed, text: a[i]))
                i += 1
            } else {
                lines.append(Line(kind: .added, text: b[j]))
                j += 1
            }
        }
        lines += a[i...].map { Line(kind: .removed, text: $0) }
        lines += b[j...].map { Line(kind: .added, text: $0) }
        return lines
    }

    /// The diff as HTML, a block per line: changed lines with three lines of context, longer unchanged runs
    /// folded into one line saying how many.
    func html(context: Int = 3) -> String {
        var keep = [Bool](repeating: false, count: lines.count)
        for (index, line) in lines.enumerated() where line.kind != .same {
            for near in max(0, index - context)...min(lines.count - 1, index + context) { keep[near] = true }
        }
        var out = "<div class=\"diff\">"
        var skipped = 0
        for (index, line) in lines.enumerated() {
            guard keep[index] else {
                skipped += 1
                continue
            }
            if skipped > 0 {
                out += "<span class=\"diff-skip\">… \(skipped) unchanged line\(skipped == 1 ? "" : "s")</span>"
                skipped = 0
            }
            switch line.kind {
            case .same: out += "<span class=\"diff-same\">  \(h(line.text))</span>"
            case .removed: out += "<del class=\"diff-removed\">- \(h(line.text))</del>"
            case .added: out += "<ins class=\"diff-added\">+ \(h(line.text))</ins>"
            }
        }
        if skipped > 0 { out += "<span class=\"diff-skip\">… \(skipped) unchanged line\(skipped == 1 ? "" : "s")</span>" }
        return out + "</div>"
    }
}
