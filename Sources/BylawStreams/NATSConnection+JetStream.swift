#if canImport(Glibc)
import Glibc
#endif
internal import CNATS

/// A stream as JetStream describes it.
public struct StreamDescription: Sendable {
    public let name: String
    public let subjects: [String]
    public let replicas: Int
    /// The duplicate-detection window, in nanoseconds.
    public let duplicateWindow: Int64
    public let messages: UInt64
    public let firstSequence: UInt64
    public let lastSequence: UInt64
    /// The server leading the stream's replicas, in a cluster.
    public let leader: String?
}

/// A durable consumer as JetStream describes it.
public struct ConsumerDescription: Sendable {
    public let name: String
    /// Pulled (no deliver subject): what `bylaw consume` needs.
    public let isPull: Bool
    /// Each message acknowledged on its own: what several members sharing it need.
    public let acksExplicitly: Bool
    /// How long a delivered message waits for its acknowledgement before it is delivered again,
    /// in nanoseconds.
    public let ackWait: Int64
    public let maxAckPending: Int64
    public let filterSubject: String?
    /// Messages not delivered yet: the consumer's lag.
    public let pending: UInt64
    /// Messages delivered and not acknowledged yet.
    public let ackPending: Int64
    public let redelivered: Int64
}

/// What a consumer created by `bylaw consume` looks like.
struct ConsumerSettings: Sendable {
    var durable: String?
    var ackWait: Int64
    var maxAckPending: Int64
    var filterSubject: String?
    /// No acknowledgements (for reading a stream through, not for members).
    var acknowledges = true
    /// An unused consumer without a durable name is removed after this long (nanoseconds).
    var inactiveThreshold: Int64 = 0
}

extension NATSConnection {
    /// The stream named `name`, or nil when there is none.
    func stream(_ name: String) throws(NATSError) -> StreamDescription? {
        var info: UnsafeMutablePointer<jsStreamInfo>?
        var code = jsErrCode(rawValue: 0)
        let status = js_GetStreamInfo(&info, jetStream, name, nil, &code)
        defer { jsStreamInfo_Destroy(info) }
        let error = NATSError(status, code: code, context: "cannot look up stream '\(name)'")
        if status == NATS_NOT_FOUND || error.isNotFound { return nil }
        try status.check("cannot look up stream '\(name)'", code: code)
        guard let info, let config = info.pointee.Config else { return nil }
        var subjects: [String] = []
        for index in 0..<Int(config.pointee.SubjectsLen) {
            if let subject = config.pointee.Subjects?[index] { subjects.append(String(cString: subject)) }
        }
        let state = info.pointee.State
        return StreamDescription(
            name: name, subjects: subjects, replicas: Int(config.pointee.Replicas), duplicateWindow: config.pointee.Duplicates,
            messages: state.Msgs, firstSequence: state.FirstSeq, lastSequence: state.LastSeq,
            leader: info.pointee.Cluster?.pointee.Leader.map { String(cString: $0) })
    }

    /// Creates a stream with file storage capturing `subjects`. Returns false when another stream
    /// already captures them (JetStream refuses overlapping streams).
    func createStream(_ name: String, subjects: [String], replicas: Int, duplicateWindow: Int64) throws(NATSError) -> Bool {
        let copies = subjects.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers = copies.map { UnsafePointer<CChar>($0) }
        var config = jsStreamConfig()
        jsStreamConfig_Init(&config)
        var info: UnsafeMutablePointer<jsStreamInfo>?
        var code = jsErrCode(rawValue: 0)
        let status: natsStatus = name.withCString { cName in
            pointers.withUnsafeMutableBufferPointer { list in
                config.Name = cName
                config.Subjects = list.baseAddress
                config.SubjectsLen = Int32(list.count)
                config.Storage = js_FileStorage
                config.Replicas = Int64(replicas)
                config.Duplicates = duplicateWindow
                return js_AddStream(&info, jetStream, &config, nil, &code)
            }
        }
        jsStreamInfo_Destroy(info)
        if code == JSStreamSubjectOverlapErr { return false }
        try status.check("cannot create stream '\(name)'", code: code)
        return true
    }

