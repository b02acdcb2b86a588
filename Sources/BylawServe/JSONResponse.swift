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
    /// The whole body, refused with the API's 413 past `limit` bytes.
    func collectBody(limit: Int) async throws -> ByteBuffer {
        try await collectBody(limit: limit, refusal: APIError.tooLarge(limit: limit))
    }
}
