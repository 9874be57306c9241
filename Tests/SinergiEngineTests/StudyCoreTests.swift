import Foundation
import SinergiEngine
import SinergiModel
import SinergiScenario
import Testing

/// The study core: arms × replicates on common seeds, batch after batch into a sink, one
/// stopping rule, one interrupt path.
@Suite struct StudyCoreTests {
    /// A sink that keeps every batch it receives, and can cancel the study when it gets one.
    final class Recorder: StudySink {
        var batches: [StudyBatch] = []
        var cancelOnBatch: (RunControl, reason: String)?

        func consume(_ batch: StudyBatch) throws(RunError) {
            batches.append(batch)
            if let (control, reason) = cancelOnBatch { control.cancel(reason: reason) }
        }

        var precisionMeasure: PrecisionMeasure { .halfWidth }

        /// Never precise enough, so a precision rule runs to its maximum.
        func largestHalfWidth(_ target: PrecisionTarget) -> Double? { 1 }
    }

    /// The classroom scenario's baseline, then each of its packages.
    static func arms() throws -> [ModelInput] {
        let scenario = try EngineFixtures.scenario("classroom")
        return [scenario.input]
            + scenario.policies.map { policy in
                var input = scenario.input
                input.interventions += policy.interventions
                return input
            }
    }

    /// Batches of 7 up to 30 replicates: a precision target that is never reached.
    static let batchesOfSeven = StoppingRule.precision(
        PrecisionTarget(metric: "final_spbe", halfWidth: 0.001, minimum: 1, maximum: 30, batch: 7))

    static func bits(_ records: [ReplicateRecord]) -> [[UInt64]] {
        records.map { record in
            record.series.map(\.bitPattern)
                + record.outcomes.flatMap { [$0.finalSpbe.bitPattern, $0.meanTrust.bitPattern] }
        }
    }

    /// Every batch holds the same replicates of every arm, in order, on the seeds of
    /// `sinergi run`; put together they are each arm's own Monte Carlo run, whatever the
    /// thread count.
    @Test(arguments: [1, 3])
    func armsShareTheReplicateSeedsBatchByBatch(threads: Int) async throws {
        let inputs = try Self.arms()
        #expect(inputs.count >= 3)
        let core = StudyCore(stopping: Self.batchesOfSeven, masterSeed: 9, threads: threads)
        let sink = Recorder()
        let end = try await core.run(inputs.map(ReplicateRunner.init(input:)), into: sink, control: RunControl())
        #expect(end.reason == .maximumReached(30) && end.status == .complete && end.replicates == 30)
        #expect(end.batch == 7 && end.achievedHalfWidth == 1)
        #expect(sink.batches.map(\.replicates) == [0..<7, 7..<14, 14..<21, 21..<28, 28..<30])
        for (a, input) in inputs.enumerated() {
            let alone = try await MonteCarlo.run(input: input, replicates: 30, masterSeed: 9, threads: 2)
            #expect(sink.batches.flatMap(\.seeds) == alone.seeds)
            #expect(Self.bits(sink.batches.flatMap { $0.records(arm: a) }) == Self.bits(alone.records), "arm \(a)")
        }
    }

    /// A cancel that arrives between batches ends the study after the batch, interrupted.
    @Test func aCancelBetweenBatchesKeepsTheBatchesDone() async throws {
        let core = StudyCore(stopping: Self.batchesOfSeven, masterSeed: 9, threads: 2)
        let control = RunControl()
        let sink = Recorder()
        sink.cancelOnBatch = (control, "SIGTERM")
        let end = try await core.run(try Self.arms().map(ReplicateRunner.init(input:)), into: sink, control: control)
        #expect(sink.batches.map(\.replicates) == [0..<7])
        #expect(end.reason == .interrupted(by: "SIGTERM", replicates: 7))
        #expect(end.status == .interrupted && end.interruptedBy == "SIGTERM" && end.replicates == 7)
    }

