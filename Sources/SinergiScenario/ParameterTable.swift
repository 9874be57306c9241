import SinergiModel

/// One overridable constant of ``ModelParameters``, named as scenario files name it:
/// `parameters: {group: {key: value}}` with the Swift property names.
struct ParameterEntry: Sendable {
    enum Kind: Sendable {
        case real(NumberRange, WritableKeyPath<ModelParameters, Double> & Sendable)
        case integer(IntegerRange, WritableKeyPath<ModelParameters, Int> & Sendable)
    }

    let group: String
    let key: String
    let kind: Kind

    /// "trust.build", as messages name it.
    var path: String { "\(group).\(key)" }
}

/// Every constant a scenario may override, in the order of ``ModelParameters`` (and of the
/// resolved scenario and the documentation). Probabilities and rates lie in [0, 1];
/// logit coefficients are any finite number.
enum ParameterTable {
    private static func real(
        _ group: String, _ key: String, _ range: NumberRange,
        _ path: WritableKeyPath<ModelParameters, Double> & Sendable
    ) -> ParameterEntry {
        ParameterEntry(group: group, key: key, kind: .real(range, path))
    }

    private static func integer(
        _ group: String, _ key: String, _ range: IntegerRange, _ path: WritableKeyPath<ModelParameters, Int> & Sendable
    ) -> ParameterEntry {
        ParameterEntry(group: group, key: key, kind: .integer(range, path))
    }

    static let entries: [ParameterEntry] = [
        integer("politics", "firstElection", .atLeast(0), \.politics.firstElection),
        integer("politics", "termMonths", .atLeast(1), \.politics.termMonths),
        real("politics", "changeProbability", .unit, \.politics.changeProbability),
        real("politics", "headTurnover", .unit, \.politics.headTurnover),
        real("politics", "rotationTrustRetention", .unit, \.politics.rotationTrustRetention),
        real("politics", "mandateAfterElection", .unit, \.politics.mandateAfterElection),
        integer("politics", "mandateReductionMonths", .atLeast(0), \.politics.mandateReductionMonths),

        real("budget", "politicalWillWeight", .finite, \.budget.politicalWillWeight),
        real("budget", "maturityWeight", .finite, \.budget.maturityWeight),

        real("hr", "staffRotation", .unit, \.hr.staffRotation),
        real("hr", "rotationLoss", .unit, \.hr.rotationLoss),
        real("hr", "learningRate", .unit, \.hr.learningRate),

        real("forum", "baseMeeting", .unit, \.forum.baseMeeting),
        real("forum", "baseAttendance", .unit, \.forum.baseAttendance),
        real("forum", "baseDialogue", .unit, \.forum.baseDialogue),

        real("trust", "build", .unit, \.trust.build),
        real("trust", "smallWin", .unit, \.trust.smallWin),
        real("trust", "erode", .unit, \.trust.erode),

        real("understanding", "build", .unit, \.understanding.build),
        real("understanding", "decay", .unit, \.understanding.decay),

        real("commitment", "intercept", .finite, \.commitment.intercept),
        real("commitment", "trust", .finite, \.commitment.trust),
        real("commitment", "understanding", .finite, \.commitment.understanding),
        real("commitment", "leadership", .finite, \.commitment.leadership),
        real("commitment", "headCommitment", .finite, \.commitment.headCommitment),
        real("commitment", "politicalWill", .finite, \.commitment.politicalWill),
        real("commitment", "mandate", .finite, \.commitment.mandate),
        real("commitment", "ego", .finite, \.commitment.ego),
        real("commitment", "legacyLockIn", .finite, \.commitment.legacyLockIn),

        real("motivation", "prosocialShare", .unit, \.motivation.prosocialShare),
        real("motivation", "conditionalShare", .unit, \.motivation.conditionalShare),
        real("motivation", "selfishShare", .unit, \.motivation.selfishShare),
        real("motivation", "switchDown", .unit, \.motivation.switchDown),
        real("motivation", "switchUp", .unit, \.motivation.switchUp),
        real("motivation", "prosocialShortfall", .unit, \.motivation.prosocialShortfall),
        integer("motivation", "prosocialPatience", .atLeast(1), \.motivation.prosocialPatience),

        real("effort", "conditionalFloor", .unit, \.effort.conditionalFloor),
        real("effort", "reciprocity", .atLeast(0), \.effort.reciprocity),
        real("effort", "reference", .above(0), \.effort.reference),
        real("effort", "selfishBase", .unit, \.effort.selfishBase),
        real("effort", "mandateCompliance", .unit, \.effort.mandateCompliance),
        real("effort", "initial", .unit, \.effort.initial),

        real("maturity", "growth", .unit, \.maturity.growth),
        real("maturity", "decay", .unit, \.maturity.decay),

        real("initiatives", "stallProgress", .unit, \.initiatives.stallProgress),
        integer("initiatives", "stallMonths", .atLeast(1), \.initiatives.stallMonths),
        real("initiatives", "integrated", .openClosed(0, 1), \.initiatives.integrated),
        real("initiatives", "capacityFloor", .unit, \.initiatives.capacityFloor),

        real("citizens", "innovation", .atLeast(0), \.citizens.innovation),
        real("citizens", "imitation", .atLeast(0), \.citizens.imitation),
    ]

    /// The groups in order of first appearance.
    static let groups: [String] = entries.reduce(into: []) { groups, entry in
        if !groups.contains(entry.group) { groups.append(entry.group) }
    }

    /// The entries by path, "trust.build".
    static let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0) })

    static func entries(in group: String) -> [ParameterEntry] {
        entries.filter { $0.group == group }
    }

    /// How far the three motivation shares may miss 1.
    static let shareTolerance = 1e-9
}
