import BylawSource

// The `yaml.*` codes: the YAML source layer (docs/yaml.md).

extension DiagnosticCode {
    public static let yamlSyntax = DiagnosticCode(
        "yaml.syntax", severity: .error,
        summary: "The text is not valid YAML",
        help: "libyaml could not parse the text; its problem and context, at the right line and column")

    public static let yamlDuplicateKey = DiagnosticCode(
        "yaml.duplicate-key", severity: .error,
        summary: "A key is given twice in one mapping",
        help: "a key given twice in one mapping: at the duplicate, with a note at the first")

    public static let yamlAliasBudget = DiagnosticCode(
        "yaml.alias-budget", severity: .error,
        summary: "Aliases would expand past the budget",
        help: "aliases would expand past the budget (an \"alias bomb\"): at the alias that crosses it")

    public static let yamlUndefinedAlias = DiagnosticCode(
        "yaml.undefined-alias", severity: .error,
        summary: "An alias names no anchor",
        help: "an alias names no anchor (or its own enclosing node)")

    public static let yamlTooDeep = DiagnosticCode(
        "yaml.too-deep", severity: .error,
        summary: "YAML nesting is past the limit",
        help: "nesting past the limit (200): at the collection that crosses it")

    public static let yamlTooLarge = DiagnosticCode(
        "yaml.too-large", severity: .error,
        summary: "The file is over the YAML size limit",
        help: "the file is over the YAML size limit")

    public static let yamlInvalidUTF8 = DiagnosticCode(
        "yaml.invalid-utf8", severity: .error,
        summary: "The file is not valid UTF-8",
        help: "invalid UTF-8, at the exact byte")

    public static let yamlUnsupportedEncoding = DiagnosticCode(
        "yaml.unsupported-encoding", severity: .error,
        summary: "The file is encoded as UTF-16 or UTF-32",
        help: "UTF-16 or UTF-32 input (Bylaw reads UTF-8, with or without a byte-order mark)")

    public static let yamlControlCharacter = DiagnosticCode(
        "yaml.control-character", severity: .error,
        summary: "A control character YAML does not allow",
        help: "a control character YAML does not allow (NUL and friends)")

    public static let yamlTabIndent = DiagnosticCode(
        "yaml.tab-indent", severity: .error,
        summary: "A tab is used for indentation",
        help: "a tab used for indentation: YAML indents with spaces")

    public static let yamlIndentation = DiagnosticCode(
        "yaml.indentation", severity: .error,
        summary: "A line is indented wrongly",
        help: """
            a key or `-` item indented more or less than the line it belongs with (a key one space further than \
            the key above reads as part of that key's value); the message says by how many spaces and which line \
            to line up with
            """)

    public static let yamlEmptyFile = DiagnosticCode(
        "yaml.empty-file", severity: .error,
        summary: "The file holds no YAML document",
        help: "the file holds no YAML document")

    public static let yamlIntRange = DiagnosticCode(
        "yaml.int-range", severity: .error,
        summary: "An integer does not fit in 64 bits",
        help: "an integer that does not fit in 64 bits")

    public static let yamlBadTag = DiagnosticCode(
        "yaml.bad-tag", severity: .error,
        summary: "An explicit tag does not fit its node",
        help: "an explicit tag (`!!int`) that does not fit its scalar")

    public static let yamlTooManyErrors = DiagnosticCode(
        "yaml.too-many-errors", severity: .note,
        summary: "More errors than the per-file cap; the rest are counted",
        help: "more errors than the per-file cap; the rest are counted")
}

extension DiagnosticRegistry {
    /// The YAML source layer.
    public static let yaml = DiagnosticRegistry(prefix: "yaml", codes: [
        .yamlSyntax, .yamlDuplicateKey, .yamlAliasBudget, .yamlUndefinedAlias, .yamlTooDeep, .yamlTooLarge,
        .yamlInvalidUTF8, .yamlUnsupportedEncoding, .yamlControlCharacter, .yamlTabIndent, .yamlIndentation, .yamlEmptyFile,
        .yamlIntRange, .yamlBadTag, .yamlTooManyErrors,
    ])
}
