/// The body of `POST …/players`: join as a player of one agency.
struct JoinRequest: Codable, Sendable, Equatable, RequestExample {
    /// Index of the government in the scenario.
    var government: Int
    /// Index of the agency in its government.
    var agency: Int
    /// The player's name, 1–40 characters.
    var name: String

    static let example = #"{"government": 0, "agency": 2, "name": "Ani"}"#
}
