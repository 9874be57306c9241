import Foundation
import Hummingbird

/// JSON responses with the one encoder the whole API shares: keys sorted, slashes left
/// alone, and a non-finite number (which the engine does not produce) written as null
/// rather than failing the reply.
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data: Data
        do {
            data = try encode(value)
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

    private static let nonFinite = "\u{1}nonfinite"

    /// `value` as the API writes it.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite, negativeInfinity: nonFinite, nan: nonFinite)
        let data = try encoder.encode(value)
        let quoted = "\"\\u0001nonfinite\""
        guard let text = String(data: data, encoding: .utf8), text.contains(quoted) else { return data }
        return Data(text.replacingOccurrences(of: quoted, with: "null").utf8)
    }
}
