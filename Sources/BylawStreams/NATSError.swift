internal import CNATS

/// A failed call into the NATS client: the library's status, its JetStream error code when the
/// server gave one, and the text the library keeps for the call (its last error on this
/// thread), or the status's own text.
public struct NATSError: Error, Sendable, CustomStringConvertible {
    /// The library's status code (`NATS_TIMEOUT` is 26).
    public let status: UInt32
    /// The JetStream error code (`10059`: stream not found), or 0.
    public let code: Int
    public let message: String

    /// What was being done, for the message (`cannot fetch from consumer 'bylaw'`).
    public let context: String

    init(_ status: natsStatus, code: jsErrCode = jsErrCode(rawValue: 0), context: String) {
        self.status = status.rawValue
        self.code = Int(code.rawValue)
        self.context = context
        var last = NATS_OK
        if let text = nats_GetLastError(&last), last == status, text.pointee != 0 {
            message = String(cString: text)
        } else if let text = natsStatus_GetText(status) {
            message = String(cString: text)
        } else {
            message = "status \(status.rawValue)"
        }
    }

    init(context: String, message: String) {
        self.status = NATS_ERR.rawValue
        self.code = 0
        self.context = context
        self.message = message
    }

    /// A timeout, as the client reports a request that got no answer in time.
    static func timedOut(_ context: String) -> NATSError { NATSError(NATS_TIMEOUT, context: context) }

    /// `context: message`.
    public var description: String { "\(context): \(message)" }

    /// The call waited for an answer that did not come in time.
    public var isTimeout: Bool { status == NATS_TIMEOUT.rawValue }

    /// The stream or consumer asked about does not exist.
    var isNotFound: Bool {
        status == NATS_NOT_FOUND.rawValue || code == Int(JSStreamNotFoundErr.rawValue) || code == Int(JSConsumerNotFoundErr.rawValue)
    }
}

extension natsStatus {
    /// Throws a ``NATSError`` unless the call succeeded.
    func check(_ context: @autoclosure () -> String, code: jsErrCode = jsErrCode(rawValue: 0)) throws(NATSError) {
        guard self == NATS_OK else { throw NATSError(self, code: code, context: context()) }
    }
}
