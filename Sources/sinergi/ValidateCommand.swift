import ArgumentParser
import SinergiEngine
import SinergiScenario

/// `sinergi validate SCENARIO…`: check scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files; print every error as file:line:column: error: message."
    )

    @Argument(help: "Scenario files to check.")
    var scenarios: [String]

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        var failed = false
        for path in scenarios {
            do {
                let scenario = try loadScenario(path)
                let input = scenario.input
                let agencies = input.governments.reduce(0) { $0 + $1.agencies.count }
                let initiatives = input.governments.reduce(0) { $0 + $1.initiatives.count }
                say(
                    "\(path): ok — \(input.governments.count) government\(input.governments.count == 1 ? "" : "s"), "
                        + "\(agencies) agencies, \(initiatives) initiatives, \(input.interventions.count) baseline intervention\(input.interventions.count == 1 ? "" : "s"), "
                        + "\(scenario.policies.count) policy package\(scenario.policies.count == 1 ? "" : "s")")
                let threads = AvailableCPUs.count()
                say("  memory for a run: \(MemoryEstimate(input: input, threads: threads).summary)")
                if !scenario.policies.isEmpty {
                    let compare = MemoryEstimate(input: input, threads: threads, arms: scenario.policies.count + 1)
                    say("  memory to compare every package: about \(MemoryEstimate.text(compare.total))")
                }
            } catch {
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
