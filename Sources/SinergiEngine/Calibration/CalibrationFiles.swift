import Foundation
import SinergiModel
import SinergiStats

/// The data files of a calibration folder; numbers as in every Sinergi CSV.
enum CalibrationFiles {
    /// posterior.csv: `particle,weight,<factor>…`, the final population.
    static func posterior(_ generation: ABCGeneration, prior: Prior) -> String {
        var text = (["particle", "weight"] + prior.factors.map(\.name)).map(CSV.escape).joined(separator: ",") + "\n"
        for (index, (particle, weight)) in zip(generation.particles, generation.weights).enumerated() {
            text += ([String(index), CSV.number(weight)] + particle.map(CSV.number)).joined(separator: ",") + "\n"
        }
        return text
    }

    /// generations.csv: `generation,tolerance,acceptance_rate,ess,simulations` (tolerance
    /// `inf` in generation 0, which accepts every simulation).
    static func generations(_ generations: [ABCGeneration]) -> String {
        var text = "generation,tolerance,acceptance_rate,ess,simulations\n"
        for g in generations {
            text +=
                [
                    String(g.index), CSV.number(g.tolerance), CSV.number(g.acceptanceRate),
                    CSV.number(g.effectiveSampleSize), String(g.simulations),
                ].joined(separator: ",") + "\n"
        }
        return text
    }

    /// predictive.csv: `observation,observed,sd,held_out,predictive_mean,q05,q95,inside`.
    static func predictive(_ rows: [PredictiveRow]) -> String {
        var text = "observation,observed,sd,held_out,predictive_mean,q05,q95,inside\n"
        for row in rows {
            text +=
                [
                    CSV.escape(row.target.name), CSV.number(row.target.value), CSV.number(row.target.sd),
                    row.target.heldOut ? "true" : "false", CSV.number(row.mean), CSV.number(row.q05),
                    CSV.number(row.q95), row.inside ? "true" : "false",
                ].joined(separator: ",") + "\n"
        }
        return text
    }

    /// The comment at the top of calibrated.yaml: where its values come from, the
    /// posterior of each factor and the predictive check.
    static func calibratedHeader(
        _ request: CalibrationRequest, posterior: PosteriorSummary, predictive: [PredictiveRow], fromSource: Bool,
        folder: URL, date: Date
    ) -> String {
        let iso = ISO8601DateFormatter()
        func n(_ value: Double) -> String { String(format: "%.4g", value) }
        var lines = [
            "Calibrated by `sinergi calibrate` (ABC-SMC, docs/calibration.md): "
                + (fromSource
                    ? "the text of \(request.scenarioPath) with each calibrated factor set to its posterior median "
                        + "where the file writes it (or added, marked \"posterior median\")."
                    : "the resolved scenario \(request.scenarioPath) with each calibrated factor at its posterior "
                        + "median."),
            "Targets file: \(request.targetsPath ?? "none (analytic check)")"
                + (request.targetsText.map { ", SHA-256 \(Study.sha256(Data($0.utf8)))" } ?? ""),
        ]
        lines = lines.flatMap { wrap($0) }
        if let command = request.commandLine { lines += ["Command:", "  " + command] }
        lines += [
            "Run folder: \(folder.path)",
            "Date: \(iso.string(from: date))",
            "Seed \(request.seed), \(request.particles) particles, \(request.replicates) replicate"
                + "\(request.replicates == 1 ? "" : "s") per particle; the final population's effective sample size "
                + "\(n(posterior.effectiveSampleSize)).",
            "Posterior (median, 90% interval) and prior:",
        ]
        for (factor, summary) in zip(request.prior.factors, posterior.factors) {
            lines.append(
                "  \(factor.name) = \(CSV.number(summary.q50))  (90% \(n(summary.q05)) … \(n(summary.q95)); "
                    + "prior \(priorText(factor.marginal)))")
        }
        lines.append("Posterior predictive check (mean, 90% interval):")
        for row in predictive {
            lines.append(
                "  \(row.target.name)\(row.target.heldOut ? " (held out)" : " (fitted)"): observed "
                    + "\(n(row.target.value)), predicted \(n(row.mean)) [\(n(row.q05)), \(n(row.q95))], "
                    + (row.inside ? "inside" : "outside"))
        }
        return lines.map { "# " + $0 }.joined(separator: "\n") + "\n#\n"
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word
    /// stays whole).
    static func wrap(_ text: String, width: Int = 90) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + [line]
    }

    static func priorText(_ marginal: PriorMarginal) -> String {
        switch marginal {
        case .uniform(let low, let high): return "uniform \(CSV.number(low)) … \(CSV.number(high))"
        case .logUniform(let low, let high): return "log-uniform \(CSV.number(low)) … \(CSV.number(high))"
        case .normal(let mean, let sd): return "normal(\(CSV.number(mean)), \(CSV.number(sd)))"
        }
    }

    /// `header` above `text`, below a first `# yaml-language-server:` line, which editors
    /// read only there.
    static func prepend(_ header: String, to text: String) -> String {
        guard text.hasPrefix("# yaml-language-server:"), let end = text.firstIndex(of: "\n") else {
            return header + text
        }
        return String(text[...end]) + header + String(text[text.index(after: end)...])
    }
}
