import Foundation
import SinergiModel
import SinergiScenario
import SinergiStats
import Synchronization

/// What a calibration simulates: a parameter vector and a seed in, one simulated value per
/// observation out (fitted and held-out alike, in the observations' order).
public protocol CalibrationModel: Sendable {
    /// Simulates every job; nil when `control` was cancelled before all of them finished.
    /// Job i's outputs depend only on its parameters and seed, never on the thread count.
    func simulate(_ jobs: [CalibrationJob], threads: Int, control: RunControl) async throws(RunError) -> [[Double]]?

    /// The monthly curves the posterior predictive check draws: one per observed statistic of
    /// an outcome over a scope, naming the observations on it (indices into the outputs).
    var curves: [PredictiveCurve.Definition] { get }

    /// ``simulate(_:threads:control:)`` with, for each job, the value of each curve at every
    /// month (month 0 first).
    func simulateWithCurves(_ jobs: [CalibrationJob], threads: Int, control: RunControl) async throws(RunError)
        -> (outputs: [[Double]], curves: [[[Double]]])?
}

extension CalibrationModel {
    public var curves: [PredictiveCurve.Definition] { [] }

    public func simulateWithCurves(_ jobs: [CalibrationJob], threads: Int, control: RunControl)
        async throws(RunError) -> (outputs: [[Double]], curves: [[[Double]]])?
    {
        guard let outputs = try await simulate(jobs, threads: threads, control: control) else { return nil }
        return (outputs, outputs.map { _ in [] })
    }
}

/// The posterior predictive band of one statistic over the months of the run.
public struct PredictiveCurve: Sendable {
    /// What a curve follows.
    public struct Definition: Sendable, Hashable {
        /// "mean of spbe over region".
        public var title: String
        /// The observations on the curve, in the outputs' order.
        public var observations: [Int]
        public init(title: String, observations: [Int]) {
            self.title = title
            self.observations = observations
        }
    }

    public var title: String
    /// The observations on the curve.
    public var targets: [CalibrationTarget]
    /// Weighted 5%, 50% and 95% quantiles over the final population, month 0 first.
    public var q05: [Double]
    public var q50: [Double]
    public var q95: [Double]
}

/// One simulation a calibration asks for.
public struct CalibrationJob: Sendable {
    public var parameters: [Double]
    public var seed: UInt64
    public init(parameters: [Double], seed: UInt64) {
        self.parameters = parameters
        self.seed = seed
    }
}

/// The scenario as a calibration model: a job is R replicates of the scenario with the
/// factors set to the job's parameters (as `--set` sets them), replicate r seeded with
/// replicateSeed(job seed, design point 0, r). Each observation's statistic is computed over
/// the governments in its scope at its month in each replicate, and the job's output is its
/// mean over the R replicates, summed in replicate order.
public struct ScenarioCalibrationModel: CalibrationModel {
    public let observations: [TargetObservation]
    public let replicates: Int
    /// The model input with the factors at `parameters`.
    public let input: @Sendable ([Double]) throws -> ModelInput
    /// The scenario's governments, to find each observation's scope.
    let scopes: [[Int]]
    public let curves: [PredictiveCurve.Definition]

    public init(
        observations: [TargetObservation], governments: [String], replicates: Int,
        input: @escaping @Sendable ([Double]) throws -> ModelInput
    ) {
        self.observations = observations
        self.replicates = replicates
        self.input = input
        scopes = observations.map { observation in
            switch observation.scope {
            case .region: return Array(governments.indices)
            case .government(let name): return governments.indices.filter { governments[$0] == name }
            case .kinds(_, let names):
                let members = Set(names)
                return governments.indices.filter { members.contains(governments[$0]) }
            }
        }
        var keys: [String] = []
        var members: [String: [Int]] = [:]
        for (index, o) in observations.enumerated() {
            let key = "\(o.statistic) of \(o.outcome.name) over \(o.scope)"
            if members[key] == nil { keys.append(key) }
            members[key, default: []].append(index)
        }
        curves = keys.map { PredictiveCurve.Definition(title: $0, observations: members[$0]!) }
    }

    public func simulate(_ jobs: [CalibrationJob], threads: Int, control: RunControl) async throws(RunError)
        -> [[Double]]?
    {
        try await run(jobs, threads: threads, control: control, withCurves: false)?.outputs
    }

    public func simulateWithCurves(_ jobs: [CalibrationJob], threads: Int, control: RunControl)
        async throws(RunError) -> (outputs: [[Double]], curves: [[[Double]]])?
    {
        try await run(jobs, threads: threads, control: control, withCurves: true)
    }

