import SinergiModel

extension Scenario {
    /// A scenario file for `input`: the resolved form (every default written out) of a
    /// scenario whose baseline is exactly `input`, with this scenario's policy packages
    /// (or `policies` when given), so that `sinergi compare` on the file sets the same
    /// packages against the new baseline.
    ///
    /// Loading the text with ``ScenarioLoader`` gives back `input` (its governments,
    /// parameters, citizens and interventions, in order), so `sinergi run` on the file
    /// reproduces any run of `input` with the same seeds. Interventions target their
    /// governments by name and, when they do not act on every agency of a government, their
    /// agencies by name; an entry that selects different agencies in different governments is
    /// written once per government, its costs split as the model splits them.
    ///
    /// - Parameters:
    ///   - input: the model input to write; its governments' agency names must be unique
    ///     within each government (as a loaded scenario's are).
    ///   - name: the scenario's `name`; this scenario's name when nil.
    ///   - description: the `description`, if any.
    ///   - seed: the master seed written as `seed`.
    ///   - replicates: the number written as `replicates`.
    ///   - header: comment lines at the top of the file (without the `#`).
    ///   - policies: the packages to write; this scenario's ``policies`` when nil. Their
    ///     interventions must target governments and agencies of `input`.
    public func exported(
        input: ModelInput, name: String? = nil, description: String? = nil, seed: UInt64, replicates: Int,
        header: [String] = [], policies: [PolicyPackage]? = nil
    ) -> String {
        var document = ScenarioDocument(name: name ?? self.name)
        document.description = description
        document.startYear = input.startYear
        document.startMonth = input.startMonth
        document.months = input.months
        document.seed = seed
        document.replicates = replicates
        document.algorithm = input.algorithm
        document.citizens = input.citizens
        document.parameters = input.parameters
        document.governments = input.governments.map { ResolvedGovernment(spec: $0, kind: nil, named: true) }
        document.interventions = input.interventions.flatMap { Self.resolved($0, governments: input.governments) }
        document.policies = (policies ?? self.policies).map { package in
            (package.name, package.interventions.flatMap { Self.resolved($0, governments: input.governments) })
        }
        return ResolvedScenarioWriter.yaml(document, header: header)
    }

    /// `intervention` as entries whose target filters select exactly its targets.
    private static func resolved(_ intervention: Intervention, governments: [GovernmentSpec]) -> [ResolvedIntervention]
    {
        let allAgencies =
            intervention.lever.actsOnGovernment
            || intervention.targets.allSatisfy {
                $0.agencies == Array(governments[$0.government].agencies.indices)
            }
        if allAgencies {
            let filter = TargetFilter(
                governments: intervention.targets.map { governments[$0.government].name }, agencies: nil, sectors: nil)
            return [ResolvedIntervention(intervention: intervention, filter: filter)]
        }
        let share = 1 / Double(intervention.targets.count)
        return intervention.targets.map { target in
            var single = intervention
            single.targets = [target]
            if intervention.targets.count > 1 {
                single.costPerMonth *= share
                single.oneOffCost *= share
            }
            let spec = governments[target.government]
            let filter = TargetFilter(
                governments: [spec.name], agencies: target.agencies.map { spec.agencies[$0].name }, sectors: nil)
            return ResolvedIntervention(intervention: single, filter: filter)
        }
    }
}
