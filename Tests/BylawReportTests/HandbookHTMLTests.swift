import BylawPolicy
import BylawSource
import Testing

@testable import BylawReport

/// The HTML handbook is a published page: whatever a policy says, the page must show it as text,
/// never run it, and render in time linear in the text.
@Suite("Handbook HTML")
struct HandbookHTMLTests {
    /// A policy in which each text a reader sees can be set.
    struct PolicyTexts {
        var title = "A policy"
        var owner = "legal@example.com"
        var handbook = "Plain text."
        var ruleTitle = "A rule"
        var reason = "A reason"
        var testName = "A test"

        var yaml: String {
            """
            policy: hostile
            title: \(quoted(title))
            owner: \(quoted(owner))
            handbook: \(quoted(handbook))
            rules:
              - id: r
                title: \(quoted(ruleTitle))
                on: usage
                enforcement: warn
                forbid: event.user == "x"
            exceptions:
              - rule: r
                where: event.user == "y"
                reason: \(quoted(reason))
                expires: 2099-01-01
            tests:
              - name: \(quoted(testName))
                event: {kind: prompt, user: x, org: us, scope: org,
                        artifact: {type: text, classification: internal},
                        destination: {kind: company, app: a}}
                expect: [r]

            """
        }

        /// A YAML double-quoted scalar holding `text` exactly.
        private func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
    }

