import BylawSource
import HTTPTypes
import HummingbirdCore
import NIOCore

/// Responses with a JSON body.
enum JSONResponse {
    static let contentType = "application/json"
    static let ndjsonContentType = "application/x-ndjson"

    /// A response whose body is `value`, compact, with a final newline (for curl users).
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        make(bytes: Array((value.compact + "\n").utf8), status: status)
    }

    /// A response whose body is `bytes`, already JSON.
    static func make(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension Request {
    /// The whole body, refused with 413 past `limit` bytes: at once when the declared length is
    /// larger, else as soon as more arrives (the rest is not read).
    func collectBody(limit: Int) async throws -> ByteBuffer {
        if let declared = headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError.tooLarge(limit: limit)
        }
        var collected = ByteBuffer()
        var first = true
        for try await chunk in body {
            if collected.readableBytes + chunk.readableBytes > limit { throw APIError.tooLarge(limit: limit) }
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
