import SinergiClassroom

/// An entry of `GET /api/sessions`: a session students can join, without its id (the join
/// code students read from the projector) so the list gives nobody a way in.
struct SessionSummary: Codable, Sendable, Equatable {
    var name: String
    var month: Int
    var months: Int
    var players: Int
    var participation: Bool

    init(_ session: ClassroomSession) {
        name = session.scenario.scenario.name
        month = session.month
        months = session.months
        players = session.players.count
        participation = session.settings.participation
    }
}
