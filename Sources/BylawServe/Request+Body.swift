import HummingbirdCore
import NIOCore

extension Request {
    /// The whole body, refused with `refusal` past `limit` bytes: at once when the declared
    /// length is larger, else as soon as more arrives (the rest is not read).
    package func collectBody(limit: Int, refusal: @autoclosure () -> any Error) async throws -> ByteBuffer {
        if let declared = headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw refusal()
        }
        var collected = ByteBuffer()
        var first = true
        for try await chunk in body {
            if collected.readableBytes + chunk.readableBytes > limit { throw refusal() }
            if first {
                // Most bodies arrive in one piece: keep it rather than copy it.
                collected = chunk
                first = false
            } else {
                collected.writeImmutableBuffer(chunk)
            }
        }
        return collected
    }
}
