import ArgumentParser
import Foundation
import SinergiEngine
import SinergiReport
import SinergiScenario

/// `sinergi sweep SCENARIO --factor …`: the scenario over an experimental design, every
/// point with the same replicate seeds, into a crash-safe store; or, with `--slurm`, the job
/// folder that runs it as Slurm job arrays.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over an experimental design of factor values (grid, lhs, sobol, morris, csv).",
        discussion: """
            Writes design.csv first, then runs every design point with the same replicate seeds \
            (common random numbers), committing each point to sweep.sqlite as it completes, and \
            at the end points.csv, replicates.csv, report.html and manifest.json. Ctrl-C keeps \
            the completed points; --resume continues with exactly the missing ones. --shard I/N \
            runs a slice of the points (sinergi merge joins the shards); --slurm writes a job \
            folder for a Slurm cluster instead of running (docs/cluster.md).
            """
    )

    @Argument(
        help: """
            Scenario file (YAML), e.g. Scenarios/classroom.yaml, or a sweep file (top-level key \
            'sweep', docs/cli.md) that names the scenario and the options; options given here \
            override the file's.
            """)
    var scenario: String?

    @Option(
        help: ArgumentHelp(
            "Rerun the sweep (or shard) of this manifest.json from its resolved scenario and the design.csv beside "
                + "it, and check that its data files come out byte-identical.", valueName: "MANIFEST"))
    var replay: String?

    @Option(
        name: .customLong("factor"),
        help: ArgumentHelp(
            "A factor: PATH=LOW:HIGH[,log][,integer] or PATH=v1,v2,… (repeatable).", valueName: "PATH=RANGE"))
    var factors: [String] = []

    @Option(help: "The design: grid, lhs, sobol, morris or csv:FILE (default: grid).")
    var design: String?

    @Option(help: "Points (lhs; sobol: a power of two) or trajectories (morris).")
    var points: Int?

    @Option(help: "Values per range factor (grid) or grid levels (morris).")
    var levels: Int?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Set one scenario value for every point (repeatable).", valueName: "PATH=VALUE"))
    var settings: [String] = []

    @Option(name: .shortAndLong, help: "Replicates per design point (default: 10).")
    var replicates: Int?

    @Option(name: .shortAndLong, help: "Master seed (default: the scenario's `seed`); also seeds lhs and morris.")
    var seed: UInt64?

    @Option(
        name: .shortAndLong,
        help: "Worker threads (default: SLURM_CPUS_PER_TASK, else the CPUs this process may use).")
    var threads: Int?

    @Option(name: .shortAndLong, help: "Results root folder.")
    var out: String = "results"

    @Option(help: "Write exactly this folder (it must not exist) instead of <out>/<scenario>/sweep-<run-id>.")
    var into: String?

    @Option(help: "Run shard I of N: the points p with p mod N = I − 1.")
    var shard: String?

    @Option(help: "Continue the incomplete sweep in this folder: run exactly its missing points.")
    var resume: String?

    @Option(
        name: .customLong("heatmap"),
        help: ArgumentHelp("Two factor paths for a heat map in the report, A,B (repeatable).", valueName: "A,B"))
    var heatmaps: [String] = []

    @OptionGroup var cluster: SlurmOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the results folder.")
    var quiet = false

    func validate() throws {
        if (scenario == nil) == (replay == nil) {
            throw ValidationError("give a scenario (or sweep file), or --replay MANIFEST, but not both")
        }
        if replay != nil
            && (!factors.isEmpty || design != nil || points != nil || levels != nil || !settings.isEmpty
                || replicates != nil || seed != nil || shard != nil || resume != nil || into != nil || cluster.slurm)
        {
            throw ValidationError(
                "--replay takes everything from the manifest; only --threads, --out and --quiet may go with it")
        }
        if let replicates, replicates < 1 {
            throw ValidationError("--replicates must be at least 1, got \(replicates)")
        }
        if let threads { try StudyOptions.check(threads: threads) }
        if let shard {
            do { _ = try ShardSpec(parsing: shard) } catch { throw ValidationError(error.message) }
        }
        if let problem = cluster.problem(shard: shard, resume: resume, into: into) { throw ValidationError(problem) }
        if resume != nil && into != nil { throw ValidationError("--resume continues its own folder; drop --into") }
    }

    func run() async throws {
        if let replay { return try await replaySweep(replay) }
        let options = try SweepOptions(command: self, file: try readSweepFile())
        let overrides = try readOverrides(options.settings.map(\.argument))
        let source = try loadSource(options.scenario)
        // The points' values go over the scenario with --set, which is read once.
        let set: ScenarioSource
        do { set = try source.setting(overrides) } catch {
            for line in error.lines() { printError(options.located(line, among: options.settings)) }
            throw ExitCode.validationFailure
        }
        let base = set.scenario
        let seed = options.seed ?? base.seed
        let made = try makeDesign(source, options: options, seed: seed)
        let pairs = try heatmapPairs(made.factors.map(\.name), options: options)
        if cluster.slurm {
            try writeJobFolder(base, design: made, seed: seed, options: options)
            return
        }
        let request = SweepRequest(
            scenarioPath: base.path, scenarioName: base.name, slug: base.slug, scenarioText: base.sourceText,
            resolvedScenario: base.resolvedYAML, factors: made.factors.map(\.name),
            designMethod: methodLabel(made, levels: options.levels), design: made.points,
            input: { point in try set.input(with: made.overrides(at: point)) },
            governments: base.input.governments.map(\.name), replicates: options.replicates, masterSeed: seed,
            threads: threads ?? AvailableCPUs.count(), shard: try shard.map { try ShardSpec(parsing: $0) } ?? .whole,
            outputRoot: URL(fileURLWithPath: out, isDirectory: true),
            into: into.map { URL(fileURLWithPath: $0, isDirectory: true) },
            resume: resume.map { URL(fileURLWithPath: $0, isDirectory: true) }, overrides: overrides.map(\.description))
        try checkMemory(base.input, threads: request.threads)
        var withPairs = request
        withPairs.heatmaps = pairs
        try await runSweep(withPairs)
    }

    /// The sweep file the argument names, or nil when it names a scenario (or nothing
    /// readable, which the scenario loader then reports). A sweep file with problems is a
    /// usage error: every problem at its line and column, exit 64, nothing written.
    private func readSweepFile() throws -> SweepFile? {
        guard let scenario, let data = FileManager.default.contents(atPath: scenario),
            SweepFile.isSweepFile(text: String(decoding: data, as: UTF8.self))
        else { return nil }
        do {
            return try SweepFile.load(path: scenario)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            let count = error.diagnostics.count
            printError("\(scenario): \(count) error\(count == 1 ? "" : "s"); nothing was run or written")
            throw ExitCode.validationFailure
        }
    }

    private func methodLabel(_ design: Design, levels: Int?) -> String {
        var label = "\(design.method), \(design.count) points"
        if let levels { label += ", \(levels) levels" }
        return label
    }

    /// The factors read and checked against the scenario, and the design made from them.
    private func makeDesign(_ source: ScenarioSource, options: SweepOptions, seed: UInt64) throws -> Design {
        var parsed: [Factor] = []
        for factor in options.factors {
            do throws(DesignError) {
                let read = try Factor(factor.argument)
                if parsed.contains(where: { $0.path == read.path }) {
                    throw DesignError.factor(
                        read.description, problem: "another --factor varies '\(read.path)' already")
                }
                try read.check(against: source)
                parsed.append(read)
            } catch {
                for line in error.lines { printError(options.located(line, at: factor.entry)) }
                throw ExitCode.validationFailure
            }
        }
        do throws(DesignError) {
            let method = try DesignMethods.method(
                options.design.argument,
                settings: DesignSettings(points: options.points, levels: options.levels, seed: seed))
            let made = try method.design(for: parsed)
            guard made.count > 0 else {
                throw DesignError.design(options.design.argument, problem: "the design has no points")
            }
            return made
        } catch {
            for line in error.lines { printError(options.located(line, at: options.design.entry)) }
            throw ExitCode.validationFailure
        }
    }

    private func heatmapPairs(_ names: [String], options: SweepOptions) throws -> [(Int, Int)] {
        try options.heatmaps.map { heatmap in
            let text = heatmap.argument
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0] != parts[1], let a = names.firstIndex(of: parts[0]),
                let b = names.firstIndex(of: parts[1])
            else {
                printError(
                    options.located(
                        "error: --heatmap \(text): expected two different factor paths A,B among "
                            + names.joined(separator: ", "), at: heatmap.entry))
                throw ExitCode.validationFailure
            }
            return (a, b)
        }
    }

    @discardableResult
    func runSweep(_ request: SweepRequest) async throws -> Manifest? {
        let shardPoints = request.shard.points(of: request.design.count).count
        if !quiet {
            printError(
                "Sweeping '\(request.scenarioName)': \(request.design.count) points (\(request.designMethod))"
                    + (request.shard.count > 1 ? ", shard \(request.shard): \(shardPoints) of them" : "")
                    + " × \(request.replicates) replicates on \(request.threads) thread\(request.threads == 1 ? "" : "s")…"
            )
        }
        let finished = try await WatchedStudy(quiet: quiet, replicatesPerPoint: request.replicates).run(
            scenarioPath: request.scenarioPath
        ) {
            control in
            try await Sweep.run(request, control: control, report: HTMLReport())
        }
        let outcome = finished.outcome
        if outcome.interrupted {
            let done = shardPoints - (shardPoints - outcome.pointsRun)
            printError(
                "Interrupted: the completed points are in \(outcome.folder.path)/sweep.sqlite (\(done) run now). "
                    + "Resume with the same command and --resume '\(outcome.folder.path)'.")
            throw finished.interruptedExitCode
        }
        if !quiet {
            say(
                "Sweep of \(request.design.count) points × \(request.replicates) replicates"
                    + (request.shard.count > 1 ? " (shard \(request.shard))" : "")
                    + ": \(outcome.pointsRun) points run.")
        }
        say("Results: \(outcome.folder.path)")
        return outcome.manifest
    }

    /// `--slurm`: the job folder, with the scenario as it is, the design, and the scripts.
    private func writeJobFolder(_ base: Scenario, design made: Design, seed: UInt64, options: SweepOptions) throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let parent = URL(fileURLWithPath: out, isDirectory: true).appendingPathComponent(base.slug)
        var folder = parent.appendingPathComponent("sweep-\(formatter.string(from: Date()))-s\(seed)-slurm")
        var suffix = 2
        while FileManager.default.fileExists(atPath: folder.path) {
            folder = parent.appendingPathComponent(
                "sweep-\(formatter.string(from: Date()))-s\(seed)-slurm-\(suffix)")
            suffix += 1
        }
        var arguments = ["sweep", "scenario.yaml"]
        for factor in options.factors { arguments += ["--factor", factor.argument] }
        arguments += ["--design", "csv:design.csv", "--replicates", String(options.replicates), "--seed", String(seed)]
        for setting in options.settings { arguments += ["--set", setting.argument] }
        for pair in options.heatmaps { arguments += ["--heatmap", pair.argument] }
        let resources = cluster.resources
        let job = SlurmJobFolder(
            shards: cluster.shards, resources: resources, taskArguments: arguments,
            executable: Self.executablePath(), jobName: "sinergi-\(base.slug)")
        let files = FileManager.default
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["logs", "shards"] {
                try files.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            }
            try Data(base.sourceText.utf8).write(to: folder.appendingPathComponent("scenario.yaml"))
            try Data(made.csv.utf8).write(to: folder.appendingPathComponent("design.csv"))
            for (name, text) in job.scripts() {
                let url = folder.appendingPathComponent(name)
                try Data(text.utf8).write(to: url)
                try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            }
        } catch {
            try? files.removeItem(at: folder)
            printError("error: cannot write the job folder \(folder.path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let arrays = SlurmJobFolder.arrays(shards: cluster.shards, maxArraySize: resources.maxArraySize).count
        if !quiet {
            say(
                "Wrote a Slurm job folder for \(made.count) points × \(options.replicates) replicates in \(cluster.shards) shards "
                    + "(\(arrays) job array\(arrays == 1 ? "" : "s") of at most \(resources.maxArraySize) tasks).")
            say("Submit it with: bash \(folder.path)/submit.sh")
        }
        say("Job folder: \(folder.path)")
    }

    /// The absolute path of this executable, for the job scripts.
    static func executablePath() -> String {
        let argument = CommandLine.arguments[0]
        if argument.hasPrefix("/") { return URL(fileURLWithPath: argument).standardizedFileURL.path }
        if argument.contains("/") {
            return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(argument)
                .standardizedFileURL.path
        }
        return Bundle.main.executablePath ?? argument
    }

    /// MaxArraySize of the cluster this runs on, from `scontrol show config`; nil without Slurm.
    static func clusterMaxArraySize() -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["scontrol", "show", "config"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n")
        where line.hasPrefix("MaxArraySize") {
            if let value = line.split(separator: "=").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                return value
            }
        }
        return nil
    }
}
