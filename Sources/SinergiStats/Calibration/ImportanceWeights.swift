import RealModule

/// The importance weights of an ABC-SMC population (Toni, Welch, Strelkowa, Ipsen &
/// Stumpf 2009; Beaumont et al. 2009): a particle θ_i accepted in generation t > 0 weighs
///
///     w_i ∝ π(θ_i) / Σ_j W_j K(θ_i | θ_j),
///
/// π the prior density, (θ_j, W_j) the previous population and K the perturbation kernel:
/// the prior over the density the proposals came from. Generation 0 samples the prior
/// itself, so its weights are equal. Densities are on the working scale, where the
/// Jacobian of a log-uniform factor cancels between π and K. Sums are taken in log space
/// (log-sum-exp) and in particle order.
public enum ImportanceWeights {
    /// The normalised weights (sum 1) of `particles` proposed from the population
    /// (`previous`, `previousWeights`) through `kernel`; all points on the working scale.
    ///
    /// - Complexity: O(N · M · d) for N particles, M previous particles, d factors.
    public static func weights(
        of particles: [[Double]], prior: Prior, previous: [[Double]], previousWeights: [Double],
        kernel: MultivariateNormalKernel
    ) -> [Double] {
        precondition(previous.count == previousWeights.count && !particles.isEmpty)
        let dimension = kernel.dimension
        // The previous particles whitened (y = L⁻¹x), flat, so the kernel's exponent is −½‖y − y_j‖².
        var whitenedPrevious = ContiguousArray<Double>()
        whitenedPrevious.reserveCapacity(previous.count * dimension)
        for x in previous { whitenedPrevious.append(contentsOf: kernel.whitened(x)) }
        let logPreviousWeights = ContiguousArray(
            previousWeights.map { $0 > 0 ? Double.log($0) : -Double.infinity })
        var terms = ContiguousArray<Double>(repeating: 0, count: previous.count)
        var logWeights = [Double]()
        logWeights.reserveCapacity(particles.count)
        for x in particles {
            let y = ContiguousArray(kernel.whitened(x))
            let logDenominator = whitenedPrevious.withUnsafeBufferPointer { yj in
                y.withUnsafeBufferPointer { y in
                    logPreviousWeights.withUnsafeBufferPointer { logW in
                        terms.withUnsafeMutableBufferPointer { terms in
                            Self.logSumOfKernels(y, yj, logW, &terms)
                        }
                    }
                }
            }
            logWeights.append(prior.workingLogDensity(x) - logDenominator)
        }
        let largest = logWeights.max()!
        return WeightedStatistics.normalised(logWeights.map { Double.exp($0 - largest) })
    }

    /// ln Σ_j exp(ln W_j − ½‖y − y_j‖²), by log-sum-exp, the terms kept in `terms`.
    private static func logSumOfKernels(
        _ y: UnsafeBufferPointer<Double>, _ whitenedPrevious: UnsafeBufferPointer<Double>,
        _ logWeights: UnsafeBufferPointer<Double>, _ terms: inout UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let dimension = y.count
        var largest = -Double.infinity
        for j in 0..<logWeights.count {
            var squared = 0.0
            let offset = j * dimension
            for k in 0..<dimension {
                let difference = y[k] - whitenedPrevious[offset + k]
                squared += difference * difference
            }
            let term = logWeights[j] - 0.5 * squared
            terms[j] = term
            if term > largest { largest = term }
        }
        var sum = 0.0
        for j in 0..<logWeights.count { sum += Double.exp(terms[j] - largest) }
        return largest + Double.log(sum)
    }
}
