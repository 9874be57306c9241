/// The reply to a stance: `{"accepted": true}`.
struct StanceReply: Codable, Sendable, Equatable {
    var accepted: Bool
}
