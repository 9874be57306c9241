import Foundation
import SinergiModel
import SinergiStats

/// `sinergi sensitivity --function NAME`: the estimators of a scenario's analysis on an
/// analytic test function (``SensitivityTestFunction``) whose indices are known, so a user
/// can see them work. No store: the function is evaluated in memory.
///
/// The folder holds design.csv (the sample, in the function's units), points.csv (each
/// point's mean and within-point variance over its replicates), indices.csv,
/// convergence.csv, report.html and manifest.json.
public enum SensitivityFunctionRun {
    /// manifest.json of a test-function analysis.
    public struct FunctionManifest: Codable, Sendable {
        public var tool = Manifest.Tool()
        public var command = "sensitivity"
        public var function: String
        public var sensitivity: SensitivityPlan
        /// SHA-256 of each data file.
        public var files: [String: String]
    }

    /// Runs the analysis of `plan` on `function` and writes the folder under
    /// `<outputRoot>/<function>/sensitivity-<run-id>/`, or exactly at `into`.
    public static func run(
        _ plan: SensitivityPlan, function: SensitivityTestFunction, outputRoot: URL, into: URL? = nil,
        report: (any ReportRenderer)? = nil
    ) throws(RunError) -> (folder: URL, result: SensitivityResult) {
        let sample: SensitivitySample
        let result: SensitivityResult
        let outputs: ReplicateOutputs
        do {
            sample = try plan.sample()
            let points = (0..<sample.rowCount).map { sample.point($0) }
            outputs = try function.outputs(points: points, replicates: plan.replicates, seed: plan.seed)
            result = try SensitivityAnalysis.analyze(
                plan: plan, sample: sample,
                outputs: [SensitivityAnalysis.Output(government: function.rawValue, outcome: "y", values: outputs)])
        } catch {
            throw .io("\(error)")
        }
        let folder: RunFolder
        if let into {
            folder = try RunFolder(exactly: into)
        } else {
            folder = try RunFolder(
                root: outputRoot, slug: function.rawValue, seed: plan.seed, date: Date(), kind: "sensitivity")
        }
        do throws(RunError) {
            var hashes: [String: String] = [:]
            let ranges = function.factorRanges
            let values = (0..<sample.rowCount).map { row in
                zip(sample.point(row), ranges).map { u, range in
                    range.lowerBound + u * (range.upperBound - range.lowerBound)
                }
            }
            let design = Data(Design.csv(factors: plan.factors, points: values).utf8)
            try folder.write(design, to: "design.csv")
            hashes["design.csv"] = Study.sha256(design)
            var table = CSV(header: ["point", "mean", "variance"])
            for p in 0..<outputs.pointCount {
                let mean = outputs.mean(point: p)
                var squares = 0.0
                for r in 0..<outputs.replicateCount { squares += (outputs[p, r] - mean) * (outputs[p, r] - mean) }
                let variance = outputs.replicateCount > 1 ? squares / Double(outputs.replicateCount - 1) : .nan
                table.appendRow([String(p), CSV.number(mean), CSV.number(variance)])
            }
            let pointsData = Data(table.contents.utf8)
            try folder.write(pointsData, to: "points.csv")
            hashes["points.csv"] = Study.sha256(pointsData)
            try SensitivityAnalysis.write(result, into: folder, hashes: &hashes)
            let page = SensitivityReport(
                subject: "\(function.rawValue) test function",
                details: [
                    ("Method", plan.label),
                    ("Replicates per point", String(plan.replicates)),
                    ("Seed", String(plan.seed)),
                    ("Bootstrap resamples", String(plan.bootstrap)),
                    ("Noise correction", plan.noiseCorrection ? "on" : "off"),
                    ("Factors", plan.factors.joined(separator: ", ")),
                ],
                result: result,
                footer: "Test function \(function.rawValue). Written by sinergi \(SinergiVersion.current).")
            if let report { try folder.write(Data(report.html(sensitivity: page).utf8), to: "report.html") }
            let manifest = FunctionManifest(function: function.rawValue, sensitivity: plan, files: hashes)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let json = try? encoder.encode(manifest) else { throw RunError.io("cannot encode the manifest") }
            try folder.write(json, to: "manifest.json")
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
        return (folder.final, result)
    }
}
