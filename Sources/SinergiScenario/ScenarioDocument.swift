import SinergiModel
import SinergiStats

/// Everything a scenario file says, checked and resolved: what ``Scenario`` and the resolved
/// YAML are built from.
struct ScenarioDocument {
    var name: String
    var description: String?
    var startYear = 2018
    var startMonth = 1
    var months = 60
    var seed: UInt64 = 1
    var replicates = 100
    var algorithm = RandomAlgorithm.standard
    var citizens = CitizenMode.aggregate
    var parameters = ModelParameters()
    var governments: [ResolvedGovernment] = []
    var interventions: [ResolvedIntervention] = []
    var policies: [(name: String, interventions: [ResolvedIntervention])] = []

    /// The baseline model input.
    var input: ModelInput {
        ModelInput(
            months: months, startMonth: startMonth, startYear: startYear, parameters: parameters,
            governments: governments.map(\.spec), interventions: interventions.map(\.intervention),
            citizens: citizens, algorithm: algorithm)
    }

    var policyPackages: [PolicyPackage] {
        policies.map { PolicyPackage(name: $0.name, interventions: $0.interventions.map(\.intervention)) }
    }
}
