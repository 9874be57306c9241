import Foundation
import SinergiStats

extension SensitivityAnalysis {
    /// Analyses the complete store of a sensitivity sweep and writes indices.csv and
    /// convergence.csv into `folder`, adding their SHA-256 to `hashes`.
    static func writeFiles(
        plan: SensitivityPlan, store: SweepStore, into folder: RunFolder, hashes: inout [String: String],
        control: RunControl
    ) throws(RunError) -> SensitivityResult {
        control.begin("computing the sensitivity indices")
        let result: SensitivityResult
        do {
            let sample = try plan.sample()
            guard sample.rowCount == store.identity.points else {
                throw RunError.io(
                    "the sweep store holds \(store.identity.points) points, but the \(plan.method.rawValue) sample has "
                        + "\(sample.rowCount)")
            }
            result = try analyze(plan: plan, sample: sample, outputs: try outputs(store: store, plan: plan))
        } catch let error as RunError {
            throw error
        } catch {
            throw .io("cannot compute the sensitivity indices: \(error)")
        }
        try write(result, into: folder, hashes: &hashes)
        return result
    }

    /// Writes indices.csv and convergence.csv.
    static func write(_ result: SensitivityResult, into folder: RunFolder, hashes: inout [String: String])
        throws(RunError)
    {
        let indices = result.indicesCSV
        let convergence = result.convergenceCSV
        try folder.write(indices, to: "indices.csv")
        try folder.write(convergence, to: "convergence.csv")
        hashes["indices.csv"] = Study.sha256(indices)
        hashes["convergence.csv"] = Study.sha256(convergence)
    }

    /// The report of a scenario's analysis.
    static func report(_ result: SensitivityResult, manifest: Manifest) -> SensitivityReport {
        let plan = result.plan
        return SensitivityReport(
            subject: manifest.scenario.name,
            details: [
                ("Method", plan.label),
                ("Replicates per point", String(plan.replicates)),
                ("Seed", String(plan.seed)),
                ("Bootstrap resamples", String(plan.bootstrap)),
                ("Noise correction", plan.noiseCorrection ? "on" : "off"),
                ("Factors", plan.factors.joined(separator: ", ")),
            ],
            result: result,
            footer:
                "Scenario file \(manifest.scenario.path) (SHA-256 \(manifest.scenario.sha256)); design SHA-256 "
                + "\(manifest.sweep?.designSHA256 ?? ""). Written by \(manifest.tool.name) \(manifest.tool.version).")
    }
}
