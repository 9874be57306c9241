import SinergiModel
import Yams

/// An agency or initiative as written in a template or a government, before defaults apply.
struct EntryDraft {
    var name: String
    var fields: FieldSet
    /// `partners` of an initiative, when given and well formed.
    var partners: [Located<String>]?
    /// Where `partners` was written, even when it was malformed.
    var partnersLocation: SourceLocation?
    /// The entry's mapping, where a missing key is reported.
    var location: SourceLocation
    /// Every key written, valid or not, so that a rejected value is not reported again as
    /// missing.
    var writtenKeys: Set<String>
}

/// A named, reusable list of agencies and initiatives.
struct TemplateDraft {
    var agencies: [EntryDraft] = []
    var initiatives: [EntryDraft] = []
}

/// The `defaults` block: one field set per kind of entry.
struct DefaultFields {
    /// The keys of `defaults`.
    static let keys = ["government", "agency", "initiative"]
    var government: FieldSet = [:]
    var agency: FieldSet = [:]
    var initiative: FieldSet = [:]
}

/// A government resolved into the model's spec, with what the resolved YAML also writes.
struct ResolvedGovernment {
    var spec: GovernmentSpec
    /// The informational `kind`, when given.
    var kind: String?
    /// False when the entry had no usable name; it is kept only so that the rest of its
    /// content is still checked.
    var named: Bool
}

extension ScenarioReader {
    // MARK: defaults and templates

    func readDefaults(_ node: Node) -> DefaultFields {
        var defaults = DefaultFields()
        guard
            let block = mapping(
                node, subject: "defaults", allowed: DefaultFields.keys,
                expected: "a mapping such as {government: {...}, agency: {...}}")
        else { return defaults }
        if let node = block["government"] {
            defaults.government =
                fields(
                    node, subject: "defaults.government", schema: GovernmentFields.defaultable,
                    expected: "a mapping of government keys")?.fields ?? [:]
        }
        if let node = block["agency"] {
            defaults.agency =
                fields(
                    node, subject: "defaults.agency", schema: AgencyFields.defaultable,
                    expected: "a mapping of agency keys")?.fields ?? [:]
        }
        if let node = block["initiative"] {
            defaults.initiative =
                fields(
                    node, subject: "defaults.initiative", schema: InitiativeFields.defaultable,
                    expected: "a mapping of initiative keys")?.fields ?? [:]
        }
        return defaults
    }

    /// `templates: {NAME: {agencies: [...], initiatives: [...]}}`, by name, in file order.
    func readTemplates(_ node: Node) -> [(name: String, template: TemplateDraft)] {
        guard case .mapping(let mapping) = node else {
            error(
                "'templates': expected a mapping of template names to {agencies: [...], initiatives: [...]}, got \(node.kindForMessage)",
                at: node)
            return []
        }
        var result: [(name: String, template: TemplateDraft)] = []
        for (keyNode, value) in mapping {
            guard let name = text(keyNode, key: "templates") else { continue }
            let owner = "template '\(name)'"
            guard
                let body = self.mapping(
                    value, subject: owner, allowed: GovernmentFields.lists,
                    expected: "\(owner) to be a mapping such as {agencies: [...], initiatives: [...]}", isEntry: true)
            else { continue }
            var template = TemplateDraft()
            if let agencies = body["agencies"] { template.agencies = agencyDrafts(agencies, owner: owner) }
            if let initiatives = body["initiatives"] {
                template.initiatives = initiativeDrafts(initiatives, owner: owner)
            }
            result.append((name, template))
        }
        return result
    }

    // MARK: entries

    func agencyDrafts(_ node: Node, owner: String) -> [EntryDraft] {
        entryDrafts(
            node, key: "agencies", noun: "agency", schema: AgencyFields.entry, lists: [],
            expected: "an agency, a mapping such as {name: Bappeda, sector: planning}", owner: owner)
    }

    func initiativeDrafts(_ node: Node, owner: String) -> [EntryDraft] {
        entryDrafts(
            node, key: "initiatives", noun: "initiative", schema: InitiativeFields.entry,
            lists: InitiativeFields.lists,
            expected: "an initiative, a mapping such as {name: e-planning, partners: [Bappeda, Diskominfo]}",
            owner: owner)
    }

