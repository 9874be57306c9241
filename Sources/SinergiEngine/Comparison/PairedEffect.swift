import SinergiModel

/// The paired effect of one policy package on one outcome of one government (or the
/// region): one row of comparison.csv.
///
/// Baseline and policy replicate r share their seed, so each replicate gives one
/// difference d_r = policy_r − baseline_r; the effect is the mean of the d_r with a
/// t-based 95% CI on n − 1 degrees of freedom. The unpaired CI — what two independent
/// runs of n replicates would give (Welch) — shows how much the common random numbers
/// bought: `ciWidthRatio` is its width over the paired width.
public struct PairedEffect: Sendable, Equatable {
    public var policy: String
    public var government: String
    /// The ``Outcome``'s name.
    public var outcome: String
    /// Whether higher or lower values of the outcome are better.
    public var better: Outcome.Direction
    /// Replicate pairs with a value in both runs.
    public var replicates: Int
    public var baselineMean: Double
    public var policyMean: Double
    /// Mean paired difference, policy − baseline.
    public var difference: Double
    /// Standard deviation of the paired differences.
    public var differenceSD: Double
    public var ci95Low: Double
    public var ci95High: Double
    /// The 95% CI of the difference of means had the runs been independent (Welch).
    public var unpairedCI95Low: Double
    public var unpairedCI95High: Double
    /// Unpaired CI width over paired CI width (∞ when every pair differs by the same
    /// amount, NaN when neither varies).
    public var ciWidthRatio: Double
    /// Share of replicates in which the policy does strictly better / strictly worse.
    public var pBetter: Double
    public var pWorse: Double
    /// Cost of the package attributed to this government (the region: all governments).
    public var cost: Double
    /// `difference` per unit of cost; NaN when the package costs nothing here.
    public var effectPerCost: Double

    public init(
        policy: String, government: String, outcome: String, better: Outcome.Direction,
        replicates: Int, baselineMean: Double, policyMean: Double, difference: Double,
        differenceSD: Double, ci95Low: Double, ci95High: Double, unpairedCI95Low: Double,
        unpairedCI95High: Double, ciWidthRatio: Double, pBetter: Double, pWorse: Double,
        cost: Double, effectPerCost: Double
    ) {
        self.policy = policy
        self.government = government
        self.outcome = outcome
        self.better = better
        self.replicates = replicates
        self.baselineMean = baselineMean
        self.policyMean = policyMean
        self.difference = difference
        self.differenceSD = differenceSD
        self.ci95Low = ci95Low
        self.ci95High = ci95High
        self.unpairedCI95Low = unpairedCI95Low
        self.unpairedCI95High = unpairedCI95High
        self.ciWidthRatio = ciWidthRatio
        self.pBetter = pBetter
        self.pWorse = pWorse
        self.cost = cost
        self.effectPerCost = effectPerCost
    }

    /// Half-width of the paired 95% CI.
    public var ci95HalfWidth: Double { (ci95High - ci95Low) / 2 }

    /// Whether the 95% CI lies wholly on the better side of zero.
    public var clearlyBetter: Bool { better == .higher ? ci95Low > 0 : ci95High < 0 }
    /// Whether the 95% CI lies wholly on the worse side of zero.
    public var clearlyWorse: Bool { better == .higher ? ci95High < 0 : ci95Low > 0 }
}

/// The paired effect of a policy on a monthly series (mean over replicates), one row of
/// effects-over-time.csv.
public struct EffectOverTime: Sendable, Equatable {
    public var policy: String
    public var government: String
    /// Row of the series: 0 is the initial state, m the end of month m − 1.
    public var month: Int
    public var metric: String
    public var baselineMean: Double
    public var policyMean: Double
    public var difference: Double
    public var ci95Low: Double
    public var ci95High: Double
}
