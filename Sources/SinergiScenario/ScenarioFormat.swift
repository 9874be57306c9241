/// The shape of version 1 of the scenario format.
enum ScenarioFormat {
    private static func values(_ keys: [String]) -> FormatShape {
        .keys(keys.map { ($0, FormatShape.value) })
    }

    static let agency = values(AgencyFields.entry.map(\.key))
    static let initiative = values(InitiativeFields.entry.map(\.key) + InitiativeFields.lists)
    static let government = FormatShape.keys(
        GovernmentFields.entry.map { ($0.key, FormatShape.value) } + [
            ("agencies", .list(agency, inherited: "agencies")),
            ("initiatives", .list(initiative, inherited: "initiatives")),
        ])
    static let template = FormatShape.keys([
        ("agencies", .list(agency, inherited: nil)), ("initiatives", .list(initiative, inherited: nil)),
    ])
    static let intervention = FormatShape.keys(
        InterventionFields.keys.map { key in
            (key, key == "target" ? values(InterventionFields.targetKeys) : FormatShape.value)
        })
    static let parameters = FormatShape.keys(
        ParameterTable.groups.map { group in (group, values(ParameterTable.entries(in: group).map(\.key))) })
    static let defaults = FormatShape.keys([
        ("government", values(GovernmentFields.defaultable.map(\.key))),
        ("agency", values(AgencyFields.defaultable.map(\.key))),
        ("initiative", values(InitiativeFields.defaultable.map(\.key))),
    ])
    static let citizens = FormatShape.keys(
        ScenarioReader.citizensKeys.map { key in
            (key, key == "graph" ? values(ScenarioReader.graphAllKeys) : FormatShape.value)
        })

    /// The whole file.
    static let document = FormatShape.keys(
        ScenarioReader.topLevelKeys.map { key -> (key: String, shape: FormatShape) in
            switch key {
            case "start": return (key, values(ScenarioReader.startKeys))
            case "citizens": return (key, citizens)
            case "defaults": return (key, defaults)
            case "parameters": return (key, parameters)
            case "templates": return (key, .names(template))
            case "governments": return (key, .list(government, inherited: nil))
            case "interventions": return (key, .list(intervention, inherited: nil))
            case "policies": return (key, .names(.list(intervention, inherited: nil)))
            default: return (key, .value)
            }
        })
}
