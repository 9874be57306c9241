import Foundation
import Testing

/// `sinergi sensitivity` as a user runs it: on test functions whose indices are known, on
/// bad input, and on a small scenario run whole, in shards and merged.
@Suite struct SensitivityCommandTests {
    /// indices.csv's rows, by "government|outcome|factor|index".
    struct Index {
        var estimate: Double
        var low: Double
        var high: Double

        func holds(_ exact: Double) -> Bool { low <= exact && exact <= high }
    }

    static func indices(_ folder: URL) throws -> [String: Index] {
        let text = try String(contentsOf: folder.appendingPathComponent("indices.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        #expect(lines.removeFirst() == "government,outcome,factor,index,estimate,ci95_low,ci95_high")
        var indices: [String: Index] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 7, "\(line)")
            guard fields.count == 7 else { continue }
            indices[fields[0..<4].joined(separator: "|")] = Index(
                estimate: Double(fields[4]) ?? .nan, low: Double(fields[5]) ?? .nan, high: Double(fields[6]) ?? .nan)
        }
        return indices
    }

    /// Runs `sinergi sensitivity arguments… --into <root>/<name>` and returns the folder.
    static func analyse(_ arguments: [String], root: URL, name: String) throws -> URL {
        let folder = root.appendingPathComponent(name)
        let result = try Sinergi.run(["sensitivity"] + arguments + ["--into", folder.path, "--quiet"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return folder
    }

    // Exact indices (Ishigami & Homma 1990 with a = 7, b = 0.1; Sobol' 1993 G function with
    // a = 0, 1, 4.5, 9, 99, 99, 99, 99), computed here from their closed forms.
    static let ishigamiVariance = 49.0 / 8 + 0.1 * pow(Double.pi, 4) / 5 + 0.01 * pow(Double.pi, 8) / 18 + 0.5
    static let ishigamiFirst = [
        0.5 * pow(1 + 0.1 * pow(Double.pi, 4) / 5, 2) / ishigamiVariance, 49.0 / 8 / ishigamiVariance, 0,
    ]
    static let ishigamiS13 = 8 * 0.01 * pow(Double.pi, 8) / 225 / ishigamiVariance
    static let ishigamiTotal = [ishigamiFirst[0] + ishigamiS13, ishigamiFirst[1], ishigamiS13]

    @Test func sobolOnIshigamiHoldsTheExactIndicesInItsIntervals() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try Self.analyse(
            ["--function", "ishigami", "--method", "sobol", "--samples", "1024", "--seed", "3", "--bootstrap", "200"],
            root: root, name: "ishigami")
        let indices = try Self.indices(folder)
        for (i, factor) in ["x1", "x2", "x3"].enumerated() {
            let first = try #require(indices["ishigami|y|\(factor)|S1"])
            let total = try #require(indices["ishigami|y|\(factor)|ST"])
            #expect(first.holds(Self.ishigamiFirst[i]), "S1 \(factor): \(first) against \(Self.ishigamiFirst[i])")
            #expect(total.holds(Self.ishigamiTotal[i]), "ST \(factor): \(total) against \(Self.ishigamiTotal[i])")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            names == ["convergence.csv", "design.csv", "indices.csv", "manifest.json", "points.csv", "report.html"])
        // convergence.csv: the indices at N/8, N/4, N/2 and N, as indices.csv's at N.
        let convergence = try String(contentsOf: folder.appendingPathComponent("convergence.csv"), encoding: .utf8)
        let steps = Set(convergence.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] })
        #expect(steps == ["128", "256", "512", "1024"])
        let report = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("data-chart=\"sobol-0\""))
    }

    @Test func sobolOnTheGFunctionHoldsTheExactIndicesInItsIntervals() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try Self.analyse(
            [
                "--function", "g-function", "--method", "sobol", "--samples", "1024", "--seed", "3", "--bootstrap",
                "200",
            ],
            root: root, name: "g")
        let indices = try Self.indices(folder)
        let a = [0, 1, 4.5, 9, 99, 99, 99, 99]
        let partial = a.map { 1 / (3 * (1 + $0) * (1 + $0)) }
        let variance = partial.reduce(1) { $0 * (1 + $1) } - 1
        for i in a.indices {
            let first = partial[i] / variance
            let total = partial.indices.reduce(partial[i]) { $1 == i ? $0 : $0 * (1 + partial[$1]) } / variance
            let s1 = try #require(indices["g-function|y|x\(i + 1)|S1"])
            let st = try #require(indices["g-function|y|x\(i + 1)|ST"])
            #expect(s1.holds(first), "S1 x\(i + 1): \(s1) against \(first)")
            #expect(st.holds(total), "ST x\(i + 1): \(st) against \(total)")
        }
    }

    /// Ishigami plus Normal(0, 4) noise per evaluation, R = 2: each replicate mean carries
    /// noise of variance 2, which inflates the naive V and Jansen's ST numerator by 2 each
    /// (docs/statistics.md); the corrected indices must find Ishigami's, the naive ones not.
    @Test func noiseCorrectionFindsIshigamiUnderNoiseAndTheNaiveIndicesMiss() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let common = [
            "--function", "noisy-ishigami", "--method", "sobol", "--samples", "4096", "--replicates", "2", "--seed",
            "5", "--bootstrap", "200",
        ]
        let corrected = try Self.indices(try Self.analyse(common, root: root, name: "corrected"))
        let naive = try Self.indices(
            try Self.analyse(common + ["--no-noise-correction"], root: root, name: "naive"))
        for (i, factor) in ["x1", "x2", "x3"].enumerated() {
            let first = try #require(corrected["noisy-ishigami|y|\(factor)|S1"])
            let total = try #require(corrected["noisy-ishigami|y|\(factor)|ST"])
            #expect(first.holds(Self.ishigamiFirst[i]), "S1 \(factor): \(first) against \(Self.ishigamiFirst[i])")
            #expect(total.holds(Self.ishigamiTotal[i]), "ST \(factor): \(total) against \(Self.ishigamiTotal[i])")
        }
        let share = try #require(corrected["noisy-ishigami|y|(seed)|noise_share"])
        #expect(share.holds(4 / (Self.ishigamiVariance + 4)), "noise share \(share)")
        // Naive: V is 2 too large, so S1 shrinks and ST of x3 grows by about 2 / V.
        let naiveTotal3 = try #require(naive["noisy-ishigami|y|x3|ST"])
        let naiveFirst2 = try #require(naive["noisy-ishigami|y|x2|S1"])
        #expect(naiveTotal3.low > Self.ishigamiTotal[2], "naive ST x3 \(naiveTotal3)")
        #expect(naiveFirst2.high < Self.ishigamiFirst[1], "naive S1 x2 \(naiveFirst2)")
    }

    @Test func morrisOnIshigamiRanksTheFactors() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try Self.analyse(
            [
                "--function", "ishigami", "--method", "morris", "--trajectories", "64", "--seed", "2", "--bootstrap",
                "200",
            ],
            root: root, name: "morris")
        let indices = try Self.indices(folder)
        // x3 has no first-order effect but the largest interaction, x2 no interaction:
        // σ of x2 is the smallest relative to its μ*.
        let muStar = try ["x1", "x2", "x3"].map { try #require(indices["ishigami|y|\($0)|mu_star"]).estimate }
        let sigma = try ["x1", "x2", "x3"].map { try #require(indices["ishigami|y|\($0)|sigma"]).estimate }
        #expect(muStar.allSatisfy { $0 > 0 })
        #expect(sigma[1] / muStar[1] < sigma[2] / muStar[2])
        let report = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("data-chart=\"morris-0\""))
    }

    static let factors = [
        "--factor", "parameters.trust.build=0.02:0.2", "--factor", "defaults.agency.ego=0.2:0.8",
    ]

    @Test(arguments: [
        ["Scenarios/classroom.yaml", "--method", "sobol", "--samples", "8", "--levels", "4"] + factors,
        ["Scenarios/classroom.yaml", "--method", "sobol", "--samples", "100"] + factors,
        ["Scenarios/classroom.yaml", "--method", "morris", "--factor", "parameters.trust.build=0.02:0.2"],
        ["Scenarios/classroom.yaml", "--method", "sobol", "--samples", "8", "--replicates", "1"] + factors,
        ["Scenarios/classroom.yaml", "--method", "sobol", "--samples", "8", "--outcome", "spbe,happiness"] + factors,
        ["--function", "noisy-ishigami", "--method", "sobol", "--samples", "8", "--replicates", "1"],
    ])
    func badInputIsOneLineExit64AndWritesNothing(_ arguments: [String]) throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run(["sensitivity"] + arguments + ["--out", out.path])
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(Sinergi.files(below: out).isEmpty, "bad input must write nothing")
    }

    static func seedsByPoint(_ folder: URL) throws -> [Int: [String]] {
        let text = try String(contentsOf: folder.appendingPathComponent("replicates.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = lines.removeFirst().map(String.init)
        let point = try #require(header.firstIndex(of: "point"))
        let seed = try #require(header.firstIndex(of: "seed"))
        var seeds: [Int: [String]] = [:]
        for line in lines { seeds[Int(line[point]) ?? -1, default: []].append(String(line[seed])) }
        return seeds
    }

    @Test(arguments: [
        ["--method", "sobol", "--samples", "4", "--second-order"], ["--method", "morris", "--trajectories", "4"],
    ])
    /// A small analysis of the classroom scenario: indices.csv's shape, the seeds shared
    /// within a base row (trajectory), and two shards on two threads merged to the bytes of
    /// the whole run on one.
    func aScenarioAnalysisShardsAndMergesToTheSameIndices(_ method: [String]) throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments =
            ["Scenarios/classroom.yaml"] + method + Self.factors + [
                "--replicates", "3", "--seed", "7", "--bootstrap", "50", "--outcome", "spbe,adoption",
            ]
        let whole = try Self.analyse(arguments + ["--threads", "1"], root: root, name: "whole")
        let sobol = method[1] == "sobol"
        let block = 4 + (sobol ? 2 : -1)  // 2k + 2 rows per base row, k + 1 per trajectory
        let names = try FileManager.default.contentsOfDirectory(atPath: whole.path).sorted()
        #expect(
            names == [
                "convergence.csv", "design.csv", "indices.csv", "manifest.json", "points.csv", "replicates.csv",
                "report.html", "sweep.sqlite",
            ])
        let indices = try Self.indices(whole)
        let perOutcome = sobol ? 2 + 2 + 1 + 1 : 3 * 2 + 1  // S1, ST, S2, seed; or mu, mu_star, sigma, seed
        #expect(indices.count == 2 * perOutcome)
        let share = try #require(indices["Kota Contoh|final_spbe|(seed)|noise_share"])
        #expect(share.estimate >= 0 && share.estimate <= 1)
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: whole.appendingPathComponent("manifest.json")))
                as? [String: Any])
        #expect(manifest["command"] as? String == "sensitivity")
        let plan = try #require(manifest["sensitivity"] as? [String: Any])
        #expect(plan["method"] as? String == method[1])

        // Replicate r's seed is shared within a base row (trajectory) and fresh across them.
        let seeds = try Self.seedsByPoint(whole)
        #expect(seeds.count == 4 * block)
        for point in 0..<seeds.count {
            #expect(seeds[point] == seeds[point / block * block], "point \(point)")
        }
        #expect(seeds[0] != seeds[block])

        var shards: [String] = []
        for index in 1...2 {
            let shard = try Self.analyse(
                arguments + ["--shard", "\(index)/2", "--threads", "2"], root: root, name: "shard-\(index)")
            shards.append(shard.path)
        }
        let merged = root.appendingPathComponent("merged")
        let merge = try Sinergi.run(["merge"] + shards + ["--into", merged.path, "--quiet"])
        #expect(merge.status == 0, "\(merge.stderr)")
        for name in ["design.csv", "replicates.csv", "indices.csv", "convergence.csv"] {
            #expect(
                try Data(contentsOf: merged.appendingPathComponent(name))
                    == Data(contentsOf: whole.appendingPathComponent(name)), "\(name)")
        }
    }
}

