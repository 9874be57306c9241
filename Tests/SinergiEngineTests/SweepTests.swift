import Foundation
import SinergiModel
import Testing

@testable import SinergiEngine

/// The sweep engine on the classroom scenario, with a design over the trust-building rate
/// set directly on the model input: points, shards, merge, resume and the store.
@Suite struct SweepTests {
    static let design: [[Double]] = (0..<7).map { (p: Int) -> [Double] in
        let build: Double = 0.02 + 0.02 * Double(p)
        let erode: Double = Double(p % 3) * 0.1
        return [build, erode]
    }

    static func request(root: URL, shard: ShardSpec = .whole, into: URL? = nil, resume: URL? = nil) throws
        -> SweepRequest
    {
        let scenario = try EngineFixtures.scenario("classroom")
        let base = scenario.input
        let design = Self.design
        return SweepRequest(
            scenarioPath: scenario.path, scenarioName: scenario.name, slug: scenario.slug,
            scenarioText: scenario.sourceText, resolvedScenario: scenario.resolvedYAML,
            factors: ["parameters.trust.build", "parameters.trust.erode"], designMethod: "test grid", design: design,
            input: { point in
                var input = base
                input.parameters.trust.build = design[point][0]
                input.parameters.trust.erode = 0.1 + design[point][1]
                return input
            }, governments: base.governments.map(\.name), replicates: 4, masterSeed: 9, threads: 2, shard: shard,
            outputRoot: root, into: into, resume: resume)
    }

