import Dispatch
import Foundation
import SinergiEngine
import SinergiReport
import SinergiScenario

/// A whole `sinergi run --threads 1` of `path` with `replicates` replicates: simulation,
/// streamed statistics, the data files, report.html and the manifest, written under a
/// temporary folder that is removed afterwards. The study runs in a task while the main
/// thread waits on a semaphore (valgrind stops in the `sinergi` command's asynchronous
/// main, not here).
func wholeRun(path: String, replicates: Int, seed: UInt64) throws -> (months: Int, spbe: Double) {
    let scenario = try ScenarioLoader.load(path: path)
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sinergi-callgrind-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let request = RunRequest(
        scenarioPath: scenario.path, scenarioName: scenario.name, slug: scenario.slug,
        scenarioText: scenario.sourceText, resolvedScenario: scenario.resolvedYAML, input: scenario.input,
        stopping: .fixed(replicates: replicates), masterSeed: seed, threads: 1, outputRoot: root)
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: Result<Study.Outcome, RunError>? = nil
    Task {
        do throws(RunError) {
            result = .success(try await Study.run(request, report: HTMLReport()))
        } catch {
            result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    let outcome = try result!.get()
    let spbe = outcome.statistics.outcomes.first { $0.outcome == "final_spbe" }?.summary.mean ?? .nan
    return (scenario.input.months, spbe)
}
