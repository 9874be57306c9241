import SinergiModel
import Yams

/// What to tell a user whose path leads nowhere: the closest path that does exist, or what
/// the scenario has where the path stops.
enum PathHint {
    /// How many misspellings in one path are corrected before giving up on a suggestion.
    static let maximumRepairs = 4
    /// How many names a hint lists before "…".
    static let maximumListed = 12

    /// "; did you mean '…'?" with the path repaired step by step (a misspelt key or name
    /// replaced by the closest, a missing `[*]` added) while each repair is a likely slip;
    /// otherwise what the scenario accepts where the path stops.
    static func hint(for path: ScenarioPath, failure: PathFailure, in root: Node) -> String {
        var steps = path.steps
        var current = failure
        for _ in 0..<maximumRepairs {
            guard let repaired = repair(steps, current) else { break }
            var tree = root
            let applier = OverrideApplier(steps: repaired, value: .scalar(.init("")), mark: nil, root: tree)
            guard let next = applier.apply(to: &tree) else {
                return "; did you mean '\(ScenarioPath.render(repaired))'?"
            }
            steps = repaired
            current = next
        }
        return describe(failure, prefix: ScenarioPath.render(path.steps[..<failure.step]))
    }

    /// The steps with the failing one corrected, when a correction is likely.
    private static func repair(_ steps: [ScenarioPath.Step], _ failure: PathFailure) -> [ScenarioPath.Step]? {
        var steps = steps
        let step = steps[failure.step]
        switch (failure.problem, step) {
        case (.unknownKey(let candidates), .key(let key)), (.unknownName(let candidates), .key(let key)):
            guard let match = Suggestion.closest(to: key, among: candidates) else { return nil }
            steps[failure.step] = .key(match)
        case (.unknownName(let candidates), .select(.name(let name))):
            guard let match = Suggestion.closest(to: name, among: candidates) else { return nil }
            steps[failure.step] = .select(.name(match))
        case (.needsSelector, _):
            steps.insert(.select(.all), at: failure.step)
        default:
            return nil
        }
        return steps
    }

    /// What the scenario has at `prefix`, where the path stopped.
    private static func describe(_ failure: PathFailure, prefix: String) -> String {
        let place = prefix.isEmpty ? "the scenario" : "'\(prefix)'"
        switch failure.problem {
        case .unknownKey(let keys):
            return prefix.isEmpty
                ? "; the top-level keys are \(list(keys))" : "; the keys of '\(prefix)' are \(list(keys))"
        case .unknownName(let names):
            return names.isEmpty ? "; the scenario has no \(place)" : "; \(place) has \(list(names))"
        case .index(0), .noEntries:
            return "; \(place) has no entries"
        case .index(let count):
            return count == 1 ? "; \(place) has 1 entry, [0]" : "; \(place) has \(count) entries, [0] to [\(count - 1)]"
        case .needsSelector:
            return "; \(place) is a list: select entries with [name], [index] or [*]"
        case .notAList:
            return "; \(place) is not a list"
        case .intoValue:
            return "; \(place) is one value, with nothing below it"
        case .notAMapping:
            return "; an earlier --set made \(place) a single value"
        }
    }

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(maximumListed).joined(separator: ", ")
        return names.count > maximumListed ? shown + ", … (\(names.count) in all)" : shown
    }
}
