/// One model output (one outcome of one government) at every point of a sensitivity sample,
/// for each of R replicates.
///
/// Replicate r of every point runs on the seeds of replicate r (common random numbers) or on
/// seeds of its own; the analyses do not need to know which (docs/statistics.md, "Sensitivity
/// analysis and seed noise"). Values are stored point-major: `values[point · R + replicate]`.
public struct ReplicateOutputs: Sendable, Equatable {
    /// The number of sample points.
    public let pointCount: Int
    /// The number of replicates R at each point.
    public let replicateCount: Int
    /// Point-major values, `pointCount · replicateCount` of them.
    public let values: ContiguousArray<Double>

    /// Outputs from point-major values; every value must be finite.
    public init(pointCount: Int, replicateCount: Int, values: some Collection<Double>) throws(SensitivityError) {
        guard replicateCount >= 1 else {
            throw .malformedOutputs("at least 1 replicate per point, got \(replicateCount)")
        }
        guard pointCount >= 0, values.count == pointCount * replicateCount else {
            throw .malformedOutputs(
                "\(values.count) values do not fill \(pointCount) points × \(replicateCount) replicates")
        }
        let stored = ContiguousArray(values)
        if let bad = stored.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteOutput(point: bad / replicateCount, replicate: bad % replicateCount)
        }
        self.init(checkedPointCount: pointCount, replicateCount: replicateCount, values: stored)
    }

    /// Outputs of a deterministic model, or of replicate means analysed without noise
    /// correction: one value per point (R = 1).
    public init(means: some Collection<Double>) throws(SensitivityError) {
        try self.init(pointCount: means.count, replicateCount: 1, values: means)
    }

    /// The value of `replicate` at `point`.
    @inlinable
    public subscript(point: Int, replicate: Int) -> Double { values[point * replicateCount + replicate] }

    /// The mean over the replicates of `point`, ȳ.
    public func mean(point: Int) -> Double {
        var sum = 0.0
        for r in 0..<replicateCount { sum += self[point, r] }
        return sum / Double(replicateCount)
    }

    /// The means ȳ of every point.
    public var means: [Double] { (0..<pointCount).map { mean(point: $0) } }

    /// The first `points` points, for a convergence step.
    func prefix(points: Int) -> ReplicateOutputs {
        ReplicateOutputs(
            checkedPointCount: points, replicateCount: replicateCount,
            values: ContiguousArray(values[0..<(points * replicateCount)]))
    }

    /// Outputs whose values were already checked.
    private init(checkedPointCount: Int, replicateCount: Int, values: ContiguousArray<Double>) {
        self.pointCount = checkedPointCount
        self.replicateCount = replicateCount
        self.values = values
    }
}
