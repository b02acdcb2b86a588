import BylawSource
import BylawYAML

/// What loading a workspace config gave: the resolved model, or the reasons there is none.
public struct WorkspaceLoadResult: Sendable {
    /// The resolved workspace; nil when any error was found (a model is built only from a
    /// config whose types, ids and references are all sound).
    public let workspace: Workspace?
    /// Every problem found, sorted by position.
    public let diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// A result built elsewhere (a caller that read and checked the YAML itself).
    public init(workspace: Workspace?, diagnostics: [Diagnostic]) {
        self.workspace = workspace
        self.diagnostics = diagnostics
    }
}

/// Loads workspace configs (format in `docs/workspace.md`) into resolved ``Workspace`` models.
///
/// Load errors are only what makes the model impossible to build: wrong types, unknown keys
/// and enum values, missing required fields, duplicate ids, unknown references, org cycles.
/// Rules about a sound model (an assigned root without an account, an offboarded owner) are
/// policy findings, and such configs load.
public enum WorkspaceLoader {
    /// Decodes, checks and resolves one YAML document read from `file`.
    public static func load(_ document: YAMLNode, file: SourceFile) -> WorkspaceLoadResult {
        load(document, file: file, streamed: nil)
    }

    /// ``load(_:file:)`` with the users the YAML loader streamed, if it did.
    static func load(_ document: YAMLNode, file: SourceFile, streamed: StreamedUsers?) -> WorkspaceLoadResult {
        var decoder = WorkspaceDecoder(file: file)
        guard let decl = decoder.workspace(document, streamed: streamed) else {
            return WorkspaceLoadResult(workspace: nil, diagnostics: decoder.diagnostics)
        }
        var resolver = WorkspaceResolver(file: file)
        resolver.check(decl)
        // The streamed users' problems come first: the users were read before the rest.
        var diagnostics = (streamed?.diagnostics ?? []) + decoder.diagnostics + resolver.diagnostics
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return WorkspaceLoadResult(workspace: nil, diagnostics: Diagnostic.sortedForDisplay(diagnostics))
        }
        let builder = WorkspaceBuilder(
            file: file, decl: decl, index: resolver.index, orgParents: resolver.orgParents, orgOrder: resolver.orgTree.order,
            userOrgReferences: resolver.userOrgReferences)
        guard let workspace = builder.build() else {
            // Unreachable when decoding and resolving are right; reported rather than trapped.
            diagnostics.append(.error(
                .workspaceInvalidValue, "the workspace config could not be resolved", in: file, at: document.range))
            return WorkspaceLoadResult(workspace: nil, diagnostics: diagnostics)
        }
        return WorkspaceLoadResult(workspace: workspace, diagnostics: diagnostics)
    }

    /// Loads the documents of a YAML file: exactly one is expected.
    public static func load(documents: [YAMLNode], file: SourceFile) -> WorkspaceLoadResult {
        load(documents: documents, file: file, streamed: nil)
    }

    static func load(documents: [YAMLNode], file: SourceFile, streamed: StreamedUsers?) -> WorkspaceLoadResult {
        guard documents.count == 1, let document = documents.first else {
            let message = documents.isEmpty
                ? "the file holds no YAML document; expected one workspace config"
                : "the file holds \(documents.count) YAML documents; expected one workspace config"
            let range = documents.count > 1 ? documents[1].range : SourceRange.at(0)
            let diagnostic = Diagnostic.error(.workspaceDocumentCount, message, in: file, at: range)
            return WorkspaceLoadResult(workspace: nil, diagnostics: [diagnostic])
        }
        return load(document, file: file, streamed: streamed)
    }
}

