import Foundation
import Testing

/// `bylaw init`: a project that passes check, test and lint as written; existing files are never
/// overwritten without `--force`.
@Suite("bylaw init")
struct InitCommandTests {
    static let files = [
        "Policies/client-data.yaml", "workspace.yaml", "schemas/policy.schema.json", "schemas/workspace.schema.json",
        "schemas/event.schema.json", ".vscode/settings.json",
    ]

    /// Runs `bylaw ARGUMENTS` in `directory` (a shell, so the project's paths print as a user sees them).
    static func run(_ arguments: String, in directory: URL) throws -> BylawRun {
        try Bylaw.shell("cd '\(directory.path)' && BYLAW_TODAY=\(Bylaw.today) NO_COLOR=1 \"$BYLAW\" \(arguments)")
    }

    @Test("a new project: its files, what init prints, and check, test --strict and lint pass on it")
    func newProject() throws {
        let scratch = try TemporaryDirectory()
        let created = try Self.run("init my-policies", in: scratch.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.isEmpty)
        try ExpectedOutput.expect(created.stdout, matches: "init/new-project.txt")
        let project = scratch.url.appendingPathComponent("my-policies")
        for file in Self.files {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(file).path), "\(file) was not written")
        }
        for schema in ["policy", "workspace", "event"] {
            let written = try String(contentsOf: project.appendingPathComponent("schemas/\(schema).schema.json"), encoding: .utf8)
            let shipped = try String(contentsOf: Bylaw.packageRoot.appendingPathComponent("schemas/\(schema).schema.json"), encoding: .utf8)
            #expect(written == shipped, "the project's \(schema) schema differs from the shipped one")
        }
        let check = try Self.run("check", in: project)
        #expect(check.status == 0)
        #expect(check.stderr == "1 file, 1 rule compiled, 0 warnings\n")
        let test = try Self.run("test --strict", in: project)
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        let lint = try Self.run("lint workspace.yaml --strict", in: project)
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let settings = try JSONSerialization.jsonObject(with: Data(contentsOf: project.appendingPathComponent(".vscode/settings.json")))
        let schemas = try #require((settings as? [String: Any])?["yaml.schemas"] as? [String: Any])
        #expect(Set(schemas.keys) == ["./schemas/policy.schema.json", "./schemas/workspace.schema.json"])
    }

    @Test("existing files: nothing is written, each is named, exit 2; --force replaces them")
    func existingFiles() throws {
        let scratch = try TemporaryDirectory()
        #expect(try Self.run("init", in: scratch.url).status == 0)
        let policy = scratch.url.appendingPathComponent("Policies/client-data.yaml")
        let workspace = scratch.url.appendingPathComponent("workspace.yaml")
        try Data("policy: mine\n".utf8).write(to: policy)
        try FileManager.default.removeItem(at: workspace)

        let refused = try Self.run("init .", in: scratch.url)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("Policies/client-data.yaml: error: the file exists already [input.file-exists]\n"), "\(refused.stderr)")
        #expect(refused.stderr.contains(".vscode/settings.json: error:"))
        #expect(!refused.stderr.contains("workspace.yaml"))
        #expect(refused.stderr.hasSuffix("or add --force to replace these files\n"))
        #expect(try String(contentsOf: policy, encoding: .utf8) == "policy: mine\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.path), "a refused init wrote workspace.yaml")

        let forced = try Self.run("init --force", in: scratch.url)
        #expect(forced.status == 0)
        #expect(forced.stdout.hasPrefix("Created a Bylaw project here:\n"))
        let lines = forced.stdout.split(separator: "\n")
        #expect(lines.first { $0.contains("Policies/client-data.yaml") }?.hasSuffix("the tests that prove it (replaced)") == true)
        #expect(lines.first { $0.contains("workspace.yaml ") }?.hasSuffix("a workspace config to lint") == true)
        #expect(!forced.stdout.contains("cd "))
        #expect(try String(contentsOf: policy, encoding: .utf8).contains("policy: client-data"))
    }

    @Test("a project folder that is a file, or an empty name: a clear error, exit 2")
    func badFolder() throws {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Data("x".utf8), to: "taken")
        let run = try Self.run("init taken", in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("bylaw: cannot create taken/"), "\(run.stderr)")
        let empty = try Self.run("init ''", in: scratch.url)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("the project folder must not be empty"), "\(empty.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["taken"])
    }
}
