import BylawSource
import Foundation
import Testing

@Suite("Finding the YAML files of a folder")
struct SourceDiscoveryTests {
    /// A fresh folder under the system's temporary directory, removed after the test.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-discovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a symlink to a file outside the folder is not read, and says so; one inside is read")
    func symlinks() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = try Self.folder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("policy: a\n".utf8).write(to: root.appendingPathComponent("a.yaml"))
        try Data("secret: value\n".utf8).write(to: outside.appendingPathComponent("secret.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("leak.yaml").path, withDestinationPath: outside.appendingPathComponent("secret.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("alias.yml").path, withDestinationPath: "a.yaml")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("dangling.yaml").path, withDestinationPath: "missing.yaml")

        let (files, diagnostics) = SourceDiscovery.yamlFiles([root.path])
        #expect(files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.yaml", "alias.yml"])
        let skipped = diagnostics.filter { $0.code == .inputOutsideRoot }.compactMap(\.path).map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(Set(skipped) == ["leak.yaml", "dangling.yaml"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(!diagnostics.contains { $0.message.contains("secret") })
    }

    @Test("a file named on the command line is read even through a symlink")
    func namedFile() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = try Self.folder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("policy: b\n".utf8).write(to: outside.appendingPathComponent("b.yaml"))
        let link = root.appendingPathComponent("b.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside.appendingPathComponent("b.yaml").path)
        #expect(SourceDiscovery.yamlFiles([link]).files == [link])
    }
}
