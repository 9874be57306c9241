/// The reply to joining: `201 {"token", "government", "agency"}`.
struct JoinReply: Codable, Sendable, Equatable {
    var token: String
    var government: Int
    var agency: Int
}
