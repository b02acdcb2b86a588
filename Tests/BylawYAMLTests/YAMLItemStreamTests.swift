import BylawSource
import Testing
@testable import BylawYAML

/// The items of one top-level sequence go to a consumer as they are composed, are checked as
/// any node is, and leave the document (unless an anchor keeps one).
@Suite struct YAMLItemStreamTests {
    /// What the consumer saw of one item: its text in the source and its value.
    struct Seen: Equatable {
        let text: String
        let value: JSONValue
    }

    /// Loads `text` streaming the items under `key`: the result, and each item as the
    /// consumer saw it.
    static func streamed(_ text: String, key: String = "users") -> (SourceFile, YAMLLoadResult, [Seen]) {
        let file = SourceFile(path: "test.yaml", text: text)
        var seen: [Seen] = []
        let result = YAMLLoader.load(file, streaming: YAMLItemStream(key: key) { item in
            seen.append(Seen(text: file.text(of: item.range), value: item.jsonValue))
        })
        return (file, result, seen)
    }

    @Test func itemsReachTheConsumerInOrderAndLeaveTheDocument() throws {
        let (file, result, seen) = Self.streamed("""
            name: w
            users:
              - {id: a, org: x}
              - id: b
                tags: [1, 2]
              - plain
            apps: [{id: z}]
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(seen.count == 3)
        #expect(seen.first == Seen(text: "{id: a, org: x}", value: .object([("id", .string("a")), ("org", .string("x"))])))
        #expect(seen.last == Seen(text: "plain", value: .string("plain")))
        let users = try #require(result.documents.first?["users"])
        #expect(users.childCount == 0)
        #expect(result.streamed.count == 1 && result.streamed.first?.isSameNode(as: users) == true)
        // The sequence keeps its whole range, and what follows it is intact.
        #expect(file.text(of: users.range).hasSuffix("- plain"))
        #expect(result.documents.first?["apps"]?.sequence?.first?["id"]?.scalarText == "z")
    }

    @Test func anItemProblemIsReportedWhereItIs() {
        let (_, streamedResult, seen) = Self.streamed("users:\n  - {id: a, id: b}\n  - {id: c}\n")
        let (_, whole) = load("users:\n  - {id: a, id: b}\n  - {id: c}\n")
        #expect(seen.count == 2)
        #expect(streamedResult.diagnostics.map(\.code) == [.yamlDuplicateKey])
        #expect(streamedResult.diagnostics.map(position) == whole.diagnostics.map(position))
        #expect(streamedResult.diagnostics.map(\.message) == whole.diagnostics.map(\.message))
    }

    @Test func anItemThatDefinesAnAnchorStaysForItsAliases() throws {
        let (_, result, seen) = Self.streamed("""
            users:
              - &first {id: a}
              - {id: b, labels: &l {k: v}}
              - {id: c}
            apps:
              - {owner: *first, labels: *l}
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(seen.count == 3)
        let users = try #require(result.documents.first?["users"])
        #expect(users.sequence?.map { $0["id"]?.scalarText } == ["a", "b"])
        let app = try #require(result.documents.first?["apps"]?.sequence?.first)
        #expect(app["owner"]?["id"]?.scalarText == "a")
        #expect(app["labels"]?["k"]?.scalarText == "v")
    }

    @Test func aliasesInsideItemsStillExpand() {
        let (_, result, seen) = Self.streamed("""
            defaults: &d {org: x}
            users:
              - {id: a, more: *d}
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(seen.map(\.value) == [.object([("id", .string("a")), ("more", .object([("org", .string("x"))]))])])
    }

    @Test func onlyTheTopLevelSequenceOfTheFirstDocumentIsStreamed() throws {
        for text in [
            "org:\n  users: [a, b]\n",  // not top-level
            "users: {a: 1}\n",  // not a sequence
            "users: &all [a, b]\nother: *all\n",  // anchored: an alias may copy it
            "- users: [a]\n",  // the document is not a mapping
            "name: w\n---\nusers: [a, b]\n",  // a later document
        ] {
            let (_, result, seen) = Self.streamed(text)
            #expect(seen.isEmpty, "\(text)")
            #expect(result.streamed.isEmpty, "\(text)")
        }
        let (_, result, seen) = Self.streamed("\"users\": [a]\nusers2: [b]\n")
        #expect(seen == [Seen(text: "a", value: .string("a"))])
        #expect(result.streamed.count == 1)
    }

    @Test func aFatalErrorInsideTheSequenceStopsLikeAnyLoad() {
        let text = "users:\n  - {id: a}\n  - {id: [b}\n"
        let (_, result, seen) = Self.streamed(text)
        let (_, whole) = load(text)
        #expect(seen.count == 1)
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.map(\.message) == whole.diagnostics.map(\.message))
    }
}
