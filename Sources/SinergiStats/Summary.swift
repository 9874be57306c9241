internal import CGSL

/// Summary statistics of one outcome across replicates, computed with GSL.
public struct Summary: Sendable, Equatable {
    /// Number of values summarised (missing values are left out before).
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (n − 1 denominator); NaN with fewer than two values.
    public var standardDeviation: Double
    /// Lower and upper bounds of the t-based 95% confidence interval of the mean.
    public var ci95Low: Double
    public var ci95High: Double
    /// Quantiles 5, 25, 50, 75, 95 % (GSL's linear interpolation between order statistics).
    public var q05: Double
    public var q25: Double
    public var q50: Double
    public var q75: Double
    public var q95: Double

    /// The 95% CI half-width, t(0.975, n − 1) · sd / √n.
    public var ci95HalfWidth: Double { (ci95High - ci95Low) / 2 }

    /// Summarises `values`; NaN entries count as missing and are left out.
    /// With no values every statistic is NaN and `count` is 0.
    @inlinable
    public init(_ values: some Collection<Double>) {
        var data = ContiguousArray<Double>()
        data.reserveCapacity(values.count)
        for value in values where !value.isNaN { data.append(value) }
        self.init(summarising: &data)
    }

    /// Summarises `data` (no NaN), sorting it in place: GSL computes the mean and SD, the
    /// standard library sorts (an introsort, faster than GSL's heapsort), and GSL reads
    /// the quantiles from the sorted data.
    public init(summarising data: inout ContiguousArray<Double>) {
        count = data.count
        let nan = Double.nan
        guard count > 0 else {
            mean = nan; standardDeviation = nan; ci95Low = nan; ci95High = nan
            q05 = nan; q25 = nan; q50 = nan; q75 = nan; q95 = nan
            return
        }
        let n = count
        var m = nan, sd = nan
        var quantiles = (nan, nan, nan, nan, nan)
        data.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            m = gsl_stats_mean(base, 1, n)
            if n > 1 { sd = gsl_stats_sd_m(base, 1, n, m) }
            buffer.sort()
            quantiles = (
                gsl_stats_quantile_from_sorted_data(base, 1, n, 0.05),
                gsl_stats_quantile_from_sorted_data(base, 1, n, 0.25),
                gsl_stats_quantile_from_sorted_data(base, 1, n, 0.50),
                gsl_stats_quantile_from_sorted_data(base, 1, n, 0.75),
                gsl_stats_quantile_from_sorted_data(base, 1, n, 0.95)
            )
        }
        mean = m
        standardDeviation = sd
        if n > 1 {
            let half = gsl_cdf_tdist_Pinv(0.975, Double(n - 1)) * sd / Double(n).squareRoot()
            ci95Low = m - half
            ci95High = m + half
        } else {
            ci95Low = nan
            ci95High = nan
        }
        (q05, q25, q50, q75, q95) = quantiles
    }

    /// A summary from streamed moments (Welford) and already estimated quantiles at
    /// 5, 25, 50, 75 and 95 %.
    public init(count: Int, mean: Double, sumOfSquares: Double, quantiles: [Double]) {
        self.count = count
        self.mean = count > 0 ? mean : .nan
        standardDeviation = .nan
        ci95Low = .nan
        ci95High = .nan
        (q05, q25, q50, q75, q95) = (quantiles[0], quantiles[1], quantiles[2], quantiles[3], quantiles[4])
        replaceMoments(count: count, mean: mean, sumOfSquares: sumOfSquares)
    }

    /// Sets the mean, SD and t-based CI from streamed moments, so that a summary does not
    /// depend on whether its quantiles were exact.
    mutating func replaceMoments(count: Int, mean: Double, sumOfSquares: Double) {
        guard count > 0 else { return }
        self.mean = mean
        guard count > 1 else {
            standardDeviation = .nan; ci95Low = .nan; ci95High = .nan
            return
        }
        let sd = (sumOfSquares / Double(count - 1)).squareRoot()
        standardDeviation = sd
        let half = gsl_cdf_tdist_Pinv(0.975, Double(count - 1)) * sd / Double(count).squareRoot()
        ci95Low = mean - half
        ci95High = mean + half
    }
}
