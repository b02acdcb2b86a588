import BylawEval
import BylawReport
import BylawSource

/// Encodes decision log records, one NDJSON line each:
/// `{"decision_id","time","revision","event_id","decision","findings","event"}`.
///
/// The event is the one the request sent, compact, with the masked fields' values replaced by
/// `"[masked]"`; a masked field's text is also replaced wherever it appears in the findings'
/// messages and hints (a message such as "{event.user} sent client data" would give it away).
struct DecisionLogEncoder {
    private let masker: EventMasker
    private var findings = FindingJSONWriter()

    init(masks: [EventMask]) {
        masker = EventMasker(masks: masks)
    }

    mutating func encode(_ record: DecisionLog.Record, to out: inout [UInt8]) {
        JSONBytes.write("{\"decision_id\":\"", to: &out)
        record.id.write(to: &out)
        JSONBytes.write("\",\"time\":", to: &out)
        JSONBytes.writeString(record.time.rfc3339, to: &out)
        JSONBytes.write(",\"revision\":", to: &out)
        JSONBytes.writeString(record.revision, to: &out)
        JSONBytes.write(",\"event_id\":", to: &out)
        if let id = record.eventID { JSONBytes.writeString(id, to: &out) } else { JSONBytes.write("null", to: &out) }
        JSONBytes.write(record.denies ? ",\"decision\":\"deny\",\"findings\":[" : ",\"decision\":\"allow\",\"findings\":[", to: &out)
        let rewritten = masker.masks.isEmpty ? nil : masker.rewrite(record.event)
        let secrets = rewritten?.maskedStrings ?? []
        for (index, finding) in record.findings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            findings.write(secrets.isEmpty ? finding : Self.scrub(finding, of: secrets), to: &out)
        }
        JSONBytes.write("],\"event\":", to: &out)
        if masker.masks.isEmpty {
            // Unmasked, the event is logged as sent, made compact.
            if let compact = EventMasker(masks: []).rewrite(record.event) { out.append(contentsOf: compact.json) } else { JSONBytes.write("null", to: &out) }
        } else if let rewritten {
            out.append(contentsOf: rewritten.json)
        } else {
            JSONBytes.write("null", to: &out)
        }
        JSONBytes.write("}\n", to: &out)
    }

    /// The finding with every masked text in its message and hint replaced.
    private static func scrub(_ finding: Finding, of secrets: [String]) -> Finding {
        func clean(_ text: String) -> String {
            secrets.reduce(text) { text, secret in replacing(secret, in: text) }
        }
        return Finding(
            rule: finding.rule, kind: finding.kind, enforcement: finding.enforcement, message: clean(finding.message),
            hint: finding.hint.map(clean), inputPath: finding.inputPath, location: finding.location, event: finding.event)
    }

    /// `text` with each occurrence of `secret` (byte for byte) replaced by `[masked]`.
    static func replacing(_ secret: String, in text: String) -> String {
        let needle = Array(secret.utf8)
        let haystack = Array(text.utf8)
        guard !needle.isEmpty, haystack.count >= needle.count else { return text }
        var out: [UInt8] = []
        var index = 0
        var changed = false
        while index < haystack.count {
            if index + needle.count <= haystack.count, haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) {
                out.append(contentsOf: "[masked]".utf8)
                index += needle.count
                changed = true
            } else {
                out.append(haystack[index])
                index += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }
}