extension SensitivityCommandTests {
    /// `--slurm` writes a job folder whose array tasks and merge job, run here by hand as
    /// Slurm would run them (no cluster needed), give the indices of an unsharded run.
    @Test func aSlurmJobFolderRunsToTheSameIndices() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments =
            ["Scenarios/classroom.yaml", "--method", "sobol", "--samples", "4"] + Self.factors + [
                "--replicates", "3", "--seed", "9", "--bootstrap", "40",
            ]
        let written = try Sinergi.run(
            ["sensitivity"] + arguments + [
                "--slurm", "--shards", "3", "--max-array-size", "100", "--out",
                root.appendingPathComponent("jobs").path,
            ])
        #expect(written.status == 0, "\(written.stderr)")
        let line = try #require(written.stdout.split(separator: "\n").first { $0.hasPrefix("Job folder: ") })
        let job = URL(fileURLWithPath: String(line.dropFirst("Job folder: ".count)))
        let bash = URL(fileURLWithPath: "/bin/bash")
        let environment = ["SLURM_SUBMIT_DIR": job.path, "SINERGI": Sinergi.executable.path]
        for task in 0..<3 {
            let run = try Sinergi.capture(
                bash, [job.appendingPathComponent("array.sbatch").path],
                environment: environment.merging(["SLURM_ARRAY_TASK_ID": String(task)]) { $1 })
            #expect(run.status == 0, "task \(task): \(run.stderr)")
        }
        let merge = try Sinergi.capture(
            bash, [job.appendingPathComponent("merge.sbatch").path], environment: environment)
        #expect(merge.status == 0, "\(merge.stderr)")
        let whole = try Self.analyse(arguments, root: root, name: "whole")
        for name in ["indices.csv", "convergence.csv"] {
            #expect(
                try Data(contentsOf: job.appendingPathComponent("merged/\(name)"))
                    == Data(contentsOf: whole.appendingPathComponent(name)), "\(name)")
        }
    }
}

