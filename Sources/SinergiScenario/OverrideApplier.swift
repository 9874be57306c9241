import Yams

/// Sets one override's value in a composed scenario, at every place its path selects.
///
/// The path is checked against the format (``ScenarioFormat``), not against what the file
/// happens to write: a missing key of a fixed mapping is added, with the mappings above it
/// (`parameters.trust.build` in a file without `parameters`). Names must exist: a key of
/// `templates` or `policies`, and `[Name]` in a list. In a government's `agencies` and
/// `initiatives`, the entries of its template count as its own, in the order the model
/// sees them (the template's, then the government's new ones): selecting a template entry
/// adds `{name: Name}` to the government's list, which overrides only the keys set.
/// `[*]` selects every entry where the rest of the path exists, and fails only when it
/// exists in none.
struct OverrideApplier {
    let steps: [ScenarioPath.Step]
    /// The value, already marked with ``mark``.
    let value: Node
    /// The location given to everything the override writes (see ``DiagnosticLog/options``).
    let mark: Mark?
    /// The file's `templates` mapping, where government entries inherit from.
    let templates: Node.Mapping?

    init(steps: [ScenarioPath.Step], value: Node, mark: Mark?, root: Node) {
        self.steps = steps
        self.mark = mark
        self.value = Self.marked(value, mark)
        if case .mapping(let top) = root, let index = Self.index(of: "templates", in: top),
            case .mapping(let templates) = top[index].value
        {
            self.templates = templates
        } else {
            self.templates = nil
        }
    }

    /// Sets the value in `root`; the failure, with `root` unchanged, when the path selects
    /// nothing.
    func apply(to root: inout Node) -> PathFailure? {
        walk(&root, shape: ScenarioFormat.document, step: 0, inherited: nil)
    }

    // MARK: walking

    private func walk(_ node: inout Node, shape: FormatShape, step: Int, inherited: [Node]?) -> PathFailure? {
        guard step < steps.count else {
            node = value
            return nil
        }
        switch (steps[step], shape) {
        case (.key(let key), .keys(let keys)):
            guard let child = keys.first(where: { $0.key == key }) else {
                return PathFailure(step: step, problem: .unknownKey(keys.map(\.key)))
            }
            return walkKey(key, of: &node, shape: child.shape, step: step, create: true)
        case (.key(let key), .names(let inner)):
            return walkKey(key, of: &node, shape: inner, step: step, create: false)
        case (.select(.name(let name)), .names(let inner)):
            return walkKey(name, of: &node, shape: inner, step: step, create: false)
        case (.select(.all), .names(let inner)):
            guard case .mapping(var mapping) = node else { return PathFailure(step: step, problem: .notAMapping) }
            guard !mapping.isEmpty else { return PathFailure(step: step, problem: .noEntries) }
            var firstFailure: PathFailure?
            var matched = false
            for index in mapping.indices {
                var child = mapping[index].value
                if let failure = walk(&child, shape: inner, step: step + 1, inherited: nil) {
                    firstFailure = firstFailure ?? failure
                } else {
                    mapping[index] = (mapping[index].key, child)
                    matched = true
                }
            }
            guard matched else { return firstFailure }
            node = .mapping(mapping)
            return nil
        case (.select(let selector), .list(let inner, _)):
            return walkList(&node, selector: selector, shape: inner, step: step, inherited: inherited)
        case (.key, .list):
            return PathFailure(step: step, problem: .needsSelector)
        case (.key, .value):
            return PathFailure(step: step, problem: .intoValue)
        case (.select, _):
            return PathFailure(step: step, problem: .notAList)
        }
    }

    /// Steps into `key` of the mapping `node`, adding it (and the mappings below it) when
    /// `create` and the file does not write it.
    private func walkKey(_ key: String, of node: inout Node, shape: FormatShape, step: Int, create: Bool)
        -> PathFailure?
    {
        guard case .mapping(var mapping) = node else { return PathFailure(step: step, problem: .notAMapping) }
        var inherited: [Node]?
        if case .list(_, let listKey?) = shape { inherited = templateEntries(listKey, of: mapping) }
        if let index = Self.index(of: key, in: mapping) {
            var child = mapping[index].value
            if let failure = walk(&child, shape: shape, step: step + 1, inherited: inherited) { return failure }
            mapping[index] = (mapping[index].key, child)
        } else {
            guard create else {
                return PathFailure(step: step, problem: .unknownName(mapping.keys.compactMap { $0.scalar?.string }))
            }
            var child: Node
            switch shape {
            case .keys, .names: child = .mapping(Node.Mapping([], .implicit, .any, mark))
            case .list: child = .sequence(Node.Sequence([], .implicit, .any, mark))
            case .value: child = .scalar(Node.Scalar("", .implicit, .plain, mark))
            }
            if let failure = walk(&child, shape: shape, step: step + 1, inherited: inherited) { return failure }
            // Appended as a new pair: Yams's keyed setter would compare every key by its
            // resolved tag first.
            mapping = Node.Mapping(
                Array(mapping) + [(.scalar(Node.Scalar(key, .implicit, .plain, mark)), child)], mapping.tag,
                mapping.style, mapping.mark)
        }
        node = .mapping(mapping)
        return nil
    }