    static func html(_ texts: PolicyTexts) throws -> String {
        var loaded = PolicySetLoader.Result()
        PolicySetLoader.load(file: SourceFile(path: "hostile.yaml", text: texts.yaml), into: &loaded)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 22))
        let compiled = PolicyCompiler(today: today).compile(loaded.documents)
        let set = try #require(compiled.set, "\(compiled.diagnostics.map(\.message))")
        return Handbook.html(set)
    }

    // MARK: Injection

    enum Field: String, CaseIterable, Sendable {
        case title, owner, handbook, ruleTitle, reason, testName
    }

    static let payloads = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//example.com/x.js></SCRIPT>",
        "x\" onmouseover=\"alert(1)",
        "x' onmouseover='alert(1)",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](javascript:alert)",
        "[x](JaVaScRiPt:alert)",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox)",
        "[x](&#106;avascript:alert)",
        "[x](java&#x09;script:alert)",
        "![x](javascript:alert)",
        "[![x](y)](javascript:alert)",
        "[x](https://example.com/\"onmouseover=\"alert(1))",
        "`<script>`",
        "**<script>**",
        "[<script>alert(1)</script>](https://example.com)",
        "&lt;script&gt;",
    ]

    static let allowedAttributes: [String: Set<String>] = [
        "html": ["lang"], "head": [], "meta": ["charset", "name", "content"], "title": [], "style": [], "body": [],
        "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "p": [], "em": [], "strong": [], "code": ["class"],
        "pre": [], "ul": [], "ol": ["start"], "li": [], "a": ["href", "id"], "table": [], "thead": [], "tbody": [],
        "tr": [], "th": [], "td": [], "hr": [],
    ]

    /// What a browser would see: only the handbook's own elements and attributes, no event
    /// handler, and links only to http, https, mailto or scheme-less targets.
    static func expectInert(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!html.lowercased().contains("<script"), sourceLocation: sourceLocation)
        for tag in HTMLTagScanner.startTags(in: html) {
            let allowed = allowedAttributes[tag.name]
            #expect(allowed != nil, "unexpected element \(tag)", sourceLocation: sourceLocation)
            for attribute in tag.attributes {
                #expect(!attribute.name.hasPrefix("on"), "event handler in \(tag)", sourceLocation: sourceLocation)
                #expect(allowed?.contains(attribute.name) == true, "unexpected attribute in \(tag)", sourceLocation: sourceLocation)
                if attribute.name == "href" || attribute.name == "src" {
                    let scheme = HTMLTagScanner.scheme(of: attribute.value)
                    #expect(scheme == nil || ["http", "https", "mailto"].contains(scheme), "unsafe link in \(tag)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test("no policy text adds an element, an attribute, an event handler or a script link", arguments: Field.allCases, payloads)
    func injection(field: Field, payload: String) throws {
        var texts = PolicyTexts()
        switch field {
        case .title: texts.title = payload
        case .owner: texts.owner = payload
        case .handbook: texts.handbook = payload
        case .ruleTitle: texts.ruleTitle = payload
        case .reason: texts.reason = payload
        case .testName: texts.testName = payload
        }
        Self.expectInert(try Self.html(texts))
    }

    @Test("hostile text is shown as text where it was written")
    func shownAsText() throws {
        var texts = PolicyTexts()
        texts.title = "<script>alert(1)</script>"
        texts.owner = "x\" onmouseover=\"alert(1)"
        texts.ruleTitle = "<b onclick=alert(1)>rule</b>"
        texts.testName = "<img src=x onerror=alert(1)>"
        texts.reason = "a & b"
        texts.handbook = "See <img src=x onerror=alert(1)> and [x](javascript:alert) and [ok](https://example.com/?a=1&b=2)."
        let html = try Self.html(texts)
        #expect(html.contains("<li><a href=\"#policy-hostile\">&lt;script&gt;alert(1)&lt;/script&gt;</a></li>"))
        #expect(html.contains("<a id=\"policy-hostile\"></a><h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>"))
        #expect(html.contains("<p>Policy <code>hostile</code> · owner: x&quot; onmouseover=&quot;alert(1)</p>"))
        #expect(html.contains(
            "<p>See &lt;img src=x onerror=alert(1)&gt; and x and <a href=\"https://example.com/?a=1&amp;b=2\">ok</a>.</p>"))
        #expect(html.contains("<td>&lt;b onclick=alert(1)&gt;rule&lt;/b&gt;</td>"))
        #expect(html.contains("<li><code>r</code> does not apply when the user is <code>y</code>: a &amp; b (until 2099-01-01)</li>"))
        #expect(html.contains("<p><em>Warned</em></p><ul><li>&lt;img src=x onerror=alert(1)&gt; (<code>r</code>)</li></ul>"))
    }

    @Test("the page title is escaped in <title> and in the heading")
    func pageTitle() throws {
        var loaded = PolicySetLoader.Result()
        PolicySetLoader.load(file: SourceFile(path: "p.yaml", text: PolicyTexts().yaml), into: &loaded)
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 22))
        let set = try #require(PolicyCompiler(today: today).compile(loaded.documents).set)
        let html = Handbook.html(set, title: "</title><script>alert(1)</script>")
        #expect(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("<h1>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        Self.expectInert(html)
    }

    @Test("anchors keep only letters, digits, '_' and '-'")
    func anchors() {
        #expect(Handbook.anchor("Billing-Mode_2") == "policy-billing-mode_2")
        #expect(Handbook.anchor("a\" onmouseover=\"x") == "policy-a--onmouseover--x")
        #expect(Handbook.anchor("a<b>#c") == "policy-a-b--c")
    }

    @Test(
        "link targets: http, https, mailto and scheme-less kept, any other scheme refused",
        arguments: [
            ("https://example.com/a?b=c#d", true), ("http://example.com", true), ("HTTPS://example.com", true),
            ("mailto:legal@example.com", true), ("#policy-apps", true), ("apps.html#owner", true), ("/handbook", true),
            ("?page=2", true), ("//example.com/x", true), ("", true), ("a:b/c", false),
            ("javascript:alert(1)", false), ("JavaScript:alert(1)", false), ("data:text/html,x", false),
            ("vbscript:x", false), ("file:///etc/passwd", false), ("java\tscript:x", false), ("java\u{0}script:x", false),
            (" javascript:x", false), ("javascript&#58;x", true),
        ])
    func linkPolicy(target: String, kept: Bool) {
        #expect(LinkPolicy.allows(target) == kept)
    }

    // MARK: Time

    @Test("100,000 '[' in the handbook text and the title render as text")
    func manyBrackets() throws {
        let brackets = String(repeating: "[", count: 100_000)
        var texts = PolicyTexts()
        texts.handbook = brackets
        texts.title = brackets
        let html = try Self.html(texts)
        #expect(html.contains("<p>\(brackets)</p>"))
        #expect(html.contains("<h2>\(brackets)</h2>"))
        Self.expectInert(html)
    }

    @Test("100,000 '![' in the handbook text and a rule title render as text")
    func manyImageBrackets() throws {
        let brackets = String(repeating: "![", count: 100_000)
        var texts = PolicyTexts()
        texts.handbook = brackets
        texts.ruleTitle = brackets
        let html = try Self.html(texts)
        #expect(html.contains("<p>\(brackets)</p>"))
        #expect(html.contains("<td>\(brackets)</td>"))
        Self.expectInert(html)
    }

    /// Shapes that make a backtracking Markdown parser rescan the rest of the text from each
    /// opener; each must come back, as text.
    @Test(
        "openers that never close render as text",
        arguments: [
            ("[a](", 30_000), ("[](", 30_000), ("[a]", 30_000), ("![a](", 30_000), ("*a ", 50_000), ("_a ", 50_000),
            ("**a ", 30_000), ("***a ", 30_000), ("<a ", 30_000), ("\\[", 50_000), ("](x)", 30_000),
        ])
    func unclosedOpeners(unit: String, count: Int) {
        let text = String(repeating: unit, count: count)
        let html = MarkdownInline.html(text)
        #expect(html == HTMLText.escaped(text.replacing("\\[", with: "[")))
    }

    @Test("backtick runs of every length up to 400, none closed, render as text")
    func backtickRuns() {
        let text = (1...400).map { String(repeating: "`", count: $0) + "a" }.joined()
        #expect(MarkdownInline.html(text) == text)
    }

    @Test("20,000 nested list markers and 20,000 '#' lines render")
    func manyLines() {
        let list = (0..<20_000).map { String(repeating: " ", count: $0 % 40) + "- x" }.joined(separator: "\n")
        #expect(MarkdownBlocks.html(list).hasPrefix("<ul><li>x<ul><li>x"))
        let headings = String(repeating: "# [\n", count: 20_000)
        #expect(MarkdownBlocks.html(headings).hasPrefix("<h1>[</h1><h1>[</h1>"))
    }
}
