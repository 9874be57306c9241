import SinergiModel

/// Writes a ``ScenarioDocument`` back as a scenario file with nothing left implicit:
/// templates expanded, defaults written out, targets naming their governments. Reading the
/// result gives the same model input and policies.
enum ResolvedScenarioWriter {
    static let resolvedHeader = [
        "Resolved by Sinergi: templates expanded and every default written out.",
        "Loading this file gives the same model input as the scenario it came from.",
    ]

    /// The document as YAML, opened by `header` as comment lines.
    static func yaml(_ document: ScenarioDocument, header: [String] = resolvedHeader) -> String {
        var lines: [String] = header.map { $0.isEmpty ? "#" : "# " + $0 }
        lines += [
            "sinergi: \(ScenarioReader.formatVersion)",
            "name: \(yamlString(document.name))",
        ]
        if let description = document.description {
            lines.append("description: \(yamlString(description))")
        }
        lines += [
            "start: {year: \(document.startYear), month: \(document.startMonth)}",
            "months: \(document.months)",
            "seed: \(document.seed)",
            "replicates: \(document.replicates)",
            "rng: \(document.algorithm.rawValue)",
            document.citizens.resolvedYAML,
            "parameters:",
        ]
        for group in ParameterTable.groups {
            let values = ParameterTable.entries(in: group).map { entry -> String in
                switch entry.kind {
                case .real(_, let path): return "\(entry.key): \(yamlNumber(document.parameters[keyPath: path]))"
                case .integer(_, let path): return "\(entry.key): \(document.parameters[keyPath: path])"
                }
            }
            lines.append("  \(group): {\(values.joined(separator: ", "))}")
        }

        lines.append("governments:")
        for government in document.governments {
            lines += governmentLines(government)
        }

        if document.interventions.isEmpty {
            lines.append("interventions: []")
        } else {
            lines.append("interventions:")
            for entry in document.interventions { lines += interventionLines(entry, indent: "  ") }
        }

        if document.policies.isEmpty {
            lines.append("policies: {}")
        } else {
            lines.append("policies:")
            for policy in document.policies {
                lines.append("  \(yamlString(policy.name)):")
                for entry in policy.interventions { lines += interventionLines(entry, indent: "    ") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func governmentLines(_ government: ResolvedGovernment) -> [String] {
        let spec = government.spec
        var lines = ["  - name: \(yamlString(spec.name))"]
        if let kind = government.kind { lines.append("    kind: \(kind)") }
        lines.append("    prehistory: \(spec.prehistory.rawValue)")
        if let index = spec.initialSpbe { lines.append("    initialSpbe: \(yamlNumber(index))") }
        for (key, path) in GovernmentFields.values {
            lines.append("    \(key): \(spec[keyPath: path].yaml)")
        }
        lines.append("    agencies:")
        for agency in spec.agencies {
            lines.append("      - name: \(yamlString(agency.name))")
            lines.append("        sector: \(yamlString(agency.sector))")
            for (key, path, _) in AgencyFields.values {
                lines.append("        \(key): \(agency[keyPath: path].yaml)")
            }
            if let trust = agency.trust { lines.append("        trust: \(trust.yaml)") }
            if let motivation = agency.motivation { lines.append("        motivation: \(motivation.name)") }
        }
        if spec.initiatives.isEmpty {
            lines.append("    initiatives: []")
        } else {
            lines.append("    initiatives:")
            for initiative in spec.initiatives {
                let partners = initiative.partners.map { yamlString(spec.agencies[$0].name) }
                lines += [
                    "      - name: \(yamlString(initiative.name))",
                    "        partners: [\(partners.joined(separator: ", "))]",
                    "        citizenFacing: \(initiative.citizenFacing)",
                    "        displacesLegacy: \(initiative.displacesLegacy)",
                    "        rate: \(yamlNumber(initiative.rate))",
                    "        integration: \(InitiativeFields.yaml(integration: initiative.integration))",
                    "        launchThreshold: \(yamlNumber(initiative.launchThreshold))",
                ]
            }
        }
        return lines
    }

    private static func interventionLines(_ entry: ResolvedIntervention, indent: String) -> [String] {
        let intervention = entry.intervention
        func names(_ values: [String]) -> String { "[" + values.map(yamlString).joined(separator: ", ") + "]" }
        var target = ["governments: \(names(entry.filter.governments))"]
        if let agencies = entry.filter.agencies { target.append("agencies: \(names(agencies))") }
        if let sectors = entry.filter.sectors { target.append("sectors: \(names(sectors))") }
        var lines = [
            "\(indent)- lever: \(intervention.lever.rawValue)",
            "\(indent)  target: {\(target.joined(separator: ", "))}",
            "\(indent)  start: \(intervention.start)",
        ]
        if let duration = intervention.duration { lines.append("\(indent)  duration: \(duration)") }
        lines += [
            "\(indent)  intensity: \(yamlNumber(intervention.intensity))",
            "\(indent)  costPerMonth: \(yamlNumber(intervention.costPerMonth))",
            "\(indent)  oneOffCost: \(yamlNumber(intervention.oneOffCost))",
        ]
        return lines
    }
}

/// A string as a double-quoted YAML scalar, which reads back as exactly that string whatever
/// it contains.
func yamlString(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
            {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}
