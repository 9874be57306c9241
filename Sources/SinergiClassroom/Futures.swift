import SinergiModel

/// Many futures of a session: replicates 0 … count − 1 of its seed with its settings and
/// lever schedule, summarised per government (docs/model.md §8, choice 33).
public struct Futures: Sendable, Equatable {
    public var count: Int
    /// The session's master seed.
    public var seed: UInt64
    public var governments: [Government]

    /// One government's futures.
    public struct Government: Sendable, Equatable {
        /// The SPBE index at the horizon.
        public var finalSpbe: FinalIndex
        /// Share of futures ending in each predicate (every predicate present).
        public var predicateShares: [SPBEPredicate: Double]
        /// The adopter share at the horizon.
        public var adoption: Adoption
        /// Per-month quantile bands of the index and the adopter share.
        public var bands: Bands
    }

    /// The final SPBE index: mean, GSL quantiles and a histogram.
    public struct FinalIndex: Sendable, Equatable {
        public var mean: Double
        public var p5: Double
        public var p25: Double
        public var p50: Double
        public var p75: Double
        public var p95: Double
        public var histogram: Histogram
    }

    /// Counts of final indices in bins of `width` from `from` (the last bin also holds the
    /// maximum 5).
    public struct Histogram: Sendable, Equatable {
        public var from: Double
        public var width: Double
        public var counts: [Int]
    }

    /// The final adopter share: mean and GSL quantiles.
    public struct Adoption: Sendable, Equatable {
        public var mean: Double
        public var p5: Double
        public var p50: Double
        public var p95: Double
    }

    /// Quantile bands of the index and the adopter share, one value per month 0 … months.
    public struct Bands: Sendable, Equatable {
        public var spbe: Band
        public var adoption: Band
    }

    /// The 5%, 50% and 95% quantiles of a series, month by month.
    public struct Band: Sendable, Equatable {
        public var p5: [Double]
        public var p50: [Double]
        public var p95: [Double]
    }
}
