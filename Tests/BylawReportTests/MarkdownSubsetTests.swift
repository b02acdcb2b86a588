import Testing

@testable import BylawReport

/// The Markdown the HTML handbook renders, and what it leaves as text.
@Suite("Handbook Markdown subset")
struct MarkdownSubsetTests {
    @Test("blocks: headings, paragraphs, nested and numbered lists, fenced code, breaks; the rest is text")
    func blocks() {
        let text = """
            # Heading *one* #

            Para line one
            continues `code <b>` and **bold** and _em_ and snake_case_name.
            - item one
            - item [link](https://example.com)
              - nested `x`
              - nested two
            - item three
            continued lazily

            3. third
            4. fourth

            ```yaml
            a: <b>
            ```

            ---
            Escapes: \\*not em\\* and \\[not link\\](x) and a \\ backslash.
            ![logo](https://example.com/logo.png) alt only.
            > quoted
            | a | b |
            <div onclick="x">raw</div>
            """
        let expected = [
            "<h1>Heading <em>one</em></h1>",
            "<p>Para line one continues <code>code &lt;b&gt;</code> and <strong>bold</strong> and <em>em</em> and snake_case_name.</p>",
            "<ul><li>item one</li><li>item <a href=\"https://example.com\">link</a><ul><li>nested <code>x</code></li>",
            "<li>nested two</li></ul></li><li>item three continued lazily</li></ul>",
            "<ol start=\"3\"><li>third</li><li>fourth</li></ol>",
            "<pre><code class=\"language-yaml\">a: &lt;b&gt;\n</code></pre>",
            "<hr>",
            "<p>Escapes: *not em* and [not link](x) and a \\ backslash. logo alt only. &gt; quoted | a | b | ",
            "&lt;div onclick=&quot;x&quot;&gt;raw&lt;/div&gt;</p>",
        ]
        #expect(MarkdownBlocks.html(text) == expected.joined())
    }

    @Test(
        "inline: code, emphasis, links, and what stays text",
        arguments: [
            ("`` a`b ``", "<code>a`b</code>"),
            ("***both***", "<strong><em>both</em></strong>"),
            ("__strong__ and *em*", "<strong>strong</strong> and <em>em</em>"),
            ("[a *b*](#x)", "<a href=\"#x\">a <em>b</em></a>"),
            ("*a [b* c](#x)", "*a <a href=\"#x\">b* c</a>"),
            ("[a [b](#y) c](#x)", "[a <a href=\"#y\">b</a> c](#x)"),
            ("[![badge](https://example.com/b.svg)](https://example.com)", "<a href=\"https://example.com\">badge</a>"),
            ("[mail](mailto:legal@example.com)", "<a href=\"mailto:legal@example.com\">mail</a>"),
            ("[x](javascript:alert)", "x"),
            ("[x](data:text/html,hi)", "x"),
            ("[x](a b)", "[x](a b)"),
            ("<https://example.com>", "&lt;https://example.com&gt;"),
            ("a &amp; b", "a &amp;amp; b"),
            ("2 * 3 * 4", "2 * 3 * 4"),
            ("`unclosed", "`unclosed"),
        ])
    func inline(markdown: String, html: String) {
        #expect(MarkdownInline.html(markdown) == html)
    }

    @Test("inside a link (the contents list) no further link is made")
    func insideLink() {
        #expect(MarkdownInline.html("see [x](https://example.com)", insideLink: true) == "see x")
    }
}