extension WorkspaceLoader {
    /// Parses `file` as YAML and loads its one document. YAML errors stop before decoding (a
    /// half-read tree would only add confusing follow-on errors).
    ///
    /// The `users:` list is decoded as the parser reads it, one user at a time, so the file's
    /// node tree never holds a million users; what that decoding found counts only when the
    /// YAML is sound, as if it had run after the parse.
    public static func load(_ file: SourceFile, limits: YAMLLimits = .default) -> WorkspaceLoadResult {
        load(file, limits: limits, simpleItems: YAMLLoader.simpleItemsByDefault)
    }

    /// ``load(_:limits:)``, with the YAML loader's path for simple `users:` items on or off
    /// (the result is the same either way; the differential tests compare them).
    package static func load(_ file: SourceFile, limits: YAMLLimits, simpleItems: Bool) -> WorkspaceLoadResult {
        let sink = UserStreamSink(file: file)
        let yaml = YAMLLoader.load(file, limits: limits, streaming: sink.stream, simpleItems: simpleItems)
        if yaml.diagnostics.contains(where: { $0.severity == .error }) {
            return WorkspaceLoadResult(workspace: nil, diagnostics: Diagnostic.sortedForDisplay(yaml.diagnostics))
        }
        let streamed = yaml.streamed.first.map { StreamedUsers(node: $0, users: sink.state.users, diagnostics: sink.state.decoder.diagnostics) }
        let result = load(documents: yaml.documents, file: file, streamed: streamed)
        guard !yaml.diagnostics.isEmpty else { return result }
        return WorkspaceLoadResult(
            workspace: result.workspace, diagnostics: Diagnostic.sortedForDisplay(yaml.diagnostics + result.diagnostics))
    }

    /// Reads and loads the file at `path`; an unreadable file is an `input.unreadable` diagnostic,
    /// one over `limits.maxBytes` `input.too-large`.
    public static func load(path: String, limits: YAMLLimits = .default) -> WorkspaceLoadResult {
        do {
            return load(try SourceFile.read(path: path, maxBytes: limits.maxBytes), limits: limits)
        } catch where error.code == .inputTooLarge {
            // A workspace cannot be split like a policy directory: say how to read a larger one.
            let diagnostic = Diagnostic(
                code: error.code, message: error.message, path: error.path,
                hint: "a workspace config is read whole, in memory; `bylaw lint --max-input-size` raises the limit (at most 2GiB)")
            return WorkspaceLoadResult(workspace: nil, diagnostics: [diagnostic])
        } catch {
            return WorkspaceLoadResult(workspace: nil, diagnostics: [error])
        }
    }
}

/// The users the YAML loader streamed from `users:`, decoded as they came.
struct StreamedUsers {
    /// The `users:` sequence (holding only the items the loader kept).
    let node: YAMLNode
    let users: UserColumns
    /// What decoding them found.
    let diagnostics: [Diagnostic]
}

/// Decodes each user the YAML loader streams. A class: the stream's consumer is a closure
/// that outlives the call that sets it up.
final class UserStreamSink {
    /// The decoder and what it read, in one property: one access per user.
    struct State {
        var decoder: WorkspaceDecoder
        var users = UserColumns()

        mutating func consume(_ item: YAMLNode) {
            if users.count == 0 { users.reserve(UserStreamSink.estimatedUsers(fileBytes: decoder.file.bytes.count)) }
            decoder.user(item, into: &users)
        }
    }

    var state: State

    init(file: SourceFile) {
        state = State(decoder: WorkspaceDecoder(file: file))
    }

    var stream: YAMLItemStream {
        YAMLItemStream(key: WorkspaceField.users.configKey ?? "users") { [unowned self] item in state.consume(item) }
    }

    /// At most as many users as a file of this size can hold (`- {id: a, org: b}` and a line
    /// break take 18 bytes), up to four million: reserved once, the columns are not copied as
    /// they grow to that, and memory the users do not use is never touched. The cap keeps the
    /// reservation (about 100 bytes a user) reasonable for the largest files, whose columns
    /// grow past it as arrays do.
    static func estimatedUsers(fileBytes: Int) -> Int { min(fileBytes / 18 + 1, 4_000_000) }
}
