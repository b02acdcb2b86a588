internal import CNATS

/// Asynchronous JetStream publishes whose acknowledgements are counted apart from every other
/// lane's: a JetStream context of its own on a shared connection.
///
/// A member publishes one batch's findings on a lane while the previous batch's
/// acknowledgements are still coming in on another, so each batch knows when all of its own
/// are in, and a lane that gives up (``waitForAcknowledgements(timeout:)``) forgets only its own
/// publishes.
///
/// Raw memory: the context is the library's, created here and destroyed in `deinit`. The
/// library takes each published message on success and hands it back to the acknowledgement
/// handler, which destroys it; a message it refused is destroyed here. The handler runs on the
/// context's own reply thread and only touches ``NATSPublishAcknowledgements`` (atomics and a
/// mutex). One thread publishes on a lane at a time.
final class NATSPublishLane {
    private let context: OpaquePointer
    /// Kept so the connection outlives the context.
    private let connection: NATSConnection
    private let acknowledgements: NATSPublishAcknowledgements

    /// A lane on `connection` holding up to `maxPending` publishes awaiting their
    /// acknowledgement (past that a publish waits: back-pressure).
    init(_ connection: NATSConnection, maxPending: Int64) throws(NATSError) {
        self.connection = connection
        // The handler may run after the context is destroyed (on the library's reply thread,
        // for an acknowledgement already taken off the wire), so the counters it is handed are
        // retained for the life of the process: one small object per lane.
        let acknowledgements = NATSPublishAcknowledgements()
        self.acknowledgements = acknowledgements
        var options = jsOptions()
        jsOptions_Init(&options)
        options.Wait = connection.requestTimeout
        options.PublishAsync.MaxPending = maxPending
        options.PublishAsync.AckHandlerClosure = Unmanaged.passRetained(acknowledgements).toOpaque()
        options.PublishAsync.AckHandler = { _, message, acknowledgement, failure, closure in
            defer { natsMsg_Destroy(message) }
            guard let closure else { return }
            let box = Unmanaged<NATSPublishAcknowledgements>.fromOpaque(closure).takeUnretainedValue()
            if let acknowledgement {
                box.record(duplicate: acknowledgement.pointee.Duplicate)
            } else {
                box.recordFailure(
                    failure?.pointee.ErrText.map { String(cString: $0) }
                        ?? failure.flatMap { natsStatus_GetText($0.pointee.Err) }.map { String(cString: $0) } ?? "refused")
            }
        }
        var made: OpaquePointer?
        try natsConnection_JetStream(&made, connection.handle, &options).check("cannot use JetStream")
        guard let made else { throw NATSError(context: "cannot use JetStream", message: "no context came back") }
        context = made
    }

    deinit {
        jsCtx_Destroy(context)
    }

    /// The acknowledgements counted on this lane so far: take them before a run of publishes
    /// and compare with ``NATSPublishCounts/since(_:)`` after.
    var counts: NATSPublishCounts { acknowledgements.counts }

    /// Why the last refused publish of this lane was refused.
    var lastFailure: String? { acknowledgements.lastFailure.withLock { $0 } }

    /// Publishes to JetStream without waiting for the acknowledgement (which the lane counts):
    /// `payload` as the body, `messageID` as `Nats-Msg-Id`, and `headers`.
    func publish(subject: String, payload: UnsafeBufferPointer<UInt8>, messageID: String, headers: [(String, String)] = []) throws(NATSError) {
        var message: OpaquePointer?
        let data = UnsafeRawPointer(payload.baseAddress)?.assumingMemoryBound(to: CChar.self)
        try natsMsg_Create(&message, subject, nil, data, Int32(payload.count)).check("cannot publish to \(subject)")
        // Destroys a message the library did not take; a no-op once it took it (nil).
        defer { natsMsg_Destroy(message) }
        try natsMsgHeader_Set(message, "Nats-Msg-Id", messageID).check("cannot publish to \(subject)")
        for (name, value) in headers {
            try natsMsgHeader_Set(message, name, value).check("cannot publish to \(subject)")
        }
        try js_PublishMsgAsync(context, &message, nil).check("cannot publish to \(subject)")
    }

    /// Waits until every publish on this lane is acknowledged, or `timeout` milliseconds. On a
    /// timeout the lane's publishes still waiting are given up (the library forgets them, so
    /// their acknowledgements are not counted if they come later) and false is returned; other
    /// lanes are not touched.
    func waitForAcknowledgements(timeout: Int64) -> Bool {
        var options = jsPubOptions()
        jsPubOptions_Init(&options)
        options.MaxWait = timeout
        if js_PublishAsyncComplete(context, &options) == NATS_OK { return true }
        var pending = natsMsgList()
        if js_PublishAsyncGetPendingList(&pending, context) == NATS_OK { natsMsgList_Destroy(&pending) }
        // An acknowledgement taken off the wire just before is still being handled, and would
        // be counted after this returns, as if it were the next run's: the library counts it as
        // pending until its handler returns, so waiting once more lets it finish.
        options.MaxWait = 1000
        _ = js_PublishAsyncComplete(context, &options)
        return false
    }
}
