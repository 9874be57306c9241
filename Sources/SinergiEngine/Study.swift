import Crypto
import Foundation
import SinergiModel
import SinergiStats

/// Runs a Monte Carlo study and writes its run folder.
public enum Study {
    /// What a finished run produced.
    public struct Outcome: Sendable {
        /// The run folder, e.g. results/classroom/20261122-101500-s1.
        public var folder: URL
        public var statistics: RunStatistics
        public var governments: [String]
        public var manifest: Manifest
    }

    /// Runs the request's replicates in parallel, summarises them and writes manifest.json,
    /// replicates.csv, timeseries.csv and summary.csv. Nothing is written when a replicate
    /// fails; the folder appears under its final name only once complete.
    public static func run(_ request: RunRequest) async throws(RunError) -> Outcome {
        let started = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let result = try await MonteCarlo.run(
            input: request.input, replicates: request.replicates, masterSeed: request.masterSeed,
            threads: request.threads)
        let names = request.input.governments.map(\.name)
        let statistics = RunStatistics(result: result, governmentNames: names)
        let files: [(String, String)] = [
            ("replicates.csv", DataFiles.replicates(result, governments: names)),
            ("timeseries.csv", DataFiles.timeseries(statistics)),
            ("summary.csv", DataFiles.summary(statistics)),
        ]
        let elapsed = clock.now - begin
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var manifest = Manifest(
            scenario: .init(path: request.scenarioPath, name: request.scenarioName,
                            sha256: sha256(Data(request.scenarioText.utf8)), resolved: request.resolvedScenario),
            randomness: .init(masterSeed: request.masterSeed, algorithm: request.input.algorithm.rawValue,
                              designPoint: 0, seedScheme: Manifest.seedScheme),
            replicates: request.replicates, threads: request.threads, months: request.input.months,
            governments: names, status: "complete",
            files: [:],
            timing: .init(created: ISO8601DateFormatter().string(from: started), wallSeconds: seconds,
                          replicatesPerSecond: seconds > 0 ? Double(request.replicates) / seconds : 0))
        for (name, text) in files { manifest.files[name] = sha256(Data(text.utf8)) }

        let folder = try RunFolder(root: request.outputRoot, slug: request.slug, seed: request.masterSeed, date: started)
        do throws(RunError) {
            for (name, text) in files { try folder.write(Data(text.utf8), to: name) }
            try folder.write(Data(ReportPage.html(statistics: statistics, manifest: manifest).utf8), to: "report.html")
            let json: Data
            do { json = try manifest.encoded() } catch { throw RunError.io("cannot encode the manifest: \(error)") }
            try folder.write(json, to: "manifest.json")
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
        return Outcome(folder: folder.final, statistics: statistics, governments: names, manifest: manifest)
    }

    /// Lower-case hexadecimal SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