    private func run(_ jobs: [CalibrationJob], threads: Int, control: RunControl, withCurves: Bool)
        async throws(RunError) -> (outputs: [[Double]], curves: [[[Double]]])?
    {
        let input = self.input
        let compiled = try await ParallelWork.map(jobs.count, threads: threads, control: control) {
            index, _ throws(RunError) in
            do { return ReplicateRunner(input: try input(jobs[index].parameters)) } catch {
                throw RunError.io("cannot set the factors to \(jobs[index].parameters): \(error)")
            }
        }
        guard let runners = compiled else { return nil }
        let r = replicates
        let observations = self.observations
        let scopes = self.scopes
        let curves = withCurves ? self.curves : []
        let perReplicate = try await ParallelWork.map(jobs.count * r, threads: threads, control: control) {
            pair, workspace throws(RunError) in
            let job = pair / r
            let runner = runners[job]
            var record = runner.makeRecord()
            do throws(ModelError) {
                try runner.run(
                    replicateSeed: ReplicateRunner.replicateSeed(masterSeed: jobs[job].seed, replicate: pair % r),
                    in: workspace, into: &record)
            } catch {
                throw RunError.model(replicate: pair % r, error)
            }
            control.replicateFinished()
            let values = Self.statistics(record, layout: runner.layout, observations: observations, scopes: scopes)
            let series = curves.map { curve in
                let first = curve.observations[0]
                return (0..<runner.layout.rows).map { month in
                    var observation = observations[first]
                    observation.month = month
                    return Self.statistics(
                        record, layout: runner.layout, observations: [observation], scopes: [scopes[first]])[0]
                }
            }
            return (values, series)
        }
        guard let values = perReplicate else { return nil }
        let outputs = jobs.indices.map { job in
            observations.indices.map { o in
                var sum = 0.0
                for replicate in 0..<r { sum += values[job * r + replicate].0[o] }
                return sum / Double(r)
            }
        }
        let series = jobs.indices.map { job in
            curves.indices.map { c in
                values[job * r].1[c].indices.map { month in
                    var sum = 0.0
                    for replicate in 0..<r { sum += values[job * r + replicate].1[c][month] }
                    return sum / Double(r)
                }
            }
        }
        return (outputs, series)
    }

    /// Each observation's statistic in one replicate.
    static func statistics(
        _ record: ReplicateRecord, layout: SeriesLayout, observations: [TargetObservation], scopes: [[Int]]
    ) -> [Double] {
        zip(observations, scopes).map { observation, scope in
            let values = scope.map { g in
                record.series[layout.offsets[g] + observation.month * layout.widths[g] + observation.metric.rawValue]
            }
            return observation.statistic(of: values)
        }
    }
}

/// The normal–normal check as a calibration model (`--function normal-normal`).
public struct NormalNormalCalibrationModel: CalibrationModel {
    public let problem: NormalNormalProblem
    public init(problem: NormalNormalProblem = NormalNormalProblem()) { self.problem = problem }

    public func simulate(_ jobs: [CalibrationJob], threads: Int, control: RunControl) async throws(RunError)
        -> [[Double]]?
    {
        guard !control.isCancelled else { return nil }
        return jobs.map { problem.simulate($0.parameters, seed: $0.seed) }
    }
}

/// Runs `count` independent pieces of work on `threads` workers, each with its own
/// ``ReplicateWorkspace``, and returns their results in index order; nil when `control` is
/// cancelled first. A failure is thrown for the smallest failing index.
enum ParallelWork {
    static func map<T: Sendable>(
        _ count: Int, threads: Int, control: RunControl,
        _ body: @escaping @Sendable (Int, ReplicateWorkspace) throws(RunError) -> T
    ) async throws(RunError) -> [T]? {
        let next = Counter()
        let workers = Swift.max(1, Swift.min(threads, count))
        let outputs = await withTaskGroup(of: [(Int, Result<T, RunError>)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    let workspace = ReplicateWorkspace()
                    var done: [(Int, Result<T, RunError>)] = []
                    while !control.isCancelled && !next.failed {
                        let index = next.take()
                        guard index < count else { break }
                        do throws(RunError) {
                            done.append((index, .success(try body(index, workspace))))
                        } catch {
                            done.append((index, .failure(error)))
                            next.fail()
                        }
                    }
                    return done
                }
            }
            var all: [(Int, Result<T, RunError>)] = []
            for await part in group { all += part }
            return all
        }
        var slots = [T?](repeating: nil, count: count)
        var failure: (Int, RunError)?
        for (index, result) in outputs {
            switch result {
            case .success(let value): slots[index] = value
            case .failure(let error): if failure == nil || index < failure!.0 { failure = (index, error) }
            }
        }
        if let failure { throw failure.1 }
        guard !slots.contains(where: { $0 == nil }) else { return nil }
        return slots.map { $0! }
    }

    private final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        private let failure = Atomic<Bool>(false)
        func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
        var failed: Bool { failure.load(ordering: .relaxed) }
        func fail() { failure.store(true, ordering: .relaxed) }
    }
}
