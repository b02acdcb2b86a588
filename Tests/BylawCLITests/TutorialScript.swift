import Foundation

/// docs/tutorial.md read as a script: every fenced block carries an HTML comment just above it
/// (which a reader of the rendered page does not see) saying what the reader does with it:
///
/// - `<!-- tutorial: run -->` (or `run exit=N`): a `console` block of `$ COMMAND` lines, each
///   followed by what it prints (stdout and stderr, as a terminal shows them);
/// - `<!-- tutorial: write PATH -->` / `append PATH`: a file the reader writes or adds to;
/// - `<!-- tutorial: show PATH -->`: a file as it is at that point, printed for the reader.
struct TutorialScript {
    enum Step {
        /// A file written (or added to).
        case write(path: String, content: String, append: Bool)
        /// A command, what it must print and the code it must exit with. `lines` are the page's
        /// lines that show the output (what `BYLAW_UPDATE_DOCS=1` rewrites).
        case run(command: String, expected: String, exit: Int32, lines: Range<Int>)
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    let lines: [String]
    private(set) var steps: [Step] = []

    init(_ text: String) throws {
        lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasPrefix("```"), line != "```" else { continue }
            let marker = index >= 2 ? lines[index - 2] : ""
            guard let match = marker.wholeMatch(of: /<!-- tutorial: (run|write|append|show)(?: (\S+))? -->/) else {
                throw Problem(description: "line \(index): a fenced block without a tutorial marker above it")
            }
            let start = index
            while index < lines.count, lines[index] != "```" { index += 1 }
            guard index < lines.count else { throw Problem(description: "line \(start): the block never ends") }
            let body = start..<index
            index += 1
            let argument = match.output.2.map(String.init)
            switch match.output.1 {
            case "run": try parseCommands(body, exit: argument)
            case "show":
                guard let path = argument else { throw Problem(description: "line \(start - 1): show names no file") }
                steps.append(.run(command: "cat '\(path)'", expected: fileText(body), exit: 0, lines: body))
            default:
                guard let path = argument else { throw Problem(description: "line \(start - 1): a file block names no file") }
                steps.append(.write(path: path, content: fileText(body), append: match.output.1 == "append"))
            }
        }
    }

    /// The lines as a file's text: each ends with a line break.
    private func fileText(_ range: Range<Int>) -> String {
        lines[range].map { $0 + "\n" }.joined()
    }

    private mutating func parseCommands(_ body: Range<Int>, exit: String?) throws {
        var code: Int32 = 0
        if let exit {
            guard let value = exit.wholeMatch(of: /exit=([0-9]+)/).flatMap({ Int32($0.output.1) }) else {
                throw Problem(description: "line \(body.lowerBound - 1): '\(exit)' is not exit=N")
            }
            code = value
        }
        guard let first = body.first, lines[first].hasPrefix("$ ") else {
            throw Problem(description: "line \(body.lowerBound + 1): a run block starts with a command ('$ …')")
        }
        var index = first
        while index < body.upperBound {
            let command = String(lines[index].dropFirst(2))
            let outputStart = index + 1
            index += 1
            while index < body.upperBound, !lines[index].hasPrefix("$ ") { index += 1 }
            steps.append(.run(command: command, expected: fileText(outputStart..<index), exit: code, lines: outputStart..<index))
        }
    }

    /// Separates one command's output and exit code from the next's in the script's output.
    static let separator = "\u{1E}"
    static let terminator = "\u{1F}"

    /// One bash script that takes every step in order, in the current directory: `cd` carries
    /// over from one command to the next, as in the reader's terminal.
    var bash: String {
        var script = ""
        for step in steps {
            switch step {
            case .write(let path, let content, let append):
                script += "mkdir -p \"$(dirname '\(path)')\" && cat \(append ? ">>" : ">") '\(path)' <<'BYLAW_TUTORIAL_EOF'\n\(content)BYLAW_TUTORIAL_EOF\n"
            case .run(let command, _, _, _):
                script += "{ \(command)\n} </dev/null 2>&1; printf '\(Self.separator)%d\(Self.terminator)' \"$?\"\n"
            }
        }
        return script
    }

    /// Each command's output and exit code, from the script's output.
    static func results(_ output: String) -> [(output: String, exit: Int32)] {
        var results: [(String, Int32)] = []
        var rest = Substring(output)
        while let mark = rest.range(of: separator), let end = rest[mark.upperBound...].range(of: terminator) {
            results.append((String(rest[..<mark.lowerBound]), Int32(rest[mark.upperBound..<end.lowerBound]) ?? -1))
            rest = rest[end.upperBound...]
        }
        return results
    }

    /// The page with each command's output replaced by `outputs` (one per run step, in order).
    func updated(with outputs: [String]) -> String {
        var page = lines
        let ranges = steps.compactMap { step -> Range<Int>? in
            if case .run(_, _, _, let lines) = step { return lines }
            return nil
        }
        for (range, output) in zip(ranges, outputs).reversed() {
            var shown = output.components(separatedBy: "\n")
            if shown.last == "" { shown.removeLast() }
            page.replaceSubrange(range, with: shown)
        }
        return page.joined(separator: "\n")
    }
}