    /// One of a list's entries as the model sees it: written in the list (`own`, at its
    /// position), or inherited from the template and not yet written (`inherited`, by name).
    private enum Entry {
        case own(Int)
        case inherited(String)
    }

    private func walkList(
        _ node: inout Node, selector: ScenarioPath.Selector, shape: FormatShape, step: Int, inherited: [Node]?
    ) -> PathFailure? {
        guard case .sequence(var sequence) = node else { return PathFailure(step: step, problem: .notAMapping) }
        let ownNames = sequence.map(Self.name(of:))
        var entries: [(entry: Entry, name: String?)] = []
        var listed = Set<Int>()
        for name in (inherited ?? []).compactMap(Self.name(of:)) {
            if let index = ownNames.firstIndex(of: name) {
                entries.append((.own(index), name))
                listed.insert(index)
            } else {
                entries.append((.inherited(name), name))
            }
        }
        for index in sequence.indices where !listed.contains(index) {
            entries.append((.own(index), ownNames[index]))
        }

        let selected: [Int]
        switch selector {
        case .all:
            guard !entries.isEmpty else { return PathFailure(step: step, problem: .noEntries) }
            selected = Array(entries.indices)
        case .index(let index):
            guard index < entries.count else { return PathFailure(step: step, problem: .index(count: entries.count)) }
            selected = [index]
        case .name(let name):
            selected = entries.indices.filter { entries[$0].name == name }
            guard !selected.isEmpty else {
                return PathFailure(step: step, problem: .unknownName(entries.compactMap(\.name)))
            }
        }

        var firstFailure: PathFailure?
        var matched = false
        for position in selected {
            var child: Node
            switch entries[position].entry {
            case .own(let index): child = sequence[index]
            case .inherited(let name):
                child = .mapping(
                    Node.Mapping(
                        [
                            (
                                .scalar(Node.Scalar("name", .implicit, .plain, mark)),
                                // Quoted, so that a name such as `null` stays a name.
                                .scalar(Node.Scalar(name, .implicit, .doubleQuoted, mark))
                            )
                        ],
                        .implicit, .any, mark))
            }
            if let failure = walk(&child, shape: shape, step: step + 1, inherited: nil) {
                firstFailure = firstFailure ?? failure
                continue
            }
            matched = true
            switch entries[position].entry {
            case .own(let index): sequence[index] = child
            case .inherited: sequence.append(child)
            }
        }
        guard matched else { return firstFailure }
        node = .sequence(sequence)
        return nil
    }

    // MARK: helpers

    /// The entries of the template the government `mapping` names, in its list `listKey`.
    private func templateEntries(_ listKey: String, of mapping: Node.Mapping) -> [Node]? {
        guard let index = Self.index(of: "template", in: mapping), let name = mapping[index].value.scalar?.string,
            let templates, let templateIndex = Self.index(of: name, in: templates),
            case .mapping(let template) = templates[templateIndex].value,
            let listIndex = Self.index(of: listKey, in: template),
            case .sequence(let list) = template[listIndex].value
        else { return nil }
        return Array(list)
    }

    /// The position of `key` among the keys of `mapping`.
    static func index(of key: String, in mapping: Node.Mapping) -> Node.Mapping.Index? {
        mapping.firstIndex { $0.key.scalar?.string == key }
    }

    /// The `name` of a list entry, when it is a mapping with one.
    static func name(of entry: Node) -> String? {
        guard case .mapping(let mapping) = entry, let index = index(of: "name", in: mapping) else { return nil }
        return mapping[index].value.scalar?.string
    }

    /// `node` with every part of it at `mark`.
    static func marked(_ node: Node, _ mark: Mark?) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.mark = mark
            return .scalar(scalar)
        case .mapping(let mapping):
            return .mapping(
                Node.Mapping(
                    mapping.map { (marked($0.key, mark), marked($0.value, mark)) }, mapping.tag, mapping.style, mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { marked($0, mark) }, sequence.tag, sequence.style, mark))
        case .alias:
            return node
        }
    }
}
