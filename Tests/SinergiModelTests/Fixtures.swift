import SinergiStats

@testable import SinergiModel

/// A classroom-sized government for tests: seven agencies, e-planning, e-budgeting that
/// displaces the finance agency's legacy system, and a citizen-facing complaints service.
func classroomInput(months: Int = 60, interventions: [Intervention] = []) -> ModelInput {
    let sectors = ["communication", "planning", "finance", "hr", "organisation", "inspectorate", "procurement"]
    var agencies = sectors.map { AgencySpec(name: $0.prefix(1).uppercased() + $0.dropFirst(), sector: $0) }
    agencies[2].legacyLockIn = .constant(0.7)
    var eBudgeting = InitiativeSpec(name: "e-budgeting", partners: [2, 1, 0])
    eBudgeting.displacesLegacy = true
    var complaints = InitiativeSpec(name: "complaints", partners: [0, 4, 5])
    complaints.citizenFacing = true
    let government = GovernmentSpec(
        name: "Kota Contoh", agencies: agencies,
        initiatives: [InitiativeSpec(name: "e-planning", partners: [1, 2, 0]), eBudgeting, complaints])
    return ModelInput(months: months, governments: [government], interventions: interventions)
}
