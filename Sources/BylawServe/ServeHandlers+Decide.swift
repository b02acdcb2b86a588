import BylawEval
import BylawModel
import BylawSource
import HTTPTypes
import HummingbirdCore
import NIOCore

extension ServeHandlers {
    /// `POST /v1/decide`: one usage event (a JSON object, on one line or pretty-printed) →
    /// `{"decision_id", "decision", "findings", "revision"}`.
    func decide(_ request: Request) async throws -> Response {
        let (start, snapshot, body) = try await open(request, .decide)
        let pool = snapshot.deciders
        let slot = pool.take()
        defer { pool.give(back: slot) }
        let outcome = body.withUnsafeReadableBytes { raw in
            slot.decide(
                StreamLine(number: 1, offset: 0, bytes: raw.assumingMemoryBound(to: UInt8.self), maxLineLength: configuration.limits.maxBody),
                inputPath: Self.inputPath, failMode: configuration.failMode)
        }
        switch outcome {
        case .event:
            break
        case .blank:
            throw APIError(.badRequest, .requestNoEvent, "the request body holds no event", hint: "send one usage event, a JSON object")
        case .malformed(let issue):
            throw APIError(.badRequest, issue.code.diagnosticCode, issue.message, diagnostics: [Self.diagnostic(issue, body: body)])
        }
        let id = ids.next()
        var out: [UInt8] = []
        out.reserveCapacity(160 + slot.findingsJSON.count)
        DecisionJSON.write(line: nil, id: id, denies: slot.denies, findings: slot.findingsJSON, revision: snapshot.revision, to: &out)
        out.append(UInt8(ascii: "\n"))
        count(slot, metrics: metrics)
        if let log {
            log.append(DecisionLog.Record(
                id: id, time: .now, revision: snapshot.revision, eventID: slot.eventID, denies: slot.denies, findings: slot.findings,
                event: Array(body.readableBytesView)))
        }
        metrics.record(.decide, since: start)
        return JSONResponse.make(bytes: out)
    }

    /// Counts a decision and its findings in the metrics.
    func count(_ slot: DeciderSlot, metrics: ServeMetrics) {
        metrics.count(denies: slot.denies)
        for finding in slot.findings {
            let key = FindingCounterKey(rule: finding.rule.fullID, enforcement: finding.enforcement, kind: finding.kind)
            if let counter = slot.counters[key] {
                counter.increment()
            } else {
                let counter = metrics.findingCounter(finding)
                slot.counters[key] = counter
                counter.increment()
            }
        }
    }

    /// A malformed body as a diagnostic located in the body itself (a pretty-printed event
    /// spans lines: the location counts them).
    static func diagnostic(_ issue: StreamIssue, body: ByteBuffer) -> Diagnostic {
        let file = SourceFile(path: inputPath, bytes: Array(body.readableBytesView), lineBreaks: .newline)
        let start = min(issue.byteInLine, file.bytes.count)
        return Diagnostic(
            code: issue.code.diagnosticCode, message: issue.message,
            span: SourceSpan(file: file, range: SourceRange(start: start, end: min(file.bytes.count, start + 1))))
    }
}
