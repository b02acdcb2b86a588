internal import CNATS

/// A pull subscription to a JetStream consumer: the owner of the library's subscription
/// handle (raw memory: created by ``NATSConnection/subscribe(stream:consumer:)``, destroyed in
/// `deinit`, which leaves the durable consumer in place). One thread fetches at a time.
final class NATSPullSubscription {
    private let subscription: OpaquePointer
    /// Kept so the connection outlives the subscription.
    private let connection: NATSConnection

    init(_ subscription: OpaquePointer, connection: NATSConnection) {
        self.subscription = subscription
        self.connection = connection
    }

    deinit {
        natsSubscription_Destroy(subscription)
    }

    /// Up to `batch` messages, waiting up to `timeout` milliseconds for the first; fewer when
    /// fewer are ready. An empty batch when none came in time. More than `batch` only when
    /// messages of an earlier fetch that timed out arrived after it (see below).
    func fetch(batch: Int, timeout: Int64) throws(NATSError) -> NATSMessageBatch {
        // A fetch that times out while its messages are on their way leaves them queued on the
        // subscription for the next fetch, which takes them first. libnats 3.4 then asks the
        // server for the rest of the batch, but keeps reading until the number it asked for
        // that second time: when the leftovers were more than half the batch it reads past the
        // end of its array (fixed in libnats 3.10, nats.c pull request 749). Asking for at least twice the
        // leftovers keeps the second number above what was taken first.
        var waiting: Int32 = 0
        _ = natsSubscription_GetPending(subscription, &waiting, nil)
        let size = waiting > 0 ? max(batch, 2 * Int(waiting)) : batch
        var list = natsMsgList()
        var code = jsErrCode(rawValue: 0)
        let status = natsSubscription_Fetch(&list, subscription, Int32(clamping: size), timeout, &code)
        if status == NATS_TIMEOUT {
            natsMsgList_Destroy(&list)
            return NATSMessageBatch(natsMsgList())
        }
        guard status == NATS_OK else {
            natsMsgList_Destroy(&list)
            throw NATSError(status, code: code, context: "cannot fetch messages")
        }
        return NATSMessageBatch(list)
    }

    /// The messages the server has delivered to this subscription that no fetch has returned
    /// yet (a fetch that timed out while its messages were on their way leaves them queued
    /// here), without waiting for more; nil when there are none.
    func takeDelivered() -> NATSMessageBatch? {
        var messages: Int32 = 0
        var bytes: Int32 = 0
        guard natsSubscription_GetPending(subscription, &messages, &bytes) == NATS_OK, messages > 0 else { return nil }
        guard let batch = try? fetch(batch: Int(messages), timeout: 1), !batch.isEmpty else { return nil }
        return batch
    }
}

/// The messages of one fetch: the owner of the library's message list (raw memory: each
/// message and the list are freed in `deinit`). A ``NATSMessage`` is a view into the batch,
/// valid while the batch lives.
final class NATSMessageBatch {
    private var list: natsMsgList

    init(_ list: natsMsgList) {
        self.list = list
    }

    deinit {
        natsMsgList_Destroy(&list)
    }

    var count: Int { Int(list.Count) }
    var isEmpty: Bool { list.Count == 0 }

    subscript(index: Int) -> NATSMessage {
        // The library never leaves a hole in a list it filled.
        NATSMessage(handle: list.Msgs![index]!)
    }
}

/// One message of a ``NATSMessageBatch``, read in place.
struct NATSMessage {
    fileprivate let handle: OpaquePointer

    /// Calls `body` with the message's payload, without copying it.
    func withPayload<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        let count = Int(natsMsg_GetDataLength(handle))
        guard count > 0, let data = natsMsg_GetData(handle) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let result: Result<R, E> = data.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            do throws(E) { return .success(try body(UnsafeBufferPointer(start: bytes, count: count))) } catch { return .failure(error) }
        }
        return try result.get()
    }

    var subject: String { natsMsg_GetSubject(handle).map { String(cString: $0) } ?? "" }

    /// The value of a header, when the message has it.
    func header(_ name: String) -> String? {
        var value: UnsafePointer<CChar>?
        guard natsMsgHeader_Get(handle, name, &value) == NATS_OK, let value else { return nil }
        return String(cString: value)
    }

    /// Where the message sits in its stream and its consumer, for a JetStream message.
    var metadata: NATSMessageMetadata? {
        var meta: UnsafeMutablePointer<jsMsgMetaData>?
        guard natsMsg_GetMetaData(&meta, handle) == NATS_OK, let meta else { return nil }
        defer { jsMsgMetaData_Destroy(meta) }
        return NATSMessageMetadata(
            streamSequence: meta.pointee.Sequence.Stream, consumerSequence: meta.pointee.Sequence.Consumer,
            deliveries: meta.pointee.NumDelivered, pending: meta.pointee.NumPending)
    }

    /// Tells JetStream the message is done with (not waiting for its confirmation).
    func acknowledge() throws(NATSError) {
        try natsMsg_Ack(handle, nil).check("cannot acknowledge a message")
    }

    /// Asks JetStream to deliver the message again at once.
    func reject() {
        _ = natsMsg_Nak(handle, nil)
    }
}

/// A JetStream message's place in its stream and consumer.
struct NATSMessageMetadata: Sendable {
    let streamSequence: UInt64
    let consumerSequence: UInt64
    /// 1 the first time, more when redelivered.
    let deliveries: UInt64
    /// Messages of the consumer still to deliver after this one.
    let pending: UInt64
}
