import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with `100 Continue`, so a client that asks before sending a
/// large body (curl does past 1 MiB) sends it at once instead of after its own wait (a second,
/// for curl). A body declared larger than its route's limit gets no `100`: the route refuses it
/// with 413 without reading it.
final class ExpectContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    /// The largest body a request to a path may have.
    private let bodyLimit: @Sendable (String) -> Int

    init(bodyLimit: @escaping @Sendable (String) -> Int) {
        self.bodyLimit = bodyLimit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let request) = unwrapInboundIn(data), request.headerFields[.expect]?.lowercased() == "100-continue" {
            let limit = bodyLimit(request.path ?? "/")
            let declared = request.headerFields[.contentLength].flatMap { Int($0) } ?? 0
            if declared <= limit {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
            }
        }
        context.fireChannelRead(data)
    }
}
