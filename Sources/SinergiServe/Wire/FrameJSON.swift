import Foundation
import SinergiClassroom
import SinergiModel

/// FRAME of docs/classroom-api.md: one ``Frame`` of a session as JSON. Values are the
/// engine's, unrounded.
struct FrameJSON: Codable, Sendable, Equatable {
    var month: Int
    /// "YYYY-MM": the scenario's start plus `month` months.
    var date: String
    var governments: [Government]

    struct Government: Codable, Sendable, Equatable {
        var spbe: Double
        var predicate: String
        var meanMaturity: Double
        var meanTrust: Double
        var meanCommitment: Double
        var meanEffort: Double
        var understanding: Double
        var adoption: Double
        var internetAccess: Double
        var initiatives: [Initiative]
        var agencies: [Agency]
    }

    struct Initiative: Codable, Sendable, Equatable {
        var progress: Double
        /// "active", "launched" or "integrated".
        var status: String
    }

    struct Agency: Codable, Sendable, Equatable {
        var maturity: Double
        /// Effective budget B of the month (after ring-fence and partnership).
        var budget: Double
        var trust: Double
        var commitment: Double
        var effort: Double
        var hr: Double
        /// "prosocial", "conditional" or "selfish".
        var motivation: String
        /// Whether a stance of its players acted in the month that led to this frame.
        var played: Bool
    }

    init(_ frame: Frame) {
        month = frame.month
        date = String(format: "%04d-%02d", frame.date.year, frame.date.month)
        governments = frame.governments.enumerated().map { g, government in
            Government(
                spbe: government.spbe, predicate: government.predicate.name, meanMaturity: government.meanMaturity,
                meanTrust: government.meanTrust, meanCommitment: government.meanCommitment,
                meanEffort: government.meanEffort, understanding: government.understanding,
                adoption: government.adoption, internetAccess: government.internetAccess,
                initiatives: government.initiatives.map {
                    Initiative(progress: $0.progress, status: Self.name(of: $0.status))
                },
                agencies: government.agencies.enumerated().map { a, agency in
                    Agency(
                        maturity: agency.maturity, budget: agency.budget, trust: agency.trust,
                        commitment: agency.commitment, effort: agency.effort, hr: agency.hr,
                        motivation: agency.motivation.name, played: frame.played[g][a])
                })
        }
    }

    /// An initiative's status as the API writes it.
    static func name(of status: InitiativeStatus) -> String {
        switch status {
        case .active: return "active"
        case .launched: return "launched"
        case .integrated: return "integrated"
        }
    }
}
