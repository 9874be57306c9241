import Foundation
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

    /// The comment at the top of calibrated.yaml: where its values come from.
    static func calibratedHeader(_ request: CalibrationRequest, medians: [Double], folder: URL, date: Date) -> String {
        let iso = ISO8601DateFormatter()
        var lines = [
            "Calibrated by `sinergi calibrate` (ABC-SMC, docs/calibration.md): the scenario "
                + "\(request.scenarioPath) with each calibrated factor at its posterior median.",
            "Targets file: \(request.targetsPath ?? "none (analytic check)")"
                + (request.targetsText.map { ", SHA-256 \(Study.sha256(Data($0.utf8)))" } ?? ""),
            "Run folder: \(folder.path)",
            "Date: \(iso.string(from: date))",
            "Seed \(request.seed), \(request.particles) particles, \(request.replicates) replicate"
                + "\(request.replicates == 1 ? "" : "s") per particle.",
        ]
        for (factor, median) in zip(request.prior.factors, medians) {
            lines.append("\(factor.name) = \(CSV.number(median))  (prior \(factor.marginal))")
        }
        return lines.map { "# " + $0 }.joined(separator: "\n") + "\n"
    }
}
