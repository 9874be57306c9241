// Instruction counts of the simulation core under `valgrind --tool=callgrind`, which cannot
// run the `sinergi` command itself: its asynchronous main parks the main thread in
// libdispatch's sigsuspend, where valgrind 3.19–3.24 stops with an internal error. This
// program is synchronous and runs what a worker thread of `sinergi run` runs for each
// replicate (ReplicateRunner on one workspace), nothing else:
//
//   sinergi-callgrind SCENARIO.yaml REPLICATES [SEED]
//   sinergi-callgrind --whole-run SCENARIO.yaml REPLICATES [SEED]
//
// With --whole-run it runs a whole `sinergi run --threads 1` instead (wholeRun below):
// statistics, files and report included, for the cost of a run against the core's.
//
// It prints the replicates, months and a checksum of every replicate's outcomes (so that
// the work cannot be optimised away and two builds can be seen to compute the same thing).
// docs/performance.md, "Instructions per replicate-month", takes the difference of two runs
// with different REPLICATES, so that loading the scenario and starting the process cancel.
import Foundation
import SinergiModel
import SinergiScenario

let whole = CommandLine.arguments.dropFirst().first == "--whole-run"
let arguments = whole ? [CommandLine.arguments[0]] + CommandLine.arguments.dropFirst(2) : CommandLine.arguments
guard arguments.count >= 3, let replicates = Int(arguments[2]), replicates > 0 else {
    FileHandle.standardError.write(
        Data("usage: sinergi-callgrind [--whole-run] SCENARIO.yaml REPLICATES [SEED]\n".utf8))
    exit(64)
}
let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1
if whole {
    do {
        let (months, spbe) = try wholeRun(path: arguments[1], replicates: replicates, seed: seed)
        print("replicates \(replicates), months \(months), mean final SPBE \(spbe)")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("sinergi-callgrind: \(error)\n".utf8))
        exit(1)
    }
}
do {
    let input = try ScenarioLoader.load(path: arguments[1]).input
    let runner = ReplicateRunner(input: input)
    let workspace = ReplicateWorkspace(algorithm: input.algorithm)
    var record = runner.makeRecord()
    var checksum = 0.0
    for replicate in 0..<replicates {
        try runner.run(replicate: replicate, masterSeed: seed, in: workspace, into: &record)
        for outcome in record.outcomes { checksum += outcome.finalSpbe }
    }
    print("replicates \(replicates), months \(input.months), checksum \(checksum)")
} catch {
    FileHandle.standardError.write(Data("sinergi-callgrind: \(error)\n".utf8))
    exit(1)
}
