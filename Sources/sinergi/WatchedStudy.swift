import ArgumentParser
import Foundation
import SinergiEngine

/// What every command that runs a study puts around it: SIGINT and SIGTERM turned into a
/// cancel of the study (`SignalTrap`), a progress bar on a terminal unless quiet, and a
/// failure printed as one line and turned into the exit code 128 + the signal, or 1.
struct WatchedStudy {
    let quiet: Bool
    var precisionTarget: Double? = nil
    var unit = "replicates"
    /// For a sweep: replicates per point, so the bar shows points and points/s.
    var replicatesPerPoint: Int? = nil

    /// The study's outcome, and the exit code to end with when it was interrupted.
    struct Finished<Outcome> {
        var outcome: Outcome
        /// 128 + the signal that interrupted the study, or 1 when it stopped otherwise.
        var interruptedExitCode: ExitCode
    }

    /// Runs `study` with a fresh `RunControl`; `scenarioPath` names the failure.
    func run<Outcome>(scenarioPath: String, _ study: (RunControl) async throws -> Outcome) async throws
        -> Finished<Outcome>
    {
        let control = RunControl()
        let trap = SignalTrap(control: control)
        let progress =
            (!quiet && ProgressBar.stderrIsTerminal)
            ? ProgressBar(
                control: control, precisionTarget: precisionTarget, unit: unit, replicatesPerPoint: replicatesPerPoint)
            : nil
        progress?.start()
        defer {
            progress?.stop()
            trap.release()
        }
        do {
            let outcome = try await study(control)
            return Finished(outcome: outcome, interruptedExitCode: ExitCode(trap.signal.map { 128 + $0 } ?? 1))
        } catch {
            progress?.stop()
            printError("error: \(scenarioPath): \(error)")
            if case RunError.folderTaken = error { throw ExitCode.validationFailure }
            throw ExitCode(trap.signal.map { 128 + $0 } ?? 1)
        }
    }
}