    /// The stopping rule is checked before the cancel: a study whose last batch completed
    /// is complete, as `sinergi run` and `sinergi compare` both record it.
    @Test func aCancelAfterTheLastBatchLeavesTheStudyComplete() async throws {
        let core = StudyCore(stopping: .fixed(replicates: 10), masterSeed: 9, threads: 2)
        let control = RunControl()
        let sink = Recorder()
        sink.cancelOnBatch = (control, "SIGINT")
        let end = try await core.run(try Self.arms().map(ReplicateRunner.init(input:)), into: sink, control: control)
        #expect(end.reason == .requestedReplicatesDone(10))
        #expect(end.status == .complete && end.interruptedBy == nil)
    }

    @Test func aCancelBeforeTheFirstReplicateKeepsNothing() async throws {
        let core = StudyCore(stopping: .fixed(replicates: 10), masterSeed: 9, threads: 2)
        let control = RunControl()
        control.cancel(reason: "SIGINT")
        let sink = Recorder()
        let end = try await core.run(try Self.arms().map(ReplicateRunner.init(input:)), into: sink, control: control)
        #expect(sink.batches.isEmpty)
        #expect(end.reason == .interrupted(by: "SIGINT", replicates: 0) && end.replicates == 0)
    }

    /// An interrupt inside a batch keeps the replicates every arm completed, and they are
    /// those of an uninterrupted study. (Where the interrupt lands depends on timing; what
    /// is kept must be a common prefix whatever it is.)
    @Test func anInterruptInsideABatchKeepsThePrefixEveryArmCompleted() async throws {
        let inputs = try Self.arms()
        let core = StudyCore(stopping: .fixed(replicates: 90), masterSeed: 4, threads: 2)
        let control = RunControl()
        let watcher = Thread {
            while control.completed < 25 && !control.isCancelled { usleep(200) }
            control.cancel(reason: "SIGINT")
        }
        watcher.start()
        let sink = Recorder()
        let end = try await core.run(inputs.map(ReplicateRunner.init(input:)), into: sink, control: control)
        control.cancel(reason: "done")
        #expect(sink.batches.count <= 1)
        let kept = sink.batches.first?.count ?? 0
        #expect(end.replicates == kept)
        if kept < 90 { #expect(end.reason == .interrupted(by: "SIGINT", replicates: kept)) }
        guard let batch = sink.batches.first else { return }
        #expect(batch.arms == inputs.count && batch.replicates == 0..<kept)
        for (a, input) in inputs.enumerated() {
            let alone = try await MonteCarlo.run(input: input, replicates: kept, masterSeed: 4, threads: 1)
            #expect(Self.bits(batch.records(arm: a)) == Self.bits(alone.records), "arm \(a)")
        }
    }

    /// manifest.json's `stopping.reason` and `status`, word for word.
    @Test func stopReasonsReadAsTheManifestRecordsThem() {
        let reasons: [(StopReason, String, StudyStatus)] = [
            (.requestedReplicatesDone(100), "the requested 100 replicates are done", .complete),
            (
                .precisionReached(measure: .pairedHalfWidth, achieved: 0.0125, target: 0.02, replicates: 300),
                "precision reached: paired 95% CI half-width 0.0125 <= 0.02 after 300 replicates", .complete
            ),
            (.maximumReached(5000), "maximum of 5000 replicates reached before the precision target", .complete),
            (.interrupted(by: "SIGINT", replicates: 37), "interrupted (SIGINT) after 37 replicates", .interrupted),
        ]
        for (reason, text, status) in reasons {
            #expect(reason.description == text)
            #expect(reason.status == status)
        }
        #expect(StudyStatus.allCases.map(\.rawValue) == ["complete", "interrupted"])
    }

    /// A comparison cancelled before its first replicate writes nothing and says why.
    @Test func aComparisonInterruptedBeforeItsFirstReplicateLeavesNoFolder() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try EngineFixtures.scenario("classroom")
        let results = root.appendingPathComponent("results")
        let request = ComparisonRequest(
            baseline: EngineFixtures.request(scenario, replicates: 20, seed: 1, threads: 2, root: results),
            policies: scenario.policies)
        let control = RunControl()
        control.cancel(reason: "SIGTERM")
        var thrown: RunError?
        do { _ = try await ComparisonStudy.run(request, control: control) } catch { thrown = error }
        #expect(
            thrown?.description == "interrupted (SIGTERM) before the first replicate finished; nothing was written")
        #expect(!FileManager.default.fileExists(atPath: results.path))
    }
}
