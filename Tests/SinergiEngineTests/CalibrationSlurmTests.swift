import Foundation
import SinergiStats
import Testing

@testable import SinergiEngine

/// The Slurm job chain of a calibration driven in-process, as the scheduler would run it: a
/// step, the array tasks of the batch it submits, the next step, … — and its files compared
/// with those of a local run.
@Suite struct CalibrationSlurmTests {
    static func request(into: URL? = nil, resume: URL? = nil, threads: Int) -> CalibrationRequest {
        let problem = NormalNormalProblem()
        let observation = problem.observations[0]
        return CalibrationRequest(
            scenarioPath: "normal-normal", scenarioName: "normal-normal", slug: "normal-normal",
            scenarioText: "normal-normal", resolvedScenario: "normal-normal", targetsPath: nil, targetsText: nil,
            targets: [
                CalibrationTarget(
                    name: observation.name, value: observation.value, sd: observation.sd, what: "mean",
                    source: "analytic check")
            ], prior: problem.prior, model: NormalNormalCalibrationModel(problem: problem), particles: 60,
            maximumGenerations: 5, minimumAcceptance: 0.02, replicates: 1, seed: 7, threads: threads,
            outputRoot: FileManager.default.temporaryDirectory, into: into, resume: resume, governments: [], months: 0,
            algorithm: "taus2"
        ) { values in ("mean: \(values[0])\n", false) }
    }

    /// The submissions of one step.
    final class Submissions: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [CalibrationSlurm.Submission] = []
        func add(_ submission: CalibrationSlurm.Submission) { lock.withLock { list.append(submission) } }
        var all: [CalibrationSlurm.Submission] { lock.withLock { list } }
    }

    @Test func stepsAndShardTasksWriteTheFilesOfALocalRun() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let local = try await Calibration.run(Self.request(into: root.appendingPathComponent("local"), threads: 2))
        #expect(!local.interrupted)

        let results = root.appendingPathComponent("slurm")
        let partial = try Calibration.prepare(Self.request(into: results, threads: 1))
        #expect(partial.lastPathComponent == ".slurm.partial")
        let job = root.appendingPathComponent("job")
        let model = NormalNormalCalibrationModel()
        var steps = 0
        var skipped: (batch: String, shard: Int)?
        var retried = false
        var batches = Set<String>()
        while true {
            steps += 1
            try #require(steps <= 100, "the chain does not end")
            let submissions = Submissions()
            let outcome = try await Calibration.run(
                Self.request(resume: partial, threads: 1),
                batches: CalibrationSlurm.Batches(job: job, shards: 3) { submissions.add($0) })
            guard let submission = submissions.all.first else {
                #expect(!outcome.interrupted)
                #expect(outcome.folder == results)
                break
            }
            #expect(submissions.all.count == 1 && outcome.interrupted)
            if let failed = skipped, !retried {
                // After a failed task, the step asks again for that shard of the same batch only.
                #expect(submission.batch == failed.batch && submission.shards == [failed.shard])
                retried = true
            } else {
                #expect(submission.shards == Array(1...submission.batchShards), "a new batch runs every shard")
                #expect(!batches.contains(submission.batch), "each batch is proposed once")
            }
            batches.insert(submission.batch)
            for shard in submission.shards {
                // The second batch's last shard fails once, as a crashed task would.
                if batches.count == 2 && skipped == nil && shard == submission.shards.last {
                    skipped = (submission.batch, shard)
                    continue
                }
                let batch = job.appendingPathComponent(submission.batch)
                try await CalibrationSlurm.task(model: model, batch: batch, shard: shard, threads: 1)
            }
        }
        #expect(retried)
        let generations = try #require(local.analysis?.generations.count)
        #expect(batches.count >= generations, "at least one batch per generation: \(batches.sorted())")
        for name in Calibration.dataFiles {
            let a = try Data(contentsOf: local.folder.appendingPathComponent(name))
            let b = try Data(contentsOf: results.appendingPathComponent(name))
            #expect(a == b, "\(name) through the job chain equals the local one")
        }
    }

    @Test func arraysListTheirTasksAsRanges() {
        #expect(CalibrationJobFolder.arraySpecification([0, 1, 2, 5, 7, 8]) == "0-2,5,7-8")
        #expect(CalibrationJobFolder.arraySpecification(Array(0..<10)) == "0-9")
        #expect(CalibrationJobFolder.arraySpecification([3]) == "3")
    }

    @Test func shardsSliceABatchWithoutGapsOrOverlaps() {
        for count in [1, 2, 5, 7, 64, 101] {
            for shards in 1...Swift.min(count, 9) {
                let batch = CalibrationBatch(
                    generation: 0, start: 10, end: 10 + count, shards: shards, parameters: [], seeds: [])
                let slices = (1...shards).map(batch.offsets(ofShard:))
                #expect(slices.first?.lowerBound == 0 && slices.last?.upperBound == count)
                #expect(zip(slices, slices.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(slices.allSatisfy { !$0.isEmpty }, "\(count) candidates in \(shards) shards")
            }
        }
    }
}
