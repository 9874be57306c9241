/// When a study stops adding replicates.
public enum StoppingRule: Sendable, Equatable {
    /// Exactly this many replicates.
    case fixed(replicates: Int)
    /// Batches of `batch` replicates until the 95% CI half-width of the mean of `metric` is
    /// at most `halfWidth` for every government (or for the region), with at least
    /// `minimum` and at most `maximum` replicates. Because the check happens only between
    /// fixed batches, the stopping point does not depend on the thread count.
    case precision(PrecisionTarget)

    /// The largest number of replicates the rule can ask for.
    public var maximumReplicates: Int {
        switch self {
        case .fixed(let replicates): return replicates
        case .precision(let target): return target.maximum
        }
    }
}

/// A precision target for ``StoppingRule/precision(_:)``.
public struct PrecisionTarget: Sendable, Equatable, Codable {
    /// Which governments must reach the target.
    public enum Scope: String, Sendable, Codable, CaseIterable {
        /// Every government separately.
        case government
        /// The region mean (the mean over governments in each replicate).
        case region
    }

    /// The name of an ``Outcome`` of summary.csv, e.g. final_spbe (a compared outcome in a
    /// comparison).
    public var metric: String
    public var halfWidth: Double
    public var scope: Scope
    public var minimum: Int
    public var maximum: Int
    public var batch: Int

    public init(
        metric: String, halfWidth: Double, scope: Scope = .government, minimum: Int = 100,
        maximum: Int = 100_000, batch: Int = 100
    ) {
        self.metric = metric
        self.halfWidth = halfWidth
        self.scope = scope
        self.minimum = minimum
        self.maximum = maximum
        self.batch = batch
    }

}

extension StoppingRule {
    /// Why a study stops after a complete batch that brought it to `done` replicates, or nil
    /// to run another batch. `achieved` is the largest half-width of `measure` under a
    /// precision target, nil while undefined.
    func reasonToStop(done: Int, achieved: Double?, measure: PrecisionMeasure) -> StopReason? {
        switch self {
        case .fixed(let replicates):
            return done >= replicates ? .requestedReplicatesDone(replicates) : nil
        case .precision(let target):
            if done >= target.minimum, let width = achieved, width <= target.halfWidth {
                return .precisionReached(measure: measure, achieved: width, target: target.halfWidth, replicates: done)
            }
            return done >= target.maximum ? .maximumReached(target.maximum) : nil
        }
    }

    /// Replicates per batch for arms whose records hold `recordValues` series values each:
    /// the target's batch under a precision target, else
    /// ``RunRequest/fixedBatch(recordValues:arms:)``.
    func batchSize(recordValues: Int, arms: Int) -> Int {
        switch self {
        case .fixed: return RunRequest.fixedBatch(recordValues: recordValues, arms: arms)
        case .precision(let target): return target.batch
        }
    }
}
