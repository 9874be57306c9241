import Foundation
import Yams

/// Writes overrides into a scenario file's own text, so that the result reads like the file
/// (its comments, anchors, order and layout kept) rather than like the resolved scenario.
///
/// A value the file writes as a plain scalar is replaced where it stands (every place the
/// path selects must write one). A path of keys that the file leaves to the format's
/// defaults is added as a block under the deepest mapping of the path that the file writes:
/// above that mapping's first key, with its indentation (below it when the mapping starts
/// on a list entry's `- ` line); at the top level, above the first key whose value is a
/// block (with the comment lines directly above that key), or at the end. Anything
/// else (a selector into an inherited template entry, a value written as a mapping, a flow
/// mapping to add to) is not edited, and ``ScenarioSource/editedText(with:note:)`` returns
/// nil.
enum ScenarioSourceEditor {
    /// The text with `override` written into it, or nil when this editor cannot write it.
    static func edit(_ text: String, _ override: ScenarioOverride, note: String?) -> String? {
        guard let root = try? Yams.compose(yaml: text), case .mapping = root else { return nil }
        guard case .scalar(let scalar) = override.node, scalar.style == .plain, !scalar.string.contains("\n") else {
            return nil
        }
        var lines = text.components(separatedBy: "\n")
        let comment = note.map { "  # " + $0 } ?? ""
        var found: [Node] = []
        var missing: (mapping: Node.Mapping, keys: [String], isRoot: Bool)?
        guard find(root, override.path.steps[...], isRoot: true, found: &found, missing: &missing) else { return nil }
        if let missing {
            guard found.isEmpty else { return nil }
            return insert(
                missing.keys, value: scalar.string + comment, under: missing.mapping, isRoot: missing.isRoot,
                in: &lines)
                ? lines.joined(separator: "\n") : nil
        }
        // Replaced from the last place to the first, so that earlier columns stay valid.
        let places = found.compactMap { node -> (Node.Scalar, Mark)? in
            guard case .scalar(let old) = node, let mark = old.mark else { return nil }
            return (old, mark)
        }
        guard places.count == found.count else { return nil }
        for (old, mark) in places.sorted(by: { ($0.1.line, $0.1.column) > ($1.1.line, $1.1.column) }) {
            guard old.style == .plain, !old.string.contains("\n"), mark.line - 1 < lines.count else { return nil }
            var line = Array(lines[mark.line - 1].unicodeScalars)
            let start = mark.column - 1
            let written = Array(old.string.unicodeScalars)
            guard start >= 0, start + written.count <= line.count,
                Array(line[start..<start + written.count]) == written
            else { return nil }
            line.replaceSubrange(start..<start + written.count, with: Array(scalar.string.unicodeScalars))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: line)
            lines[mark.line - 1] = String(view)
        }
        return lines.joined(separator: "\n")
    }

    /// Collects in `found` the nodes that `steps` selects in `node`; or, when a run of
    /// keys at the end of the path is not written, sets `missing` to the mapping that would
    /// hold them. False when the path cannot be followed in the text.
    private static func find(
        _ node: Node, _ steps: ArraySlice<ScenarioPath.Step>, isRoot: Bool, found: inout [Node],
        missing: inout (mapping: Node.Mapping, keys: [String], isRoot: Bool)?
    ) -> Bool {
        guard let step = steps.first else {
            found.append(node)
            return true
        }
        let rest = steps.dropFirst()
        switch (step, node) {
        case (.key(let key), .mapping(let mapping)), (.select(.name(let key)), .mapping(let mapping)):
            if let index = OverrideApplier.index(of: key, in: mapping) {
                return find(mapping[index].value, rest, isRoot: false, found: &found, missing: &missing)
            }
            let keys = steps.compactMap { step -> String? in
                if case .key(let key) = step { return key }
                return nil
            }
            guard case .key = step, keys.count == steps.count, missing == nil else { return false }
            missing = (mapping, keys, isRoot)
            return true
        case (.select(let selector), .sequence(let sequence)):
            let selected: [Node]
            switch selector {
            case .all: selected = Array(sequence)
            case .index(let index): selected = index < sequence.count ? [sequence[index]] : []
            case .name(let name): selected = sequence.filter { OverrideApplier.name(of: $0) == name }
            }
            guard !selected.isEmpty else { return false }
            for child in selected where !find(child, rest, isRoot: false, found: &found, missing: &missing) {
                return false
            }
            // Keys are added to one entry at a time.
            return missing == nil || selected.count == 1
        default:
            return false
        }
    }

    /// Adds `keys` (each under the one before), the last with `value`, to the block mapping
    /// `mapping`.
    private static func insert(
        _ keys: [String], value: String, under mapping: Node.Mapping, isRoot: Bool, in lines: inout [String]
    ) -> Bool {
        guard !isFlow(mapping.mark, "{", lines), let first = mapping.first, let firstMark = first.key.mark else {
            return false
        }
        // The line above which the block goes, and the indentation of the mapping's keys.
        var anchor = firstMark
        if isRoot {
            let block = mapping.first { pair in
                switch pair.value {
                case .mapping(let m): return !isFlow(m.mark, "{", lines)
                case .sequence(let s): return !isFlow(s.mark, "[", lines)
                default: return false
                }
            }
            guard let mark = block?.key.mark else {
                // No key holds a block: the new keys go at the end.
                if lines.last == "" { lines.removeLast() }
                lines +=
                    keys.enumerated().map { depth, key in
                        String(repeating: " ", count: 2 * depth) + key + ":"
                            + (depth == keys.count - 1 ? " " + value : "")
                    } + [""]
                return true
            }
            anchor = mark
        }
        let indent = anchor.column - 1
        var at = anchor.line - 1
        guard at < lines.count, lines[at].unicodeScalars.count > indent,
            lines[at].unicodeScalars.dropFirst(indent).first != " "
        else { return false }
        if !lines[at].unicodeScalars.prefix(indent).allSatisfy({ $0 == " " }) {
            // The mapping starts on its list entry's line (`- name: X`): the block goes
            // below that first pair, which must be a one-line scalar.
            guard !isRoot, case .scalar(let scalar) = first.value, scalar.mark?.line == anchor.line,
                scalar.style != .literal, scalar.style != .folded, !scalar.string.contains("\n")
            else { return false }
            let next = at + 1
            if next < lines.count {
                let rest = lines[next].unicodeScalars
                let spaces = rest.prefix { $0 == " " }.count
                let trimmed = lines[next].trimmingCharacters(in: .whitespaces)
                // A plain scalar continued on the next line would take the block in.
                guard trimmed.isEmpty || trimmed.hasPrefix("#") || spaces <= indent else { return false }
            }
            at = next
        } else if isRoot {
            while at > 0, lines[at - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#") { at -= 1 }
        }
        var block: [String] = []
        for (depth, key) in keys.enumerated() {
            let pad = String(repeating: " ", count: indent + 2 * depth)
            block.append(pad + key + ":" + (depth == keys.count - 1 ? " " + value : ""))
        }
        if isRoot { block.append("") }
        lines.insert(contentsOf: block, at: at)
        return true
    }

    /// Whether the collection at `mark` is written in flow style, starting with `opening`
    /// (Yams's composed nodes do not keep their style).
    private static func isFlow(_ mark: Mark?, _ opening: Unicode.Scalar, _ lines: [String]) -> Bool {
        guard let mark, mark.line - 1 < lines.count else { return true }
        let line = Array(lines[mark.line - 1].unicodeScalars)
        return mark.column - 1 < line.count && line[mark.column - 1] == opening
    }
}

extension ScenarioSource {
    /// The file's text with the overrides written into it (``ScenarioSourceEditor``), each
    /// line the editor adds ending in `# note`; nil
    /// when one of them cannot be written into the text, or when the text so written would
    /// not resolve to exactly the scenario that ``scenario(with:)`` gives.
    public func editedText(with overrides: [ScenarioOverride], note: String? = nil) -> String? {
        var text = self.text
        for override in prefix + overrides {
            guard let edited = ScenarioSourceEditor.edit(text, override, note: note) else { return nil }
            text = edited
        }
        guard let expected = try? scenario(with: overrides).resolvedYAML,
            let written = try? ScenarioSource(text: text, path: path).scenario.resolvedYAML, written == expected
        else { return nil }
        return text
    }
}
