import RealModule
import Testing

@testable import SinergiModel

/// MODEL.md §7 property 1: the aggregate Bass step is exact, so the monthly path equals
/// the closed form F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)).
@Suite struct BassDiffusionTests {
    static let p = 0.03, q = 0.38

    /// The closed form written out here, independently of `BassDiffusion.closedForm`.
    static func bass(_ t: Double, p: Double = p, q: Double = q) -> Double {
        let decay = Double.exp(-(p + q) * t)
        return (1 - decay) / (1 + (q / p) * decay)
    }

    @Test func monthlyStepEqualsClosedFormFor120Months() {
        var f = 0.0
        for month in 1...120 {
            f = BassDiffusion.step(fraction: f, innovation: Self.p, imitation: Self.q)
            let t = Double(month) / 12
            #expect(abs(f - Self.bass(t)) <= 1e-12, "month \(month)")
            #expect(abs(f - BassDiffusion.closedForm(years: t, innovation: Self.p, imitation: Self.q)) <= 1e-12)
        }
        // MODEL.md §7: F(10 years) = 0.8128.
        #expect(abs(f - 0.8128) <= 5e-5)
    }

    @Test func closedFormAtTenYears() {
        #expect(abs(BassDiffusion.closedForm(years: 10, innovation: Self.p, imitation: Self.q) - 0.8128) <= 5e-5)
        #expect(BassDiffusion.closedForm(years: 0, innovation: Self.p, imitation: Self.q) == 0)
    }

    /// Exactness: two half-month steps give the same as one month, from any F.
    @Test(arguments: [0.0, 0.05, 0.4, 0.93])
    func stepIsExactOverAnyInterval(start: Double) {
        let dt = BassDiffusion.monthInYears
        let once = BassDiffusion.step(fraction: start, innovation: Self.p, imitation: Self.q, years: dt)
        let half = BassDiffusion.step(fraction: start, innovation: Self.p, imitation: Self.q, years: dt / 2)
        let twice = BassDiffusion.step(fraction: half, innovation: Self.p, imitation: Self.q, years: dt / 2)
        #expect(abs(once - twice) <= 1e-14)
        #expect(once > start)
    }

    /// With p = 0 the step is the logistic F(t) = F₀e^(qt)/(1 − F₀ + F₀e^(qt)); from 0 it stays 0.
    @Test func pureImitationIsLogistic() {
        let f0 = 0.01
        var f = f0
        for month in 1...120 {
            f = BassDiffusion.step(fraction: f, innovation: 0, imitation: Self.q)
            let g = Double.exp(Self.q * Double(month) / 12)
            #expect(abs(f - f0 * g / (1 - f0 + f0 * g)) <= 1e-12)
        }
        #expect(BassDiffusion.step(fraction: 0, innovation: 0, imitation: Self.q) == 0)
        #expect(BassDiffusion.step(fraction: 1, innovation: Self.p, imitation: Self.q) == 1)
    }

    /// A government whose whole population has access and readiness, with S pinned, so
    /// M_pot = 1 and the citizens' p and q are S·p₀ (× outreach) and S·q₀.
    static func citizensOnlyInput(
        months: Int, access: Double = 1, readiness: Double = 1,
        pinnedS: Double = 1, interventions: [Intervention] = []
    ) -> ModelInput {
        var input = classroomInput(months: months, interventions: interventions)
        input.governments[0].internetAccess = .constant(access)
        input.governments[0].internetCeiling = .constant(access)
        input.governments[0].readiness = .constant(readiness)
        input.testHooks.pinnedServiceQuality = pinnedS
        return input
    }

    static func adoptionSeries(_ input: ModelInput, seed: UInt64) throws -> [Double] {
        try monthlySeries(.adoption, input, seed: seed)
    }

    /// The same path through the whole model: ι = ι_max = λ = 1 and S = 1 give adoption
    /// equal to the closed form at the end of every month.
    @Test(arguments: [UInt64(1), 99, 123_456_789])
    func wholeModelFollowsClosedForm(seed: UInt64) throws {
        let input = Self.citizensOnlyInput(months: 120)
        let adoption = try Self.adoptionSeries(input, seed: seed)
        for t in 0..<120 {
            #expect(abs(adoption[t] - Self.bass(Double(t + 1) / 12)) <= 1e-12, "month \(t)")
        }
        #expect(abs(adoption[119] - 0.8128) <= 5e-5)
    }

    /// S scales both coefficients (p = p₀S, q = q₀S) and the potential ι·λ scales the share.
    @Test func serviceQualityAndPotentialScaleTheCurve() throws {
        let input = Self.citizensOnlyInput(months: 60, access: 0.6, readiness: 0.5, pinnedS: 0.5)
        let adoption = try Self.adoptionSeries(input, seed: 7)
        for t in 0..<60 {
            let expected = 0.6 * 0.5 * Self.bass(Double(t + 1) / 12, p: 0.5 * Self.p, q: 0.5 * Self.q)
            #expect(abs(adoption[t] - expected) <= 1e-12, "month \(t)")
        }
    }

    /// citizen_outreach multiplies p only: p = p₀·S·(1 + 2·intensity) (MODEL.md §3, §4).
    @Test func outreachMultipliesInnovationOnly() throws {
        let outreach = Intervention(
            lever: .citizenOutreach, targets: [InterventionTarget(government: 0, agencies: [])],
            intensity: 0.5)
        let input = Self.citizensOnlyInput(months: 60, interventions: [outreach])
        let adoption = try Self.adoptionSeries(input, seed: 7)
        for t in 0..<60 {
            #expect(abs(adoption[t] - Self.bass(Double(t + 1) / 12, p: 2 * Self.p)) <= 1e-12, "month \(t)")
        }
    }
}
