import Foundation
import SinergiModel
import SinergiStats
import Yams

/// The distribution syntax of scenario values (MODEL.md §1): a number, or a one-key mapping
/// naming the distribution, with `clip` beside `normal` and `lognormal`.
enum DistributionSyntax {
    /// Keys that name a distribution, in the order the documentation lists them.
    static let families = [
        "constant", "uniform", "beta", "normal", "truncatedNormal", "triangular", "lognormal", "bernoulli",
    ]
    /// The parameters each family takes as a list; `constant` and `bernoulli` take one number.
    static let parameterNames: [String: [String]] = [
        "uniform": ["lo", "hi"],
        "beta": ["a", "b"],
        "normal": ["mean", "sd"],
        "truncatedNormal": ["mean", "sd", "lo", "hi"],
        "triangular": ["lo", "mode", "hi"],
        "lognormal": ["mu", "sigma"],
    ]
    /// Families that accept `clip: [lo, hi]`.
    static let clippable = ["normal", "lognormal"]
}

/// A closed interval in messages: "[0, 1]", "[0, 1.5]".
func formatRange(_ range: ClosedRange<Double>) -> String {
    "[\(formatNumber(range.lowerBound)), \(formatNumber(range.upperBound))]"
}

extension ScenarioReader {
    /// A model variable's value: a number in `range`, or a distribution whose every possible
    /// value lies in `range` (MODEL.md §1: a distribution that can leave the variable's range
    /// without an explicit clip is an error).
    func value(_ node: Node, key: String, range: ClosedRange<Double>) -> Distribution? {
        switch node {
        case .scalar:
            guard case .number(let value, let text)? = node.scalarValue else { break }
            guard value.isFinite, range.contains(value) else {
                error("'\(key)' must be a number in \(formatRange(range)), got \(text)", at: node)
                return nil
            }
            return .constant(value)
        case .mapping(let mapping):
            return distribution(mapping, node: node, key: key, range: range)
        case .sequence, .alias:
            break
        }
        error(
            "'\(key)': expected a number or a distribution such as {uniform: [0.3, 0.7]}, got \(node.kindForMessage)",
            at: node)
        return nil
    }

    private func distribution(
        _ mapping: Node.Mapping, node: Node, key: String, range: ClosedRange<Double>
    ) -> Distribution? {
        var family: (name: String, parameters: Node)?
        var clipNode: (key: Node, value: Node)?
        var malformed = false
        for (keyNode, valueNode) in mapping {
            guard case .string(let name)? = keyNode.scalarValue else {
                error("'\(key)': a distribution key must be a name, got \(keyNode.kindForMessage)", at: keyNode)
                malformed = true
                continue
            }
            if name == "clip" {
                clipNode = (keyNode, valueNode)
            } else if !DistributionSyntax.families.contains(name) {
                error(
                    "unknown distribution '\(name)' in '\(key)'"
                        + Suggestion.hint(
                            for: name, among: DistributionSyntax.families + ["clip"],
                            listing: "distributions are"),
                    at: keyNode)
                malformed = true
            } else if let first = family {
                error("'\(key)': a distribution has one kind, got both '\(first.name)' and '\(name)'", at: keyNode)
                malformed = true
            } else {
                family = (name, valueNode)
            }
        }
        guard let family else {
            if !malformed {
                error(
                    "'\(key)': a distribution needs one of "
                        + DistributionSyntax.families.joined(separator: ", "),
                    at: node)
            }
            return nil
        }

        var clip: ClosedRange<Double>?
        if let clipNode {
            if !DistributionSyntax.clippable.contains(family.name) {
                let bounds =
                    family.name == "truncatedNormal" ? "; truncatedNormal takes its bounds as [mean, sd, lo, hi]" : ""
                error("'\(key)': 'clip' applies only to normal and lognormal\(bounds)", at: clipNode.key)
                malformed = true
            } else if let bounds = numbers(clipNode.value, key: key, family: "clip", names: ["lo", "hi"]) {
                if bounds[0] < bounds[1] {
                    clip = bounds[0]...bounds[1]
                } else {
                    error(
                        "'\(key)': 'clip' needs [lo, hi] with lo < hi, got [\(formatNumber(bounds[0])), \(formatNumber(bounds[1]))]",
                        at: clipNode.value)
                    malformed = true
                }
            } else {
                malformed = true
            }
        }

        let distribution: Distribution
        switch family.name {
        case "constant", "bernoulli":
            guard case .number(let value, _)? = family.parameters.scalarValue, value.isFinite else {
                error(
                    "'\(key)': '\(family.name)' expects a number, got \(family.parameters.kindForMessage)",
                    at: family.parameters)
                return nil
            }
            distribution = family.name == "constant" ? .constant(value) : .bernoulli(p: value)
        default:
            let names = DistributionSyntax.parameterNames[family.name] ?? []
            guard let p = numbers(family.parameters, key: key, family: family.name, names: names) else { return nil }
            switch family.name {
            case "uniform": distribution = .uniform(low: p[0], high: p[1])
            case "beta": distribution = .beta(alpha: p[0], beta: p[1])
            case "normal": distribution = .normal(mean: p[0], sd: p[1], clip: clip)
            case "truncatedNormal": distribution = .truncatedNormal(mean: p[0], sd: p[1], low: p[2], high: p[3])
            case "triangular": distribution = .triangular(low: p[0], mode: p[1], high: p[2])
            default: distribution = .lognormal(mu: p[0], sigma: p[1], clip: clip)
            }
        }
        guard !malformed else { return nil }

        do {
            try distribution.validate()
        } catch {
            // GSL's status text after the explanation means nothing to a scenario author.
            let message = error.message.components(separatedBy: " (GSL error").first ?? error.message
            self.error("'\(key)': \(message)", at: family.parameters)
            return nil
        }

        let support = distribution.support
        guard range.lowerBound <= support.lowerBound, support.upperBound <= range.upperBound else {
            let allowed = formatRange(range)
            let message: String
            switch family.name {
            case "normal", "lognormal":
                if let clip {
                    message =
                        "'\(key)': clip \(formatRange(clip)) reaches outside \(allowed); use clip: \(allowed) or a narrower clip"
                } else {
                    message =
                        "'\(key)': \(family.name) can produce values outside \(allowed) and has no clip; add clip: \(allowed)"
                }
            case "beta", "bernoulli":
                message =
                    "'\(key)': \(family.name) produces values in [0, 1], which is not within \(allowed); use uniform, triangular or truncatedNormal on \(allowed)"
            case "constant":
                message = "'\(key)' must be a number in \(allowed), got \(formatNumber(support.lowerBound))"
            default:
                message =
                    "'\(key)': \(family.name) can produce values in \(formatRange(support)), outside \(allowed); keep its bounds within \(allowed)"
            }
            error(message, at: node)
            return nil
        }
        return distribution
    }