    static func dataFiles(_ folder: URL) throws -> [String: Data] {
        try Dictionary(
            uniqueKeysWithValues: Sweep.dataFiles.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
    }

    @Test func everyPointRunsTheSameReplicateSeeds() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try await Sweep.run(Self.request(root: root))
        #expect(!outcome.interrupted)
        #expect(outcome.pointsRun == Self.design.count)
        let store = try SweepStore.open(outcome.folder.appendingPathComponent(SweepStore.fileName))
        #expect(try store.isComplete())
        let rows = try store.replicateRows(points: 0..<Self.design.count)
        #expect(rows.count == Self.design.count * 4)
        var seeds: [Int: Set<UInt64>] = [:]
        for (_, row) in rows { seeds[row.replicate, default: []].insert(row.seed) }
        #expect(seeds.values.allSatisfy { $0.count == 1 }, "replicate r has one seed at every point")
        // Point 2's summaries are those a run of its input gives: the same streamed folding.
        let result = try await MonteCarlo.run(
            input: try Self.request(root: root).input(2), replicates: 4, masterSeed: 9, threads: 1)
        let finals = result.records.map { $0.outcomes[0].finalSpbe }
        let mean = finals.reduce(0, +) / 4
        let stored = try #require(
            try store.summaries(points: 2..<3).first { $0.outcome == "final_spbe" && $0.government == "Kota Contoh" })
        #expect(Swift.abs(stored.mean - mean) < 1e-12)
    }

    @Test(arguments: [1, 3, 7])
    func shardsMergeToTheUnshardedSweepByteForByte(_ count: Int) async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try await Sweep.run(Self.request(root: root, into: root.appendingPathComponent("whole")))
        var shards: [URL] = []
        for index in 1...count {
            let spec = try ShardSpec(parsing: "\(index)/\(count)")
            let folder = root.appendingPathComponent("shards/shard-\(index)")
            let outcome = try await Sweep.run(Self.request(root: root, shard: spec, into: folder))
            #expect(outcome.pointsRun == spec.points(of: Self.design.count).count)
            shards.append(folder)
        }
        let merged = try Sweep.merge(
            shards: shards.reversed(), into: root.appendingPathComponent("merged"),
            report: ReportRendererTests.MarkerRenderer())
        #expect(try Self.dataFiles(merged.folder) == Self.dataFiles(whole.folder))
        // Two key outcomes × two factors, read from the merged store.
        let page = ReportRendererTests.page(in: merged.folder)
        #expect(page == "sweep of 7 points, \(SweepAnalysis.outcomes.count * 2) main effects")
    }

    @Test func mergeNamesMissingAndDuplicatePoints() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var folders: [URL] = []
        for index in [1, 3] {
            let folder = root.appendingPathComponent("shard-\(index)")
            _ = try await Sweep.run(Self.request(root: root, shard: try ShardSpec(parsing: "\(index)/3"), into: folder))
            folders.append(folder)
        }
        #expect(throws: SweepMergeError.self) { try SweepMerge(folders: folders) }
        do { _ = try SweepMerge(folders: folders) } catch {
            #expect(error.message.contains("missing points 1, 4"), "\(error.message)")
            #expect(error.message.contains("no folder for shard(s) 2 of 3"), "\(error.message)")
        }
        do { _ = try SweepMerge(folders: folders + [folders[0]]) } catch {
            #expect(error.message.contains("points in more than one shard 0, 3, 6"), "\(error.message)")
        }
    }

    @Test func roundSizeAndThreadCountChangeNoByte() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try await Sweep.run(Self.request(root: root, into: root.appendingPathComponent("whole")))
        // One point per round and commit, on one thread; then rounds of two points that
        // leave a last round of one, on three threads.
        for (round, threads) in [(1, 1), (2, 3)] {
            var request = try Self.request(root: root, into: root.appendingPathComponent("r\(round)-t\(threads)"))
            request.pointsPerRound = round
            request.threads = threads
            let other = try await Sweep.run(request)
            #expect(other.pointsRun == Self.design.count)
            #expect(
                try Self.dataFiles(other.folder) == Self.dataFiles(whole.folder), "round \(round), \(threads) threads")
        }
    }

    @Test func anInterruptedSweepKeepsItsPointsAndResumesToTheSameFiles() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try await Sweep.run(Self.request(root: root, into: root.appendingPathComponent("whole")))
        // An interrupt arrives while the second chunk of points is being set up: the first
        // chunk's points are committed.
        let chunk = 3
        #expect(chunk < Self.design.count)
        let control = RunControl()
        let target = root.appendingPathComponent("stopped")
        var request = try Self.request(root: root, into: target)
        request.pointsPerRound = chunk
        let input = request.input
        request.input = { point in
            if point == chunk { control.cancel(reason: "test") }
            return try input(point)
        }
        let stopped = try await Sweep.run(request, control: control)
        #expect(stopped.interrupted)
        #expect(stopped.pointsRun == chunk)
        #expect(!FileManager.default.fileExists(atPath: target.path), "no folder that looks complete")
        let store = try SweepStore.open(stopped.folder.appendingPathComponent(SweepStore.fileName))
        #expect(try !store.isComplete())
        #expect(try store.completedPoints() == Array(0..<chunk))
        let resumed = try await Sweep.run(Self.request(root: root, resume: stopped.folder))
        #expect(!resumed.interrupted)
        #expect(resumed.pointsRun == Self.design.count - chunk, "only the missing points run")
        #expect(resumed.folder == target)
        #expect(try Self.dataFiles(resumed.folder) == Self.dataFiles(whole.folder))
    }

    @Test func resumeRefusesAnotherSweep() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let control = RunControl()
        control.cancel(reason: "test")
        let stopped = try await Sweep.run(
            Self.request(root: root, into: root.appendingPathComponent("stopped")), control: control)
        var other = try Self.request(root: root, resume: stopped.folder)
        other.replicates = 5
        await #expect(throws: RunError.self) { _ = try await Sweep.run(other) }
        do { _ = try await Sweep.run(other) } catch {
            #expect("\(error)".contains("replicates per point (4 against 5)"), "\(error)")
        }
    }

    @Test func shardsPartitionThePoints() throws {
        for count in 1...9 {
            var seen = [Int](repeating: 0, count: 40)
            for index in 1...count {
                for point in try ShardSpec(parsing: "\(index)/\(count)").points(of: 40) { seen[point] += 1 }
            }
            #expect(seen.allSatisfy { $0 == 1 })
        }
        for bad in ["3/2", "0/4", "1/0", "a/b", "2", "1/2/3"] {
            #expect(throws: ShardSpecError.self) { try ShardSpec(parsing: bad) }
        }
    }

    @Test func slurmArraysSplitAtMaxArraySize() {
        #expect(SlurmJobFolder.arrays(shards: 16, maxArraySize: 10) == [1...10, 11...16])
        #expect(SlurmJobFolder.arrays(shards: 10, maxArraySize: 10) == [1...10])
        #expect(SlurmJobFolder.arrays(shards: 3, maxArraySize: 1001) == [1...3])
    }

    @Test func threadsComeFromSlurmThenTheAffinityMask() {
        #expect(AvailableCPUs.count(environment: ["SLURM_CPUS_PER_TASK": "3"]) == 3)
        #expect(AvailableCPUs.affinityCount(status: "Name:\tx\nCpus_allowed:\tff,00000005\n") == 10)
        #expect(AvailableCPUs.affinityCount(status: "Cpus_allowed:\t1\n") == 1)
        #expect(AvailableCPUs.count(environment: ["SLURM_CPUS_PER_TASK": "zero"]) >= 1)
    }
}