    /// Checks each entry of a list; entries without a name and repeated names are reported
    /// and left out.
    private func entryDrafts(
        _ node: Node, key: String, noun: String, schema: [FieldSpec], lists: [String], expected: String,
        owner: String
    ) -> [EntryDraft] {
        guard let items = list(node, key: key, expected: "a list of \(key)") else { return [] }
        var drafts: [EntryDraft] = []
        var firstSeen: [String: SourceLocation] = [:]
        for item in items {
            guard
                let (fields, mapping) = fields(
                    item, subject: noun, schema: schema, lists: lists, expected: expected, isEntry: true)
            else { continue }
            var partners: [Located<String>]?
            if let partnersNode = mapping["partners"] {
                partners = names(partnersNode, key: "partners", example: "[Bappeda, Diskominfo]")
            }
            guard let name = fields.text("name"), let nameLocation = fields["name"]?.location else {
                if !mapping.has("name") { missing("name", in: mapping, "in \(noun)") }
                continue
            }
            if let first = firstSeen[name] {
                error("duplicate \(noun) name '\(name)' in \(owner) (first at line \(first.line))", at: nameLocation)
                continue
            }
            firstSeen[name] = nameLocation
            drafts.append(
                EntryDraft(
                    name: name, fields: fields, partners: partners,
                    partnersLocation: mapping["partners"]?.location, location: mapping.location,
                    writtenKeys: Set(mapping.entries.map(\.key.value))))
        }
        return drafts
    }

    /// A template's entries followed by the government's own; an own entry with the name of
    /// a template entry overrides that entry's keys in place.
    private func merged(_ template: [EntryDraft], _ own: [EntryDraft]) -> [EntryDraft] {
        var result = template
        for entry in own {
            if let index = template.firstIndex(where: { $0.name == entry.name }) {
                result[index].fields = result[index].fields.overlaid(with: entry.fields)
                if entry.partnersLocation != nil {
                    result[index].partners = entry.partners
                    result[index].partnersLocation = entry.partnersLocation
                }
                result[index].location = entry.location
                result[index].writtenKeys.formUnion(entry.writtenKeys)
            } else {
                result.append(entry)
            }
        }
        return result
    }

    // MARK: governments

    /// Agencies and initiatives a scenario may hold over all its governments, once templates
    /// are expanded: 60 times the 548-government scenario's, and a bound on the memory a
    /// few hundred kilobytes of templates can claim (each entry takes about 1 KB resolved).
    static let maximumEntries = 1_000_000

    func readGovernments(
        _ node: Node, defaults: DefaultFields, templates: [(name: String, template: TemplateDraft)]
    ) -> [ResolvedGovernment] {
        guard let items = list(node, key: "governments", expected: "a list of governments") else { return [] }
        if items.isEmpty {
            error("'governments' must list at least one government", at: node)
        }
        var result: [ResolvedGovernment] = []
        guard entriesWithinLimit(items, templates: templates) else { return [] }
        var firstSeen: [String: SourceLocation] = [:]
        for item in items {
            guard
                let (own, mapping) = fields(
                    item, subject: "government", schema: GovernmentFields.entry, lists: GovernmentFields.lists,
                    expected: "a government, a mapping such as {name: Jambi City, agencies: [...]}", isEntry: true)
            else { continue }

            var named = false
            let name = own.text("name") ?? ""
            if let location = own["name"]?.location {
                if let first = firstSeen[name] {
                    error("duplicate government name '\(name)' (first at line \(first.line))", at: location)
                } else if name.caseInsensitiveCompare(Scenario.regionName) == .orderedSame {
                    error(
                        "a government cannot be named '\(name)': '\(Scenario.regionName)' is the row that combines "
                            + "every government in the results; choose another name, e.g. '\(name) Province'",
                        at: location)
                } else {
                    firstSeen[name] = location
                    named = true
                }
            } else if !mapping.has("name") {
                missing("name", in: mapping, "in government")
            }
            let label = named ? "'\(name)'" : "this government"

            var template = TemplateDraft()
            var templateFailed = false
            if let templateName = own.text("template"), let location = own["template"]?.location {
                if let match = templates.first(where: { $0.name == templateName }) {
                    template = match.template
                } else {
                    templateFailed = true
                    let names = templates.map(\.name)
                    error(
                        "unknown template '\(templateName)' in \(label)"
                            + (names.isEmpty
                                ? "; no templates are defined (add them under 'templates')"
                                : Suggestion.hint(for: templateName, among: names, listing: "templates are")),
                        at: location)
                }
            }

            let agencyEntries = merged(
                template.agencies, mapping["agencies"].map { agencyDrafts($0, owner: label) } ?? [])
            let initiativeEntries = merged(
                template.initiatives, mapping["initiatives"].map { initiativeDrafts($0, owner: label) } ?? [])

            let agencies = agencyEntries.map { agency($0, defaults: defaults.agency) }
            if agencies.isEmpty, !templateFailed, !mapping.has("template") || own["template"] != nil {
                error(
                    "\(label) has no agencies; list at least one under 'agencies' or use a template that has some",
                    at: mapping.location)
            }
            let initiatives = initiativeEntries.map {
                initiative($0, defaults: defaults.initiative, agencies: agencies, government: label)
            }

            var spec = GovernmentSpec(name: name, agencies: agencies, initiatives: initiatives)
            GovernmentFields.apply(defaults.government.overlaid(with: own), to: &spec)
            var kind: String?
            if case .keyword(let word)? = own["kind"]?.value { kind = word }
            result.append(ResolvedGovernment(spec: spec, kind: kind, named: named))
        }
        return result
    }

