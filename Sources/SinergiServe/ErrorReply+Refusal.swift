import Hummingbird
import SinergiClassroom

extension ErrorReply {
    /// The reply to a request the classroom refused: 400, 404 or 409 by the case, with the
    /// core's message, code and parameters and, as `expected`, what to ask of `endpoint`
    /// instead (``Endpoints``).
    init(_ refusal: ClassroomError, endpoint: String?) {
        let status: HTTPResponse.Status
        switch refusal {
        case .badRequest: status = .badRequest
        case .notFound: status = .notFound
        case .conflict: status = .conflict
        }
        self.init(
            status, refusal.message, expected: Endpoints.remedy(for: endpoint, status: status),
            parameters: refusal.reason.parameters)
        if let code = refusal.code { self.code = code.rawValue }
    }
}
