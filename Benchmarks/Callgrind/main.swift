// Instruction counts of the simulation core under `valgrind --tool=callgrind`, which cannot
// run the `sinergi` command itself: its asynchronous main parks the main thread in
// libdispatch's sigsuspend, where valgrind 3.19–3.24 stops with an internal error. This
// program is synchronous and runs, on one thread, either what a worker thread of
// `sinergi run` runs for each replicate (ReplicateRunner on one workspace), nothing else:
//
//   sinergi-callgrind SCENARIO.yaml REPLICATES [SEED]
//
// or a whole `sinergi run --threads 1` (WholeRun.swift): statistics, files and report
// included, for the cost of a run against the core's:
//
//   sinergi-callgrind --whole-run SCENARIO.yaml REPLICATES [SEED]
//
// or what a worker of `sinergi sweep` does for each design point before simulating it (the
// scenario's model input with the point's value set, `ScenarioSource.input(with:)`, then
// the input compiled, `ReplicateRunner(input:reusing:)` from the first point's), for POINTS
// values of one factor, nothing else:
//
//   sinergi-callgrind --points PATH=LOW:HIGH SCENARIO.yaml POINTS
//
// The point values are LOW + u·(HIGH − LOW) for u = frac(i·φ), i = 0 … POINTS − 1 (the
// golden-ratio sequence), so that a run with fewer points resolves the first of the same
// values.
//
// It prints the count and a checksum (so that the work cannot be optimised away and two
// builds can be seen to compute the same thing). docs/performance.md, "Instructions per
// replicate-month" and "Sweeps", takes the difference of two runs with different counts,
// so that loading the scenario and starting the process cancel.
import Foundation
import SinergiModel
import SinergiScenario

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("sinergi-callgrind: \(message)\n".utf8))
    exit(status)
}

let usage = """
    usage: sinergi-callgrind SCENARIO.yaml REPLICATES [SEED]
           sinergi-callgrind --whole-run SCENARIO.yaml REPLICATES [SEED]
           sinergi-callgrind --points PATH=LOW:HIGH SCENARIO.yaml POINTS
    """

/// Runs `replicates` replicates of the scenario at `path`.
func replicates(path: String, replicates: Int, seed: UInt64) throws {
    let input = try ScenarioLoader.load(path: path).input
    let runner = ReplicateRunner(input: input)
    let workspace = ReplicateWorkspace(algorithm: input.algorithm)
    var record = runner.makeRecord()
    var checksum = 0.0
    for replicate in 0..<replicates {
        try runner.run(replicate: replicate, masterSeed: seed, in: workspace, into: &record)
        for outcome in record.outcomes { checksum += outcome.finalSpbe }
    }
    print("replicates \(replicates), months \(input.months), checksum \(checksum)")
}

/// Resolves and compiles `points` design points of the factor `factor` (PATH=LOW:HIGH) of
/// the scenario at `path`, as a sweep's workers do before simulating them.
func designPoints(factor: String, path: String, points: Int) throws {
    guard let (pathText, range) = ScenarioPath.splitAssignment(factor),
        let colon = range.firstIndex(of: ":"), let low = Double(range[..<colon]),
        let high = Double(range[range.index(after: colon)...])
    else { fail("--points expects PATH=LOW:HIGH, got '\(factor)'\n\(usage)", status: 64) }
    let factorPath = try ScenarioPath(pathText)
    let source = try ScenarioSource.load(path: path)
    let golden = (5.0.squareRoot() - 1) / 2
    // A sweep compiles its first point once and takes from it what the others do not change.
    let compiled = ReplicateRunner(input: try source.input(with: [ScenarioOverride(path: factorPath, number: low)]))
    var checksum = 0
    for i in 0..<points {
        let u = (Double(i) * golden).truncatingRemainder(dividingBy: 1)
        let value = low + u * (high - low)
        let input = try source.input(with: [ScenarioOverride(path: factorPath, number: value)])
        let runner = ReplicateRunner(input: input, reusing: compiled)
        checksum &+= runner.layout.count &+ runner.input.governments[0].agencies.count
    }
    print("points \(points), factor \(factor), checksum \(checksum)")
}

let arguments = CommandLine.arguments
do {
    if arguments.count == 5, arguments[1] == "--points", let points = Int(arguments[4]), points > 0 {
        try designPoints(factor: arguments[2], path: arguments[3], points: points)
    } else if arguments.count >= 4, arguments[1] == "--whole-run", let count = Int(arguments[3]), count > 0 {
        let seed = arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1
        let (months, spbe) = try wholeRun(path: arguments[2], replicates: count, seed: seed)
        print("replicates \(count), months \(months), mean final SPBE \(spbe)")
    } else if arguments.count >= 3, !arguments[1].hasPrefix("--"), let count = Int(arguments[2]), count > 0 {
        try replicates(path: arguments[1], replicates: count, seed: arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1)
    } else {
        fail(usage, status: 64)
    }
} catch {
    fail("\(error)", status: 1)
}
