import BylawEval
import BylawPolicy
import BylawSource

extension Finding {
    /// The finding as one NDJSON line: exactly `jsonValue.compact + "\n"`, written straight
    /// into bytes (no tree of values, no piecewise strings), since a usage stream can make
    /// millions of them.
    public var ndjsonLine: String {
        var out: [UInt8] = []
        var fragments = NDJSONFragments()
        writeNDJSON(to: &out, fragments: &fragments)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the finding's NDJSON line to `out`. What repeats from one finding to the next (a
    /// rule's ids, kind and enforcement, its hint, the input's path) is taken already encoded
    /// from `fragments`, which keeps what this finding encodes for the next ones.
    func writeNDJSON(to out: inout [UInt8], fragments: inout NDJSONFragments) {
        fragments.writeOpening(of: self, to: &out)
        if let location {
            let start = location.start
            fragments.writePath(location.file.path, to: &out)
            JSONBytes.write(",\"line\":", to: &out)
            JSONBytes.writeInt(start.line, to: &out)
            JSONBytes.write(",\"column\":", to: &out)
            JSONBytes.writeInt(start.column, to: &out)
            out.append(0x7D)
        } else if let event {
            let path = fragments.encodedPath(inputPath)
            JSONByteWriter.append(to: &out, reserving: NDJSONFragments.streamLocationBound(path: path)) { writer in
                NDJSONFragments.writeStreamLocation(path: path, line: event.line, to: &writer)
            }
        } else {
            fragments.writePath(inputPath, to: &out)
            out.append(0x7D)
        }
        if let event {
            var id = event.id
            Self.withUTF8(of: &id) { id in
                JSONByteWriter.append(to: &out, reserving: NDJSONFragments.eventBound(id: id)) { writer in
                    NDJSONFragments.writeEvent(line: event.line, id: id, to: &writer)
                }
            }
        }
        if let explanation {
            JSONBytes.write(",\"explanation\":", to: &out)
            out.append(contentsOf: explanation.jsonValue.compact.utf8)
        }
        JSONBytes.write("}\n", to: &out)
    }

    /// Calls `body` with the UTF-8 of `text`, nil when there is none.
    private static func withUTF8(of text: inout String?, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        guard var string = text else { return body(nil) }
        string.withUTF8 { body($0) }
    }
}

/// The encoded pieces of NDJSON finding lines that repeat across a stream: per rule, the head
/// of the object up to the message (`{"rule":…,"policy":…,"kind":…,"enforcement":…,"message":`)
/// and the hint with what follows it up to the path; and the last input path.
///
/// A findings-heavy stream writes the same few rules' ids and hints over and over: escaping
/// them once per rule instead of once per finding is most of the cost of a line. Every piece
/// is checked against the finding before it is reused, so the output is byte for byte what
/// encoding each finding alone gives.
struct NDJSONFragments {
    /// A class, so that reading one costs a single reference count, not one per field.
    private final class RuleEntry {
        let fullID: String
        let policyID: String
        /// Both ids are ASCII (see ``NDJSONFragments/same(_:isASCII:_:)``).
        let idsAreASCII: Bool
        let kind: Finding.Kind
        let enforcement: Enforcement
        let head: [UInt8]
        var hint: String?
        var hintIsASCII: Bool
        var hintBytes: [UInt8]

        init(fullID: String, policyID: String, kind: Finding.Kind, enforcement: Enforcement, head: [UInt8], hint: String?, hintBytes: [UInt8]) {
            (self.fullID, self.policyID, self.kind, self.enforcement, self.head) = (fullID, policyID, kind, enforcement, head)
            idsAreASCII = NDJSONFragments.isASCII(fullID) && NDJSONFragments.isASCII(policyID)
            (self.hint, self.hintIsASCII, self.hintBytes) = (hint, NDJSONFragments.isASCII(hint), hintBytes)
        }
    }

    private var rules: [String: RuleEntry] = [:]
    private var path: String?
    private var pathIsASCII = true
    private var pathBytes: [UInt8] = []

    /// Rules past this many are encoded without keeping their pieces: a sink never holds more
    /// than a policy set's worth.
    private static let maxRules = 4096

    /// Writes `{"rule":…,"policy":…,"kind":…,"enforcement":…,"message":…,"hint":…,"location":{"file":`,
    /// the rule's pieces as encoded for its last finding when they still apply.
    mutating func writeOpening(of finding: Finding, to out: inout [UInt8]) {
        let rule = finding.rule
        guard let index = rules.index(forKey: rule.fullID) else {
            let head = Self.encodeHead(of: finding)
            let hintBytes = Self.encodeHint(finding.hint)
            out.append(contentsOf: head)
            JSONBytes.writeString(finding.message, to: &out)
            out.append(contentsOf: hintBytes)
            if rules.count < Self.maxRules {
                rules[rule.fullID] = RuleEntry(
                    fullID: rule.fullID, policyID: rule.policyID, kind: finding.kind, enforcement: finding.enforcement, head: head,
                    hint: finding.hint, hintBytes: hintBytes)
            }
            return
        }
        let entry = rules.values[index]
        // The dictionary finds the entry by canonical equivalence: the ids' bytes are checked too.
        if entry.kind == finding.kind, entry.enforcement == finding.enforcement,
           Self.same(entry.fullID, isASCII: entry.idsAreASCII, rule.fullID),
           Self.same(entry.policyID, isASCII: entry.idsAreASCII, rule.policyID) {
            out.append(contentsOf: entry.head)
        } else {
            out.append(contentsOf: Self.encodeHead(of: finding))
        }
        JSONBytes.writeString(finding.message, to: &out)
        if Self.same(entry.hint, isASCII: entry.hintIsASCII, finding.hint) {
            out.append(contentsOf: entry.hintBytes)
        } else {
            let hintBytes = Self.encodeHint(finding.hint)
            out.append(contentsOf: hintBytes)
            entry.hint = finding.hint
            entry.hintIsASCII = Self.isASCII(finding.hint)
            entry.hintBytes = hintBytes
        }
    }

