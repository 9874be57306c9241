import SinergiClassroom

/// An entry of `GET /api/sessions`: a session students can join.
struct SessionSummary: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var month: Int
    var months: Int
    var players: Int
    var participation: Bool

    init(_ session: ClassroomSession) {
        id = session.id
        name = session.scenario.scenario.name
        month = session.month
        months = session.months
        players = session.players.count
        participation = session.settings.participation
    }
}
