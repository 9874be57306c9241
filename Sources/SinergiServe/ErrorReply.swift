import Foundation
import Hummingbird

/// The one shape every error of the API takes: a status and two sentences, what went wrong
/// and what a good request looks like (docs/classroom-api.md, Conventions).
struct ErrorReply: Error, Sendable, Encodable, HTTPResponseError {
    let status: HTTPResponse.Status
    let error: String
    let expected: String

    init(_ status: HTTPResponse.Status, _ error: String, expected: String) {
        self.status = status
        self.error = error
        self.expected = expected
    }

    private enum CodingKeys: String, CodingKey { case error, expected }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(self, status: status)
    }
}

extension ErrorReply {
    static let bodyTooLarge = ErrorReply(
        .contentTooLarge, "the request body is larger than \(ServerLimits.maxBodyBytes / 1024) KiB",
        expected: "a JSON object of at most \(ServerLimits.maxBodyBytes / 1024) KiB")

    static let internalFailure = ErrorReply(
        .internalServerError, "the server failed to answer this request; the session is unchanged",
        expected: "the same request again, or report the problem")
}

/// JSON responses with the encoder settings the whole API shares.
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data: Data
        do {
            data = try encoder().encode(value)
        } catch {
            data = Data(#"{"error":"the reply could not be encoded","expected":"the same request again"}"#.utf8)
            return Response(
                status: .internalServerError, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }
}
