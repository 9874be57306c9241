/// The constants of MODEL.md, grouped as scenario files override them
/// (`parameters: {trust: {build: 0.08}}`). Defaults are MODEL.md v1.1's.
public struct ModelParameters: Sendable, Hashable {
    /// Elections and rotation (MODEL.md §2 step 1).
    public struct Politics: Sendable, Hashable {
        /// Month of the first election.
        public var firstElection = 36
        /// Months between elections.
        public var termMonths = 60
        /// π_change, probability that an election brings a new head.
        public var changeProbability = 0.5
        /// μ_head, monthly probability that an agency head changes.
        public var headTurnover = 1.0 / 36.0
        /// Trust kept by an agency after its head changes (T ← factor · T).
        public var rotationTrustRetention = 0.8
        /// Factor on the mandate I in the election month and the five after a change.
        public var mandateAfterElection = 0.5
        /// Months (from the election month) in which the mandate is reduced.
        public var mandateReductionMonths = 6
        public init() {}
    }

    /// Annual budget update (step 3).
    public struct Budget: Sendable, Hashable {
        /// Weight of political will, 0.5 in B⁰·(1 + 0.5·(W − 0.5) + 0.1·(m − m̄)).
        public var politicalWillWeight = 0.5
        /// Weight of relative maturity, 0.1.
        public var maturityWeight = 0.1
        public init() {}
    }

    /// HR dynamics (step 4).
    public struct HR: Sendable, Hashable {
        /// μ_rot, monthly probability that a trained operator leaves.
        public var staffRotation = 0.02
        /// HR adequacy lost when an operator leaves.
        public var rotationLoss = 0.2
        /// r_H, monthly learning rate.
        public var learningRate = 0.03
        public init() {}
    }

    /// Coordination forum (step 5).
    public struct Forum: Sendable, Hashable {
        /// π₀, meeting probability without leadership or design.
        public var baseMeeting = 0.3
        /// Attendance probability is base + (1 − base)·C.
        public var baseAttendance = 0.3
        /// Dialogue quality is (base + (1 − base)·D)·(1 − (1 − N)·Gini).
        public var baseDialogue = 0.3
        public init() {}
    }

    /// Trust (step 7; Luna-Reyes et al. 2004: builds slower than it erodes).
    public struct Trust: Sendable, Hashable {
        /// α_T, building through dialogue.
        public var build = 0.08
        /// α_W, building through small wins.
        public var smallWin = 0.15
        /// β_T, erosion by others' shortfall.
        public var erode = 0.20
        public init() {}
    }

    /// Shared understanding (step 8).
    public struct Understanding: Sendable, Hashable {
        /// α_U.
        public var build = 0.06
        /// δ_U.
        public var decay = 0.01
        public init() {}
    }

    /// Commitment logit coefficients (step 9).
    public struct Commitment: Sendable, Hashable {
        public var intercept = -2.5
        public var trust = 2.0
        public var understanding = 1.5
        public var leadership = 1.5
        public var headCommitment = 1.0
        public var politicalWill = 1.0
        public var mandate = 1.0
        public var ego = 2.0
        public var legacyLockIn = 1.5
        public init() {}
    }

    /// Motivation shares and switching (step 10; Fischbacher, Gächter & Fehr 2001).
    public struct Motivation: Sendable, Hashable {
        public var prosocialShare = 0.14
        public var conditionalShare = 0.53
        public var selfishShare = 0.33
        /// ψ_down: conditional → selfish with probability ψ_down · v.
        public var switchDown = 0.05
        /// ψ_up: selfish → conditional with probability ψ_up · L · (0.2 + 0.8 · win).
        public var switchUp = 0.2
        /// Shortfall above which a prosocial agency counts a disappointing month.
        public var prosocialShortfall = 0.2
        /// Consecutive disappointing months after which a prosocial agency turns conditional.
        public var prosocialPatience = 3
        public init() {}
    }

    /// Intended effort (step 11).
    public struct Effort: Sendable, Hashable {
        /// λ_c, unconditional part of a conditional cooperator's effort.
        public var conditionalFloor = 0.2
        /// g, reciprocity gain.
        public var reciprocity = 0.9
        /// ē_ref, reference effort of others.
        public var reference = 0.2
        /// ε, a selfish agency's baseline effort.
        public var selfishBase = 0.1
        /// φ, a selfish agency's compliance with the mandate.
        public var mandateCompliance = 0.2
        /// ē₋ᵢ and e before the first month.
        public var initial = 0.5
        public init() {}
    }

    /// Agency maturity (step 13).
    public struct Maturity: Sendable, Hashable {
        /// r_m.
        public var growth = 0.15
        /// δ_m.
        public var decay = 0.005
        public init() {}
    }

    /// Initiatives (step 14).
    public struct Initiatives: Sendable, Hashable {
        /// Monthly progress below which a month counts toward a stall.
        public var stallProgress = 0.001
        /// Consecutive slow months after which an initiative is stalled.
        public var stallMonths = 12
        /// Progress at which an initiative is integrated.
        public var integrated = 0.99
        /// Floor of each factor of the capacity for joint action K.
        public var capacityFloor = 0.05
        public init() {}
    }

    /// Citizens' adoption (§3; Bass 1969), per year.
    public struct Citizens: Sendable, Hashable {
        /// p₀, coefficient of innovation.
        public var innovation = 0.03
        /// q₀, coefficient of imitation.
        public var imitation = 0.38
        public init() {}
    }

    public var politics = Politics()
    public var budget = Budget()
    public var hr = HR()
    public var forum = Forum()
    public var trust = Trust()
    public var understanding = Understanding()
    public var commitment = Commitment()
    public var motivation = Motivation()
    public var effort = Effort()
    public var maturity = Maturity()
    public var initiatives = Initiatives()
    public var citizens = Citizens()

    public init() {}
}
