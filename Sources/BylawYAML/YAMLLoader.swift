import BylawSource

/// Reads YAML files into ``YAMLNode`` trees with positions, by Bylaw's YAML dialect
/// (`docs/yaml.md`): the YAML 1.2 core schema, no duplicate keys, aliases within a budget,
/// bounded nesting and size, UTF-8 only.
public enum YAMLLoader {
    /// Loads every document of `file`.
    ///
    /// Never traps and never hangs: every problem is a diagnostic in the result, with the byte
    /// range it is about. A file with no document (0 bytes, or only comments and blanks) yields
    /// no documents and, when `limits.requireDocument`, the error `yaml.empty-file`.
    ///
    /// With `streaming`, the items of one sequence go to its consumer as they are composed
    /// rather than into the document (see ``YAMLItemStream``).
    public static func load(_ file: SourceFile, limits: YAMLLimits = .default, streaming: YAMLItemStream? = nil) -> YAMLLoadResult {
        load(file, limits: limits, streaming: streaming, simpleItems: simpleItemsByDefault)
    }

    /// Whether loads read simple streamed items without libyaml: yes, unless the environment
    /// sets `BYLAW_YAML_FAST_PATH=off`.
    package static var simpleItemsByDefault: Bool { YAMLComposer.Splice.enabled }

    /// ``load(_:limits:streaming:)``, reading the streamed sequence's simple items without
    /// libyaml (see ``YAMLSimpleItemScanner``) only when `simpleItems`: the result is the same
    /// either way, which the differential tests check.
    package static func load(_ file: SourceFile, limits: YAMLLimits, streaming: YAMLItemStream?, simpleItems: Bool) -> YAMLLoadResult {
        let check: YAMLInputCheck
        switch YAMLInputCheck.run(file, limits: limits) {
        case .success(let passed): check = passed
        case .failure(let problem): return YAMLLoadResult(documents: [], diagnostics: [problem])
        }
        var result = file.bytes.withUnsafeBufferPointer { buffer -> YAMLLoadResult in
            guard buffer.count > check.bomLength else { return YAMLLoadResult(documents: [], diagnostics: []) }
            // Three levels (the top mapping, the sequence, an item) must fit for the items to be
            // composed as libyaml's would be.
            let splice = simpleItems && limits.maxDepth >= 3
                ? streaming.flatMap { YAMLComposer.Splice.find(in: buffer, key: Array($0.key.utf8), bomLength: check.bomLength, isASCII: check.isASCII) }
                : nil
            var composer = compose(file, buffer, check: check, limits: limits, streaming: streaming, splice: splice)
            if composer.spliceFailed {
                composer = compose(file, buffer, check: check, limits: limits, streaming: streaming, splice: nil)
            }
            // The input check left control characters to libyaml, which refuses them: a parse that
            // ran to the end read them all and met none. When it failed or stopped, the first
            // encoding problem of the file, if any, is its diagnostic, as when the check looked
            // for them first.
            if composer.stopped, let problem = YAMLInputCheck.firstProblem(in: file) {
                return YAMLLoadResult(documents: [], diagnostics: [problem])
            }
            if composer.suppressedDiagnostics > 0 {
                composer.diagnostics.append(Diagnostic(
                    code: .yamlTooManyErrors, severity: .note,
                    message: "\(composer.suppressedDiagnostics) more problems in this file were not recorded",
                    path: file.path))
            }
            let (documents, streamed) = composer.documentNodes()
            return YAMLLoadResult(documents: documents, diagnostics: composer.diagnostics, streamed: streamed)
        }
        if result.documents.isEmpty, result.diagnostics.isEmpty, limits.requireDocument {
            result.diagnostics.append(.error(
                .yamlEmptyFile, "file contains no YAML document", in: file, at: .at(0),
                hint: "an empty file is most likely a mistake; write at least one key"))
        }
        return result
    }

    /// Runs libyaml and the composer over `buffer` (the file's bytes).
    static func compose(
        _ file: SourceFile, _ buffer: UnsafeBufferPointer<UInt8>, check: YAMLInputCheck, limits: YAMLLimits,
        streaming: YAMLItemStream?, splice: YAMLComposer.Splice?
    ) -> YAMLComposer {
        // libyaml never sees the byte-order mark: marks then count from the first character
        // after it, as the converter expects.
        let skipped = splice.map { ($0.skipped.lowerBound - check.bomLength)..<($0.skipped.upperBound - check.bomLength) }
        let parser = LibYAMLParser(buffer: UnsafeBufferPointer(rebasing: buffer[check.bomLength...]), skipping: skipped)
        var composer = YAMLComposer(
            file: file, limits: limits,
            marks: MarkConverter(bytes: buffer, isASCII: check.isASCII, bomLength: check.bomLength, multibyte: check.multibyte),
            streaming: streaming, splice: splice)
        composer.run(parser)
        return composer
    }
}