    /// Exactly `names.count` finite numbers written as a list.
    private func numbers(_ node: Node, key: String, family: String, names: [String]) -> [Double]? {
        let shape = "[\(names.joined(separator: ", "))]"
        guard case .sequence(let sequence) = node else {
            error("'\(key)': '\(family)' expects \(shape), got \(node.kindForMessage)", at: node)
            return nil
        }
        guard sequence.count == names.count else {
            error("'\(key)': '\(family)' expects \(names.count) numbers \(shape), got \(sequence.count)", at: node)
            return nil
        }
        var result: [Double] = []
        for item in sequence {
            guard case .number(let value, _)? = item.scalarValue, value.isFinite else {
                error("'\(key)': '\(family)' expects numbers \(shape), got \(item.kindForMessage)", at: item)
                return nil
            }
            result.append(value)
        }
        return result
    }
}

extension Distribution {
    /// The value as scenario-file YAML, in the syntax ``ScenarioReader/value(_:key:range:)``
    /// reads back to the same distribution.
    var yaml: String {
        func list(_ values: Double...) -> String { "[" + values.map(yamlNumber).joined(separator: ", ") + "]" }
        switch self {
        case .constant(let value): return yamlNumber(value)
        case .uniform(let low, let high): return "{uniform: \(list(low, high))}"
        case .beta(let alpha, let beta): return "{beta: \(list(alpha, beta))}"
        case .normal(let mean, let sd, let clip):
            return "{normal: \(list(mean, sd))" + (clip.map { ", clip: \(list($0.lowerBound, $0.upperBound))" } ?? "")
                + "}"
        case .truncatedNormal(let mean, let sd, let low, let high):
            return "{truncatedNormal: \(list(mean, sd, low, high))}"
        case .triangular(let low, let mode, let high): return "{triangular: \(list(low, mode, high))}"
        case .lognormal(let mu, let sigma, let clip):
            return "{lognormal: \(list(mu, sigma))"
                + (clip.map { ", clip: \(list($0.lowerBound, $0.upperBound))" } ?? "") + "}"
        case .bernoulli(let p): return "{bernoulli: \(yamlNumber(p))}"
        }
    }
}

/// A number as YAML that reads back exactly: Swift's shortest round-trip form.
func yamlNumber(_ value: Double) -> String {
    "\(value)"
}
