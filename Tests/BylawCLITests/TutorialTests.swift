import Foundation
import Testing

/// docs/tutorial.md cannot rot: every command on the page runs, in order, in a fresh folder,
/// and prints exactly what the page shows. `BYLAW_UPDATE_DOCS=1` rewrites the outputs shown on
/// the page from this run instead (read the diff before committing).
@Suite("docs/tutorial.md")
struct TutorialTests {
    static let page = Bylaw.packageRoot.appendingPathComponent("docs/tutorial.md")

    @Test("every command of the tutorial prints what the page shows, from bylaw init on")
    func followTheTutorial() throws {
        let script = try TutorialScript(String(contentsOf: Self.page, encoding: .utf8))
        let commands = script.steps.compactMap { step -> (command: String, expected: String, exit: Int32)? in
            if case .run(let command, let expected, let exit, _) = step { return (command, expected, exit) }
            return nil
        }
        #expect(commands.first?.command.hasPrefix("bylaw init") == true, "the tutorial starts from bylaw init")
        let scratch = try TemporaryDirectory()
        let run = try Bylaw.shell("cd '\(scratch.url.path)' && PATH=\"$(dirname \"$BYLAW\"):$PATH\"\n" + script.bash)
        let results = TutorialScript.results(run.stdout)
        try #require(results.count == commands.count, "\(results.count) of \(commands.count) commands ran: \(run.stdout)\(run.stderr)")
        if ProcessInfo.processInfo.environment["BYLAW_UPDATE_DOCS"] == "1" {
            try script.updated(with: results.map(\.output)).write(to: Self.page, atomically: true, encoding: .utf8)
        }
        for (command, result) in zip(commands, results) {
            #expect(result.exit == command.exit, "$ \(command.command) exited with \(result.exit), the page says \(command.exit)")
            #expect(
                result.output == command.expected,
                "$ \(command.command): \(ExpectedOutput.firstDifference(result.output, command.expected))")
        }
    }

    @Test("the script reader: markers, commands and their output, files")
    func reader() throws {
        let page = """
            Text.

            <!-- tutorial: write a.yaml -->
            ```yaml
            x: 1
            ```

            <!-- tutorial: run exit=1 -->
            ```console
            $ cat a.yaml
            x: 1
            $ false
            ```
            """
        let script = try TutorialScript(page)
        #expect(script.steps.count == 3)
        guard script.steps.count == 3, case .write(let path, let content, false) = script.steps[0],
              case .run(let first, let output, 1, _) = script.steps[1], case .run("false", "", 1, _) = script.steps[2] else {
            Issue.record("steps: \(script.steps)")
            return
        }
        #expect(path == "a.yaml" && content == "x: 1\n")
        #expect(first == "cat a.yaml" && output == "x: 1\n")
        #expect(throws: TutorialScript.Problem.self) { try TutorialScript("```sh\nls\n```\n") }
        #expect(TutorialScript.results("x\n\u{1E}0\u{1F}\u{1E}1\u{1F}").map(\.exit) == [0, 1])
    }
}
