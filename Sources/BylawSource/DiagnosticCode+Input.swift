// The `input.*` codes: files and folders, before any of their text is parsed.

extension DiagnosticCode {
    public static let inputUnreadable = DiagnosticCode(
        "input.unreadable", severity: .error,
        summary: "A file or directory could not be read",
        help: "a file or directory could not be read (missing, a directory where a file is expected, no permission)")

    public static let inputTooLarge = DiagnosticCode(
        "input.too-large", severity: .error,
        summary: "A whole-file input is over the size limit",
        help: "a whole-file input over the size limit (256 MiB)")

    public static let inputOutsideRoot = DiagnosticCode(
        "input.outside-root", severity: .warning,
        summary: "A symbolic link in a searched folder leads outside it; not read",
        help: """
            a `.yaml`/`.yml` symbolic link in a searched folder that resolves to something other than a file \
            inside that folder: not read, so a folder from a pull request cannot make a run print a file from \
            elsewhere on the machine; name the file on the command line to read it
            """)

    public static let inputTooDeep = DiagnosticCode(
        "input.too-deep", severity: .warning,
        summary: "A policy directory is nested too deep; not searched further",
        help: "a policy directory nested more than 64 levels; not searched further")

    public static let inputDocumentCount = DiagnosticCode(
        "input.document-count", severity: .error,
        summary: "An input that takes one YAML document holds several",
        help: """
            `bylaw expr --event FILE` or `--var NAME=…` holds more than one YAML document: at the second \
            (one event or value each)
            """)

    public static let inputFileExists = DiagnosticCode(
        "input.file-exists", severity: .error,
        summary: "A file `bylaw init` would write already exists; nothing was written",
        help: "a file `bylaw init` would write already exists: nothing is written unless `--force` is given, which replaces it")
}

extension DiagnosticRegistry {
    /// Files and folders (BylawSource, and the CLI's own inputs).
    public static let input = DiagnosticRegistry(prefix: "input", codes: [
        .inputUnreadable, .inputTooLarge, .inputOutsideRoot, .inputTooDeep, .inputDocumentCount, .inputFileExists,
    ])
}
