import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Holds every request of a connection to a deadline, from its head's arrival to its
/// response's last byte: past it, a request still waiting for its response gets `408` and the
/// connection closes (a response already under way is cut short by the close). A client
/// trickling a body, or never finishing one, ties up a connection for that long at most.
///
/// It also closes the connection after a response that says `Connection: close` (a 413: the
/// rest of an oversized body is not worth reading).
///
/// One timer per connection, not a task per request: a request only records its deadline, and
/// the timer, when it fires, either expires the oldest request still open or sleeps until that
/// request's deadline. A busy keep-alive connection thus schedules a timer once per timeout,
/// not once per request. Pipelined requests wait in order behind each other.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    /// The 408's content type and body.
    private let body: (contentType: String, text: String)
    /// The deadlines of the requests whose responses have not ended, oldest first.
    private var deadlines = CircularBuffer<NIODeadline>()
    private var timer: Scheduled<Void>?
    private var responseStarted = false
    private var closeAfterResponse = false

    init(timeout: Duration, body: (contentType: String, text: String)) {
        self.body = body
        let parts = timeout.components
        self.timeout = .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            deadlines.append(.now() + timeout)
            if timer == nil { schedule(context) }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let response):
            responseStarted = true
            if response.headerFields[.connection] == "close" { closeAfterResponse = true }
        case .body:
            break
        case .end:
            if !deadlines.isEmpty { deadlines.removeFirst() }
            responseStarted = false
            if closeAfterResponse {
                context.writeAndFlush(data, promise: promise)
                context.close(promise: nil)
                return
            }
        }
        context.write(data, promise: promise)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    private func schedule(_ context: ChannelHandlerContext) {
        guard let deadline = deadlines.first else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            expire(context)
        }
    }

    private func expire(_ context: ChannelHandlerContext) {
        timer = nil
        guard context.channel.isActive, let oldest = deadlines.first else { return }
        if oldest > .now() {
            // The request the timer was set for has ended; the oldest open one has time left.
            schedule(context)
            return
        }
        if !responseStarted {
            var buffer = context.channel.allocator.buffer(capacity: body.text.utf8.count)
            buffer.writeString(body.text)
            let head = HTTPResponse(
                status: .requestTimeout,
                headerFields: [.contentType: body.contentType, .contentLength: String(buffer.readableBytes), .connection: "close"])
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(buffer)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
        context.close(promise: nil)
    }
}
