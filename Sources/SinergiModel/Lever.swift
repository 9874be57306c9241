/// The fourteen interventions of MODEL.md §4, with the names scenario files use.
public enum Lever: String, Sendable, CaseIterable, Codable {
    case politicalWill = "political_will"
    case champion
    case coordinationTeam = "coordination_team"
    case neutralMediator = "neutral_mediator"
    case externalMandate = "external_mandate"
    case budgetRingfence = "budget_ringfence"
    case training
    case staffRetention = "staff_retention"
    case legacyMigration = "legacy_migration"
    case regulationIntegration = "regulation_integration"
    case cultureChange = "culture_change"
    case citizenOutreach = "citizen_outreach"
    case infrastructure
    case partnership

    /// Levers that act on a government as a whole; their agency filters only decide
    /// whether a government is targeted at all (MODEL.md §4).
    public var actsOnGovernment: Bool {
        switch self {
        case .politicalWill, .champion, .coordinationTeam, .neutralMediator, .externalMandate,
            .citizenOutreach, .infrastructure:
            return true
        case .budgetRingfence, .training, .staffRetention, .legacyMigration, .regulationIntegration,
            .cultureChange, .partnership:
            return false
        }
    }
}