/// SALib's `sobol.analyze` and `morris.analyze` on the sample matrix and outputs that
/// `sinergi sensitivity --function` used (design.csv, points.csv's means) agree with its
/// indices.csv to 1e-9 (Tests/SALib/check_salib.py --command; noise correction off). The
/// Python is $SINERGI_PYTHON or .venv-notebooks/bin/python, as for the SALib cross-check.
@Suite struct SensitivityCommandSALibTests {
    @Test(arguments: [
        ["--function", "ishigami", "--method", "sobol", "--samples", "256", "--second-order"],
        [
            "--function", "noisy-ishigami", "--method", "sobol", "--samples", "256", "--replicates", "2",
            "--no-noise-correction",
        ],
        ["--function", "noisy-ishigami", "--method", "morris", "--trajectories", "20", "--replicates", "3"],
    ])
    func salibFindsTheSameIndicesFromTheCommandsFiles(_ arguments: [String]) throws {
        let environment = ProcessInfo.processInfo.environment
        let python =
            environment["SINERGI_PYTHON"]
            ?? Sinergi.packageRoot.appendingPathComponent(".venv-notebooks/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record(
                "no Python with SALib at \(python): run `make notebooks` (it builds .venv-notebooks) or set SINERGI_PYTHON"
            )
            return
        }
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try SensitivityCommandTests.analyse(
            arguments + ["--seed", "3", "--bootstrap", "20"], root: root, name: "analysis")
        let check = try Sinergi.capture(
            URL(fileURLWithPath: python),
            [Sinergi.packageRoot.appendingPathComponent("Tests/SALib/check_salib.py").path, "--command", folder.path])
        #expect(check.status == 0, "check_salib.py --command:\n\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("ok   command"), "\(check.stdout)")
    }
}
