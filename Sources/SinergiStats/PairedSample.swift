/// Streamed statistics of paired observations (x_r, y_r) — a baseline and a policy run of
/// the same replicate — in bounded memory.
///
/// Welford (1962) updates for x, y and the differences d = y − x, kept in the order the
/// pairs arrive (callers feed replicate order), plus the counts of d > 0 and d < 0. A pair
/// with a missing value (NaN) is skipped.
public struct PairedSample: Sendable, Equatable {
    public private(set) var count = 0
    private var meanX = 0.0, squaresX = 0.0
    private var meanY = 0.0, squaresY = 0.0
    private var meanD = 0.0, squaresD = 0.0
    /// Pairs with y > x and with y < x.
    public private(set) var increases = 0
    public private(set) var decreases = 0

    public init() {}

    /// Adds the pair (baseline x, policy y).
    public mutating func add(baseline x: Double, policy y: Double) {
        if x.isNaN || y.isNaN { return }
        count += 1
        let n = Double(count)
        let d = y - x
        var delta = x - meanX
        meanX += delta / n
        squaresX += delta * (x - meanX)
        delta = y - meanY
        meanY += delta / n
        squaresY += delta * (y - meanY)
        delta = d - meanD
        meanD += delta / n
        squaresD += delta * (d - meanD)
        if d > 0 { increases += 1 } else if d < 0 { decreases += 1 }
    }

    /// The statistics of the pairs so far.
    public var statistics: Statistics { Statistics(self) }

    /// Means, the paired 95% CI of the mean difference, and the unpaired (Welch) CI the
    /// same numbers would give had x and y come from independent runs.
    public struct Statistics: Sendable, Equatable {
        public var count: Int
        public var baselineMean: Double
        public var policyMean: Double
        public var baselineSD: Double
        public var policySD: Double
        /// Mean of y − x.
        public var difference: Double
        public var differenceSD: Double
        /// t-based 95% CI on count − 1 degrees of freedom.
        public var ci95Low: Double
        public var ci95High: Double
        /// Welch's 95% CI: half-width t(ν)·√(s_x²/n + s_y²/n), ν by Welch–Satterthwaite.
        public var unpairedCI95Low: Double
        public var unpairedCI95High: Double
        /// Shares of pairs with y > x and y < x.
        public var shareIncreased: Double
        public var shareDecreased: Double

        init(_ s: PairedSample) {
            count = s.count
            let n = Double(s.count)
            let nan = Double.nan
            baselineMean = s.count > 0 ? s.meanX : nan
            policyMean = s.count > 0 ? s.meanY : nan
            difference = s.count > 0 ? s.meanD : nan
            shareIncreased = s.count > 0 ? Double(s.increases) / n : nan
            shareDecreased = s.count > 0 ? Double(s.decreases) / n : nan
            guard s.count > 1 else {
                (baselineSD, policySD, differenceSD) = (nan, nan, nan)
                (ci95Low, ci95High, unpairedCI95Low, unpairedCI95High) = (nan, nan, nan, nan)
                return
            }
            let varianceX = s.squaresX / (n - 1), varianceY = s.squaresY / (n - 1)
            let varianceD = Swift.max(0, s.squaresD / (n - 1))
            baselineSD = varianceX.squareRoot()
            policySD = varianceY.squareRoot()
            differenceSD = varianceD.squareRoot()
            let paired = GSLMath.studentTQuantile(0.975, degreesOfFreedom: n - 1) * (varianceD / n).squareRoot()
            ci95Low = difference - paired
            ci95High = difference + paired
            let standardError2 = (varianceX + varianceY) / n
            let unpaired: Double
            if standardError2 > 0 {
                // Welch–Satterthwaite degrees of freedom for equal group sizes.
                let nu =
                    standardError2 * standardError2
                    / ((varianceX / n) * (varianceX / n) / (n - 1) + (varianceY / n) * (varianceY / n) / (n - 1))
                unpaired = GSLMath.studentTQuantile(0.975, degreesOfFreedom: nu) * standardError2.squareRoot()
            } else {
                unpaired = 0
            }
            unpairedCI95Low = difference - unpaired
            unpairedCI95High = difference + unpaired
        }

        /// Unpaired CI width over paired CI width: how many times narrower common random
        /// numbers made the interval. ∞ when the paired width is 0 but the unpaired is not,
        /// NaN when both are 0 or undefined.
        public var ciWidthRatio: Double {
            let paired = ci95High - ci95Low, unpaired = unpairedCI95High - unpairedCI95Low
            if paired.isNaN || unpaired.isNaN || (paired == 0 && unpaired == 0) { return .nan }
            return paired == 0 ? .infinity : unpaired / paired
        }
    }
}
