import Foundation
import SinergiStats
import Testing

/// Sinergi's Sobol' and Morris estimators against SALib's on the same inputs: a Swift test
/// writes the sample matrices, outputs, bootstrap resamples and Sinergi's estimates to a
/// temporary folder, and Tests/SALib/check_salib.py runs SALib on them.
///
/// The Python interpreter is $SINERGI_PYTHON, or .venv-notebooks/bin/python in the package
/// root (`make notebooks` builds it from Notebooks/requirements.txt, which lists SALib).
@Suite("SALib cross-check")
struct SALibCrossCheckTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("Sobol' S1, ST, S2 and Morris μ, μ*, σ (and their conf) agree with SALib's to 1e-9")
    func agreesWithSALib() throws {
        let environment = ProcessInfo.processInfo.environment
        let python =
            environment["SINERGI_PYTHON"] ?? Self.packageRoot.appending(path: ".venv-notebooks/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record(
                "no Python with SALib at \(python): run `make notebooks` (it builds .venv-notebooks from Notebooks/requirements.txt) or set SINERGI_PYTHON"
            )
            return
        }
        let folder = FileManager.default.temporaryDirectory.appending(path: "sinergi-salib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeSobolCase(to: folder)
        try writeMorrisCase(to: folder)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.packageRoot.appending(path: "Tests/SALib/check_salib.py").path, folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(output)
        #expect(process.terminationStatus == 0, "check_salib.py:\n\(output)")
    }

    /// Noisy Ishigami's replicate means (arbitrary outputs, not a smooth function) on a
    /// second-order sample, analysed without noise correction as SALib would.
    func writeSobolCase(to folder: URL) throws {
        let k = 3, n = 256, resamples = 100, seed: UInt64 = 11
        let sample = try SobolSample(factorCount: k, baseRows: n, secondOrder: true)
        let noisy = try SensitivityTestFunction.noisyIshigami.outputs(
            points: points(of: sample), replicates: 3, seed: 5)
        let outputs = try ReplicateOutputs(means: noisy.means)
        let indices = try SobolAnalysis.analyze(
            sample, outputs: outputs,
            options: SobolOptions(bootstrapResamples: resamples, bootstrapSeed: seed, noiseCorrection: false))
        let base = (0..<n).map { sample.point(sample.row(.a, baseRow: $0)) + sample.point(sample.row(.b, baseRow: $0)) }
        let resampling = try BootstrapResampling(size: n, resamples: resamples, seed: seed)
        let draws = (0..<resamples).map { resampling.units(ofResample: $0) }
        var estimates = ["index,factor,estimate,standard_error"]
        for (i, s) in indices.firstOrder.enumerated() { estimates.append("S1,\(i),\(s.estimate),\(s.standardError)") }
        for (i, s) in indices.totalOrder.enumerated() { estimates.append("ST,\(i),\(s.estimate),\(s.standardError)") }
        for pair in indices.secondOrder {
            estimates.append("S2,\(pair.first)|\(pair.second),\(pair.index.estimate),\(pair.index.standardError)")
        }
        try write(#"{"factors": 3, "base_rows": 256, "second_order": true, "resamples": 100}"#, folder, "sobol.json")
        try write(csv(base), folder, "sobol_base.csv")
        try write(csv(points(of: sample)), folder, "sobol_X.csv")
        try write(csv(outputs.means.map { [$0] }), folder, "sobol_Y.csv")
        try write(csv((0..<n).map { i in draws.map { $0[i] } }), folder, "sobol_resamples.csv")
        try write(estimates.joined(separator: "\n") + "\n", folder, "sobol_sinergi.csv")
    }

    /// Sobol' G on 30 trajectories of a 6-level grid.
    func writeMorrisCase(to folder: URL) throws {
        let trajectories = 30, levels = 6, resamples = 100, seed: UInt64 = 13
        let sample = try MorrisSample(factorCount: 8, trajectories: trajectories, levels: levels, seed: 3)
        let outputs = try SensitivityTestFunction.gFunction.outputs(points: points(of: sample), replicates: 1, seed: 1)
        let indices = try MorrisAnalysis.analyze(
            sample, outputs: outputs, options: MorrisOptions(bootstrapResamples: resamples, bootstrapSeed: seed))
        let resampling = try BootstrapResampling(size: trajectories, resamples: resamples, seed: seed)
        var estimates = ["index,factor,estimate,standard_error"]
        for (name, values) in [("mu", indices.mu), ("mu_star", indices.muStar), ("sigma", indices.sigma)] {
            for (i, s) in values.enumerated() { estimates.append("\(name),\(i),\(s.estimate),\(s.standardError)") }
        }
        try write(#"{"factors": 8, "trajectories": 30, "levels": 6, "resamples": 100}"#, folder, "morris.json")
        try write(csv(points(of: sample)), folder, "morris_X.csv")
        try write(csv(outputs.means.map { [$0] }), folder, "morris_Y.csv")
        try write(
            csv((0..<resamples).map { resampling.units(ofResample: $0) }), folder,
            "morris_resamples.csv")
        try write(estimates.joined(separator: "\n") + "\n", folder, "morris_sinergi.csv")
    }

    /// Rows of numbers as CSV without a header, each at full precision (shortest round trip).
    func csv<Value>(_ rows: [[Value]]) -> String {
        rows.map { $0.map { "\($0)" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    func write(_ text: String, _ folder: URL, _ name: String) throws {
        try text.write(to: folder.appending(path: name), atomically: true, encoding: .utf8)
    }
}