    /// The consumer `name` of `stream`, or nil when there is none.
    func consumer(_ name: String, of stream: String) throws(NATSError) -> ConsumerDescription? {
        var info: UnsafeMutablePointer<jsConsumerInfo>?
        var code = jsErrCode(rawValue: 0)
        let status = js_GetConsumerInfo(&info, jetStream, stream, name, nil, &code)
        defer { jsConsumerInfo_Destroy(info) }
        let error = NATSError(status, code: code, context: "cannot look up consumer '\(name)'")
        if status == NATS_NOT_FOUND || error.isNotFound { return nil }
        try status.check("cannot look up consumer '\(name)' of stream '\(stream)'", code: code)
        guard let info else { return nil }
        return Self.describe(info.pointee)
    }

    private static func describe(_ info: jsConsumerInfo) -> ConsumerDescription? {
        guard let config = info.Config?.pointee else { return nil }
        let filter = config.FilterSubject.map { String(cString: $0) }
        return ConsumerDescription(
            name: info.Name.map { String(cString: $0) } ?? "", isPull: config.DeliverSubject.map { $0.pointee == 0 } ?? true,
            acksExplicitly: config.AckPolicy == js_AckExplicit, ackWait: config.AckWait, maxAckPending: config.MaxAckPending,
            filterSubject: filter?.isEmpty == false ? filter : nil, pending: info.NumPending, ackPending: info.NumAckPending,
            redelivered: info.NumRedelivered)
    }

    /// Creates a pull consumer on `stream` delivering every message from the first; returns
    /// its description (its name, for one without a durable name).
    func createConsumer(on stream: String, _ settings: ConsumerSettings) throws(NATSError) -> ConsumerDescription {
        var config = jsConsumerConfig()
        jsConsumerConfig_Init(&config)
        var info: UnsafeMutablePointer<jsConsumerInfo>?
        var code = jsErrCode(rawValue: 0)
        let status: natsStatus = withOptionalCString(settings.durable) { durable in
            withOptionalCString(settings.filterSubject) { filter in
                config.Durable = durable
                config.FilterSubject = filter
                config.DeliverPolicy = js_DeliverAll
                config.AckPolicy = settings.acknowledges ? js_AckExplicit : js_AckNone
                if settings.acknowledges {
                    config.AckWait = settings.ackWait
                    config.MaxAckPending = settings.maxAckPending
                    // Redelivered until acknowledged: a message is never given up on.
                    config.MaxDeliver = -1
                }
                config.InactiveThreshold = settings.inactiveThreshold
                return js_AddConsumer(&info, jetStream, stream, &config, nil, &code)
            }
        }
        defer { jsConsumerInfo_Destroy(info) }
        let what = settings.durable.map { "consumer '\($0)'" } ?? "a consumer"
        try status.check("cannot create \(what) on stream '\(stream)'", code: code)
        guard let info, let description = Self.describe(info.pointee) else {
            throw NATSError(context: "cannot create \(what) on stream '\(stream)'", message: "no consumer information came back")
        }
        return description
    }

    /// Removes a consumer (one made for reading a stream through).
    func deleteConsumer(_ name: String, of stream: String) {
        _ = js_DeleteConsumer(jetStream, stream, name, nil, nil)
    }

    /// A pull subscription bound to the existing consumer `consumer` of `stream`.
    func subscribe(stream: String, consumer: String) throws(NATSError) -> NATSPullSubscription {
        var options = jsSubOptions()
        jsSubOptions_Init(&options)
        var subscription: OpaquePointer?
        var code = jsErrCode(rawValue: 0)
        let status: natsStatus = stream.withCString { cStream in
            consumer.withCString { cConsumer in
                options.Stream = cStream
                options.Consumer = cConsumer
                return js_PullSubscribe(&subscription, jetStream, nil, cConsumer, nil, &options, &code)
            }
        }
        try status.check("cannot subscribe to consumer '\(consumer)' of stream '\(stream)'", code: code)
        guard let subscription else {
            throw NATSError(context: "cannot subscribe to consumer '\(consumer)'", message: "no subscription came back")
        }
        return NATSPullSubscription(subscription, connection: self)
    }
}

/// Calls `body` with a C string of `text`, or nil.
private func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
