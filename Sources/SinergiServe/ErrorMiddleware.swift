import Hummingbird
import SinergiClassroom

/// Reads the whole body up to the limit before any route sees it, and turns every error a
/// route throws into the JSON error reply of the API, so no request ends in an empty 500
/// or a dropped connection.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ input: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var request = input
        do {
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > ServerLimits.maxBodyBytes {
                throw ErrorReply.bodyTooLarge
            }
            _ = try await request.collectBody(upTo: ServerLimits.maxBodyBytes)
            return try await next(request, context)
        } catch {
            let reply = Self.reply(for: error, request: request, endpoint: context.endpointPath)
            if reply.status == .internalServerError {
                context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            }
            return reply.response
        }
    }

    static func reply(for error: any Error, request: Request, endpoint: String?) -> ErrorReply {
        switch error {
        case let reply as ErrorReply:
            return reply
        case let refusal as ClassroomError:
            return ErrorReply(refusal, endpoint: endpoint)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return .bodyTooLarge
        case let error as any HTTPResponseError where error.status == .notFound:
            return Endpoints.notFound(request)
        case let error as any HTTPResponseError where error.status.code < 500:
            return ErrorReply(error.status, "\(error)", expected: Endpoints.catalogue)
        default:
            return .internalFailure
        }
    }
}

extension ErrorReply {
    var response: Response { JSONBody.response(self, status: status) }
}
