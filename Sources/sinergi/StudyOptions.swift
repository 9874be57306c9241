import ArgumentParser
import Foundation
import SinergiEngine
import SinergiModel

/// Options shared by the commands that run replicates (`run`, `compare`): values set over
/// the scenario, how many replicates, with which seed, on how many threads, where to, and
/// the precision stopping rule.
struct StudyOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set one scenario value before validation, e.g. parameters.trust.build=0.1 or "
                + "'governments[*].champion={uniform: [0.3, 0.7]}' (repeatable; see docs/cli.md).",
            valueName: "PATH=VALUE"))
    var settings: [String] = []

    @Option(name: .shortAndLong, help: "Number of replicates (default: the scenario's `replicates`).")
    var replicates: Int?

    @Option(name: .shortAndLong, help: "Master seed (default: the scenario's `seed`).")
    var seed: UInt64?

    @Option(
        name: .shortAndLong,
        help:
            "Worker threads (default: SLURM_CPUS_PER_TASK, else the CPUs this process may use). Results do not depend on it."
    )
    var threads: Int?

    @Option(name: .shortAndLong, help: "Results root folder.")
    var out: String = "results"

    @Option(help: "Stop when the 95% CI half-width of the metric is at most this.")
    var precision: Double?

    @Option(
        help: "Outcome the precision target applies to: spbe (final SPBE), gain, baik, adoption, trust, … (docs/cli.md)"
    )
    var metric: String = "spbe"

    @Option(help: "Where the precision target must hold: government (each one) or region (the region mean).")
    var scope: PrecisionTarget.Scope = .government

    @Option(help: "Fewest replicates under a precision target.")
    var minReplicates: Int = 100

    @Option(help: "Most replicates under a precision target.")
    var maxReplicates: Int = 100_000

    @Option(help: "Replicates per batch under a precision target (the target is checked between batches).")
    var batch: Int = 100

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the results folder (no progress bar, no table).")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Name of the results folder under <out>/<scenario>/ instead of the dated run id; it must not exist yet.",
            valueName: "NAME"))
    var name: String?

    @Flag(help: "Do not write report.html (the manifest records \"report\": false).")
    var noReport = false

    @Option(
        help: ArgumentHelp(
            "Monthly series to write: bands (timeseries.csv: mean and quantiles across replicates) or replicates "
                + "(also series.csv: every replicate's trajectory, long).",
            valueName: "bands|replicates"))
    var series: SeriesOutput = .bands

    @Flag(help: "Print one JSON object summarising the results on stdout, and nothing else there (docs/cli.md).")
    var json = false

    func validate() throws {
        if let replicates, replicates < 1 {
            throw ValidationError("--replicates must be at least 1, got \(replicates)")
        }
        if let threads { try Self.check(threads: threads) }
        if out.isEmpty { throw ValidationError("--out needs a folder name") }
        if let name { try Self.check(name: name) }
        _ = try outcome(metric)
        if let precision {
            if replicates != nil {
                throw ValidationError("--replicates and --precision exclude each other; use --max-replicates")
            }
            if !(precision > 0 && precision.isFinite) {
                throw ValidationError("--precision must be a finite half-width > 0, got \(precision)")
            }
            if minReplicates < 2 { throw ValidationError("--min-replicates must be at least 2") }
            if maxReplicates < minReplicates {
                throw ValidationError("--max-replicates must be at least --min-replicates")
            }
            if batch < 1 || batch > maxReplicates {
                throw ValidationError(
                    "--batch must be between 1 and --max-replicates (\(maxReplicates)), got \(batch)")
            }
        }
    }

    /// The stopping rule: the precision target on `column`, or a fixed count.
    func stopping(column: String, defaultReplicates: Int) -> StoppingRule {
        precision.map {
            .precision(
                PrecisionTarget(
                    metric: column, halfWidth: $0, scope: scope, minimum: minReplicates,
                    maximum: maxReplicates, batch: batch))
        } ?? .fixed(replicates: replicates ?? defaultReplicates)
    }

    /// The outcome called `name` (a name or an alias of the registry) among `allowed`, or a
    /// usage error (exit 64) whose text is the same for every option that names an outcome.
    func outcome(_ name: String, among allowed: [Outcome] = Outcome.all) throws -> Outcome {
        do {
            return try Outcome.named(name, among: allowed)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The most worker threads a command accepts: more than any machine's cores, few enough
    /// that a typo (`--threads 100000`) is an error and not 100,000 threads.
    static let maximumThreads = 1_024

    /// A usage error unless 1 ≤ `threads` ≤ ``maximumThreads``.
    static func check(threads: Int) throws {
        guard (1...maximumThreads).contains(threads) else {
            throw ValidationError(
                "--threads must be between 1 and \(maximumThreads), got \(threads) "
                    + "(this process may use \(AvailableCPUs.count()) CPUs)")
        }
    }

    /// A usage error unless `name` is one path component a results folder may have: not
    /// empty, no `/`, no leading dot (hidden and temporary folders start with one), no
    /// control characters, at most 200 bytes.
    static func check(name: String) throws {
        let problem: String?
        if name.isEmpty {
            problem = "is empty"
        } else if name.contains("/") {
            problem = "contains '/'"
        } else if name.hasPrefix(".") {
            problem = "starts with a dot"
        } else if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problem = "contains a control character"
        } else if name.utf8.count > 200 {
            problem = "is longer than 200 bytes"
        } else {
            problem = nil
        }
        if let problem {
            throw ValidationError(
                "--name \(problem): give one folder name such as baseline-2026 "
                    + "(no '/', no leading dot, no control characters)")
        }
    }

    /// Threads to use: the option, or every core.
    var threadCount: Int { threads ?? AvailableCPUs.count() }

    var outputRoot: URL { URL(fileURLWithPath: out, isDirectory: true) }
}

extension PrecisionTarget.Scope: ExpressibleByArgument {}

/// What `--series` writes besides the bands of timeseries.csv.
enum SeriesOutput: String, ExpressibleByArgument, CaseIterable {
    case bands, replicates
}