    private static func encodeHead(of finding: Finding) -> [UInt8] {
        encodeHead(rule: finding.rule, kind: finding.kind, enforcement: finding.enforcement)
    }

    /// `{"rule":…,"policy":…,"kind":…,"enforcement":…,"message":`.
    static func encodeHead(rule: RuleDescriptor, kind: Finding.Kind, enforcement: Enforcement) -> [UInt8] {
        var head: [UInt8] = []
        JSONBytes.write("{\"rule\":", to: &head)
        JSONBytes.writeString(rule.fullID, to: &head)
        JSONBytes.write(",\"policy\":", to: &head)
        JSONBytes.writeString(rule.policyID, to: &head)
        JSONBytes.write(",\"kind\":", to: &head)
        JSONBytes.writeString(kind.rawValue, to: &head)
        JSONBytes.write(",\"enforcement\":", to: &head)
        JSONBytes.writeString(enforcement.rawValue, to: &head)
        JSONBytes.write(",\"message\":", to: &head)
        return head
    }

    /// The path as a JSON string, the last one's encoding reused when it is the same text.
    mutating func writePath(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: encodedPath(text))
    }

    /// The path as a JSON string, encoded again only when it is not the last one's text.
    mutating func encodedPath(_ text: String) -> [UInt8] {
        if !Self.same(path, isASCII: pathIsASCII, text) {
            pathBytes.removeAll(keepingCapacity: true)
            JSONBytes.writeString(text, to: &pathBytes)
            path = text
            pathIsASCII = Self.isASCII(text)
        }
        return pathBytes
    }

    /// A stream finding's location: `PATH,"line":N}`, `path` being ``encodedPath(_:)``'s bytes.
    @inline(__always)
    static func writeStreamLocation(path: [UInt8], line: Int, to writer: inout JSONByteWriter) {
        writer.write(path)
        writer.write(",\"line\":")
        writer.writeInt(line)
        writer.write(0x7D)
    }

    /// The most bytes ``writeStreamLocation(path:line:to:)`` writes.
    static func streamLocationBound(path: [UInt8]) -> Int {
        path.count + 9 + JSONByteWriter.intBound
    }

    /// `,"event":{"line":N,"id":ID}`, ID the escaped UTF-8 `id` or `null`.
    @inline(__always)
    static func writeEvent(line: Int, id: UnsafeBufferPointer<UInt8>?, to writer: inout JSONByteWriter) {
        writer.write(",\"event\":{\"line\":")
        writer.writeInt(line)
        writer.write(",\"id\":")
        if let id { writer.writeString(utf8: id) } else { writer.write("null") }
        writer.write(0x7D)
    }

    /// The most bytes ``writeEvent(line:id:to:)`` writes.
    static func eventBound(id: UnsafeBufferPointer<UInt8>?) -> Int {
        25 + JSONByteWriter.intBound + JSONByteWriter.stringBound(id?.count ?? 2)
    }

    /// Whether `other` has the very bytes of `cached`, a text a piece was encoded from.
    ///
    /// `==` on strings is canonical equivalence (`é` composed equals `e` and a combining
    /// accent), and a piece must never stand for a text of other bytes. Where `cached` is ASCII,
    /// `==` with equal UTF-8 lengths is byte equality: the only scalars canonically equivalent
    /// to ASCII ones (U+037E, U+1FEF, U+212A) are longer in UTF-8. That is the common case, at
    /// the cost of `==`; other texts are compared byte for byte.
    @inline(__always)
    static func same(_ cached: String?, isASCII: Bool, _ other: String?) -> Bool {
        guard let cached, let other else { return cached == nil && other == nil }
        guard cached.utf8.count == other.utf8.count else { return false }
        return isASCII ? cached == other : sameBytes(cached, other)
    }

    @inline(never)
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { left in b.withUTF8 { right in left.elementsEqual(right) } }
    }

    static func isASCII(_ text: String?) -> Bool {
        text?.utf8.allSatisfy { $0 < 0x80 } ?? true
    }

    private static func encodeHint(_ hint: String?) -> [UInt8] {
        guard var hint else { return encodeHint(utf8: nil) }
        return hint.withUTF8 { encodeHint(utf8: $0) }
    }

    /// `,"hint":…,"location":{"file":` for a hint's UTF-8 (nil: no hint).
    static func encodeHint(utf8 hint: UnsafeBufferPointer<UInt8>?) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONBytes.write(",\"hint\":", to: &bytes)
        if let hint { JSONBytes.writeString(utf8: hint, to: &bytes) } else { JSONBytes.write("null", to: &bytes) }
        JSONBytes.write(",\"location\":{\"file\":", to: &bytes)
        return bytes
    }
}
