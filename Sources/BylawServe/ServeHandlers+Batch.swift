import BylawEval
import BylawModel
import BylawSource
import HTTPTypes
import HummingbirdCore
import NIOCore

extension ServeHandlers {
    /// `POST /v1/decide/batch`: NDJSON events in, NDJSON out in the same order: one decision
    /// line per event, one `{"line", "diagnostic"}` line per malformed line (the batch goes on),
    /// nothing for blank lines, and a last `{"summary"}` line accounting for every line.
    ///
    /// The body is decided as it arrives and the answer written as it goes, so a batch costs one
    /// line of memory whatever its size. Past `--max-batch-body` the answer ends with an error
    /// line (or is a 413 when the declared length is already too large).
    func decideBatch(_ request: Request) async throws -> Response {
        let start = ContinuousClock.now
        let snapshot = store.current
        try admit(request, to: .decideBatch, snapshot: snapshot)
        let limit = configuration.limits.maxBatchBody
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError.tooLarge(limit: limit)
        }
        let handlers = self
        return Response(
            status: .ok, headers: [.contentType: JSONResponse.ndjsonContentType],
            body: ResponseBody { writer in
                let batch = BatchRun(handlers: handlers, snapshot: snapshot)
                defer { batch.finish() }
                var received = 0
                for try await piece in request.body {
                    received += piece.readableBytes
                    if received > limit {
                        batch.refuse(APIError.tooLarge(limit: limit))
                        break
                    }
                    piece.withUnsafeReadableBytes { batch.feed($0) }
                    if let out = batch.take(atLeast: BatchRun.writeSize) { try await writer.write(out) }
                }
                if received <= limit { batch.end() }
                if let out = batch.take(atLeast: 1) { try await writer.write(out) }
                try await writer.finish(nil)
                handlers.metrics.record(.decideBatch, since: start)
            })
    }
}

/// One batch being decided: its decider, its line splitter, its counts and the output not yet
/// written. A class, so that the splitter can call back into it while it splits; it lives in
/// one request's task.
private final class BatchRun {
    let handlers: ServeHandlers
    let snapshot: PolicySnapshot
    let slot: DeciderSlot
    var splitter: BatchLineSplitter
    var counts = StreamCounts()
    var allowed = 0
    var denied = 0
    var out: [UInt8] = []

    init(handlers: ServeHandlers, snapshot: PolicySnapshot) {
        self.handlers = handlers
        self.snapshot = snapshot
        slot = snapshot.deciders.take()
        splitter = BatchLineSplitter(maxLineLength: handlers.configuration.limits.maxLineLength)
    }

    func feed(_ piece: UnsafeRawBufferPointer) {
        counts.bytes += piece.count
        splitter.feed(piece) { decide($0) }
    }

    /// The body is over: the last line, then the summary.
    func end() {
        splitter.finish { decide($0) }
        let summary = JSONValue.object([(
            "summary",
            .object([
                ("lines", counts.json), ("decisions", .object([("allow", .int(Int64(allowed))), ("deny", .int(Int64(denied)))])),
                ("revision", .string(snapshot.revision)),
            ])
        )])
        out.append(contentsOf: (summary.compact + "\n").utf8)
    }

    /// The body went past its limit: an error line ends the answer.
    func refuse(_ error: APIError) {
        out.append(contentsOf: (error.json.compact + "\n").utf8)
    }

    /// How much output is gathered before it is written: each write is a hand-over to the
    /// connection's thread, so a few large ones cost less than one per piece of the body.
    static let writeSize = 256 << 10

    /// The output so far, to write, when there is at least `size` bytes of it.
    func take(atLeast size: Int) -> ByteBuffer? {
        guard out.count >= size else { return nil }
        defer { out.removeAll(keepingCapacity: true) }
        return ByteBuffer(bytes: out)
    }

    func finish() {
        snapshot.deciders.give(back: slot)
    }

    private func decide(_ line: StreamLine) {
        counts.lines += 1
        switch slot.decide(line, inputPath: ServeHandlers.inputPath, failMode: handlers.configuration.failMode) {
        case .blank:
            counts.blank += 1
        case .malformed(let issue):
            counts.malformed += 1
            let diagnostic = issue.diagnostic(streamPath: ServeHandlers.inputPath, lineBytes: line.bytes)
            let text = JSONValue.object([("line", .int(Int64(line.number))), ("diagnostic", diagnostic.jsonValue)]).compact
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\n"))
        case .event:
            counts.events += 1
            if slot.denies { denied += 1 } else { allowed += 1 }
            let id = handlers.ids.next()
            DecisionJSON.write(line: line.number, id: id, denies: slot.denies, findings: slot.findingsJSON, revision: snapshot.revision, to: &out)
            out.append(UInt8(ascii: "\n"))
            handlers.count(slot, metrics: handlers.metrics)
            if let log = handlers.log {
                log.append(DecisionLog.Record(
                    id: id, time: .now, revision: snapshot.revision, eventID: slot.eventID, denies: slot.denies, findings: slot.findings,
                    event: Array(line.bytes)))
            }
        }
    }
}
