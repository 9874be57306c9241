/// The analytic functions `sinergi sensitivity --function NAME` analyses instead of a
/// scenario, so the estimators can be checked against exact indices.
public enum SensitivityTestFunction: String, Sendable, CaseIterable {
    /// ``Ishigami`` with a = 7, b = 0.1.
    case ishigami
    /// ``SobolGFunction`` with a = 0, 1, 4.5, 9, 99, 99, 99, 99.
    case gFunction = "g-function"
    /// ``NoisyIshigami``: Ishigami plus Normal(0, 4) noise per evaluation.
    case noisyIshigami = "noisy-ishigami"

    /// The factors' names.
    public var factorNames: [String] {
        switch self {
        case .ishigami, .noisyIshigami: return Ishigami.factorNames
        case .gFunction: return SobolGFunction().factorNames
        }
    }

    /// The number of factors.
    public var factorCount: Int { factorNames.count }

    /// The range each unit-cube coordinate is mapped onto before evaluation.
    public var factorRanges: [ClosedRange<Double>] {
        switch self {
        case .ishigami, .noisyIshigami: return Array(repeating: -Double.pi...Double.pi, count: 3)
        case .gFunction: return Array(repeating: 0...1, count: factorCount)
        }
    }

    /// Whether an evaluation has seed noise, so that replicates differ.
    public var isNoisy: Bool { self == .noisyIshigami }

    /// The exact first-order indices (of the noise-free function).
    public var firstOrder: [Double] {
        switch self {
        case .ishigami, .noisyIshigami: return Ishigami().firstOrder
        case .gFunction: return SobolGFunction().firstOrder
        }
    }

    /// The exact total-order indices (of the noise-free function).
    public var totalOrder: [Double] {
        switch self {
        case .ishigami, .noisyIshigami: return Ishigami().totalOrder
        case .gFunction: return SobolGFunction().totalOrder
        }
    }

    /// The exact second-order index S_ij (of the noise-free function).
    public func secondOrder(_ i: Int, _ j: Int) -> Double {
        switch self {
        case .ishigami, .noisyIshigami: return Ishigami().secondOrder(i, j)
        case .gFunction: return SobolGFunction().secondOrder(i, j)
        }
    }

    /// The exact noise share E[Var(Y | x)] / Var(Y) of one evaluation: 0 without noise.
    public var noiseShare: Double {
        switch self {
        case .ishigami, .gFunction: return 0
        case .noisyIshigami:
            let noisy = NoisyIshigami()
            return noisy.noiseVariance / (noisy.ishigami.variance + noisy.noiseVariance)
        }
    }

    /// The function's outputs at `points` (coordinates in the unit cube), `replicates` per
    /// point; point p's replicate r is drawn from (seed, p, r). A noise-free function gives
    /// the same value to every replicate.
    public func outputs(points: [[Double]], replicates: Int, seed: UInt64) throws(SensitivityError) -> ReplicateOutputs
    {
        guard replicates >= 1 else { throw .malformedOutputs("at least 1 replicate per point, got \(replicates)") }
        var values = [Double]()
        values.reserveCapacity(points.count * replicates)
        let stream = RandomStream(algorithm: .mt19937, seed: seed)
        let noisy = NoisyIshigami()
        for (p, point) in points.enumerated() {
            switch self {
            case .ishigami:
                values.append(contentsOf: repeatElement(Ishigami().value(unit: point), count: replicates))
            case .gFunction:
                values.append(contentsOf: repeatElement(SobolGFunction().value(unit: point), count: replicates))
            case .noisyIshigami:
                for r in 0..<replicates {
                    values.append(noisy.value(unit: point, seed: seed, point: p, replicate: r, stream: stream))
                }
            }
        }
        return try ReplicateOutputs(pointCount: points.count, replicateCount: replicates, values: values)
    }
}