    /// Whether the governments hold at most ``maximumEntries`` agencies and initiatives
    /// with their templates expanded, counted before anything is resolved (an own entry
    /// that overrides a template entry counts twice); else an error at the government that
    /// crosses the limit.
    private func entriesWithinLimit(
        _ items: [Node], templates: [(name: String, template: TemplateDraft)]
    ) -> Bool {
        var expanded = 0
        for item in items {
            guard case .mapping(let mapping) = item else { continue }
            let template = mapping["template"]?.string.flatMap { name in templates.first { $0.name == name } }
            expanded +=
                (template.map { $0.template.agencies.count + $0.template.initiatives.count } ?? 0)
                + (mapping["agencies"]?.sequence?.count ?? 0) + (mapping["initiatives"]?.sequence?.count ?? 0)
            if expanded > Self.maximumEntries {
                let label = mapping["name"]?.string.map { "'\($0)'" } ?? "this government"
                error(
                    "the governments expand to more than \(Self.maximumEntries) agencies and initiatives (templates "
                        + "included; the limit), reached at \(label); split the scenario or use smaller templates",
                    at: item)
                return false
            }
        }
        return true
    }

    private func agency(_ entry: EntryDraft, defaults: FieldSet) -> AgencySpec {
        let fields = defaults.overlaid(with: entry.fields)
        let sector = fields.text("sector")
        if !entry.writtenKeys.contains("sector") {
            error(
                "missing required key 'sector' in agency '\(entry.name)' (a label that levers target, e.g. sector: finance)",
                at: entry.location)
        }
        var spec = AgencySpec(name: entry.name, sector: sector ?? "")
        AgencyFields.apply(fields, to: &spec)
        return spec
    }

    private func initiative(
        _ entry: EntryDraft, defaults: FieldSet, agencies: [AgencySpec], government: String
    ) -> InitiativeSpec {
        let fields = defaults.overlaid(with: entry.fields)
        var partners: [Int] = []
        if let named = entry.partners {
            if named.isEmpty, let location = entry.partnersLocation {
                error(
                    "'partners' of initiative '\(entry.name)' must list at least one agency of \(government)",
                    at: location)
            }
            let agencyNames = agencies.map(\.name)
            var firstSeen: [String: SourceLocation] = [:]
            for partner in named {
                if let first = firstSeen[partner.value] {
                    error(
                        "partner '\(partner.value)' is listed twice in initiative '\(entry.name)' (first at line \(first.line))",
                        at: partner.location)
                    continue
                }
                firstSeen[partner.value] = partner.location
                if let index = agencyNames.firstIndex(of: partner.value) {
                    partners.append(index)
                } else {
                    error(
                        "partner '\(partner.value)' is not an agency of \(government)"
                            + Suggestion.hint(for: partner.value, among: agencyNames, listing: "agencies are"),
                        at: partner.location)
                }
            }
        } else if entry.partnersLocation == nil {
            error(
                "missing required key 'partners' in initiative '\(entry.name)' (the agencies that build it, e.g. partners: [Bappeda, Diskominfo])",
                at: entry.location)
        }
        var spec = InitiativeSpec(name: entry.name, partners: partners)
        InitiativeFields.apply(fields, to: &spec)
        return spec
    }
}
