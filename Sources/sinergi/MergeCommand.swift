import ArgumentParser
import Foundation
import SinergiEngine
import SinergiReport

/// `sinergi merge SHARD…`: the shards of a sweep, checked and written as one sweep folder.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard folders of a sweep (sweep --shard I/N) into one sweep folder.",
        discussion: """
            Checks that every shard is complete and of the same sweep (scenario, factors, design, \
            replicates and seed), that every design point is in exactly one shard, and reports \
            missing and duplicate points by number. The merged folder's data files (design.csv, \
            points.csv, replicates.csv) are byte-identical to those of the same sweep run unsharded.
            """
    )

    @Argument(help: "Shard folders, e.g. shards/shard-*.")
    var shards: [String]

    @Option(help: "The folder to write (must not exist).")
    var into: String

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the results folder.")
    var quiet = false

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the shard folders to merge") }
        if into.isEmpty { throw ValidationError("--into needs a folder name") }
    }

    func run() throws {
        let folders = shards.map { URL(fileURLWithPath: $0, isDirectory: true) }
        if !quiet { printError("Merging \(folders.count) shard folder\(folders.count == 1 ? "" : "s")…") }
        let outcome: Sweep.Outcome
        do {
            outcome = try Sweep.merge(
                shards: folders, into: URL(fileURLWithPath: into, isDirectory: true), report: HTMLReport())
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        if !quiet, let manifest = outcome.manifest, let sweep = manifest.sweep {
            say(
                "Merged \(sweep.points) points × \(sweep.replicatesPerPoint) replicates from \(folders.count) shards.")
        }
        say("Results: \(outcome.folder.path)")
    }
}
