import Testing

@testable import SinergiModel

/// MODEL.md §7 property 6 and §2 step 17: SPBE scoring, predicates and `initialSpbe`.
@Suite struct SPBETests {
    @Test func allDomainsAtOneAndFive() {
        #expect(abs(SPBE.index(policy: 1, governance: 1, management: 1, services: 1) - 1) <= 1e-12)
        #expect(abs(SPBE.index(policy: 5, governance: 5, management: 5, services: 5) - 5) <= 1e-12)
        // The same extremes from the state: D = U = Π̄ = Q = 0 and m̄ = 1; D = U = Π̄ = Q = 1 and m̄ = 5.
        #expect(
            abs(SPBE.index(design: 0, understanding: 0, meanProgress: 0, meanMaturity: 1, serviceQuality: 0) - 1)
                <= 1e-12)
        #expect(
            abs(SPBE.index(design: 1, understanding: 1, meanProgress: 1, meanMaturity: 5, serviceQuality: 1) - 5)
                <= 1e-12)
        #expect(
            abs(SPBE.index(design: 0, understanding: 0, meanProgress: nil, meanMaturity: 1, serviceQuality: 0) - 1)
                <= 1e-12)
        #expect(
            abs(SPBE.index(design: 1, understanding: 1, meanProgress: nil, meanMaturity: 5, serviceQuality: 1) - 5)
                <= 1e-12)
    }

    /// Weights 13 / 25 / 16.5 / 45.5 % and the domain formulas, on one interior state:
    /// policy 1 + 4·0.5 = 3; governance 1 + 4·(0.4 + 0.6)/2 = 3; management 2.5;
    /// services 0.6·2.5 + 0.4·(1 + 4·0.3) = 2.38; index 0.39 + 0.75 + 0.4125 + 1.0829 = 2.6354.
    @Test func domainFormulasAndWeights() {
        #expect(abs(SPBE.index(policy: 2, governance: 1, management: 1, services: 1) - 1.13) <= 1e-12)
        #expect(abs(SPBE.index(policy: 1, governance: 2, management: 1, services: 1) - 1.25) <= 1e-12)
        #expect(abs(SPBE.index(policy: 1, governance: 1, management: 2, services: 1) - 1.165) <= 1e-12)
        #expect(abs(SPBE.index(policy: 1, governance: 1, management: 1, services: 2) - 1.455) <= 1e-12)
        let index = SPBE.index(
            design: 0.5, understanding: 0.4, meanProgress: 0.6, meanMaturity: 2.5, serviceQuality: 0.3)
        #expect(abs(index - 2.6354) <= 1e-12)
        // Without initiatives governance is 1 + 4U: 1 + 1.6 = 2.6 → 0.39 + 0.65 + 0.4125 + 1.0829.
        let alone = SPBE.index(
            design: 0.5, understanding: 0.4, meanProgress: nil, meanMaturity: 2.5, serviceQuality: 0.3)
        #expect(abs(alone - 2.5354) <= 1e-12)
    }

    @Test func predicates() {
        #expect(SPBEPredicate(index: 1.79) == .kurang)
        #expect(SPBEPredicate(index: 1.8) == .cukup)
        #expect(SPBEPredicate(index: 2.6) == .baik)
        #expect(SPBEPredicate(index: 3.5) == .sangatBaik)
        #expect(SPBEPredicate(index: 4.2) == .memuaskan)
        #expect(SPBEPredicate(index: 1.0) == .kurang)
        #expect(SPBEPredicate(index: 5.0) == .memuaskan)
        // Just below each bound: the predicate below.
        #expect(SPBEPredicate(index: 1.8.nextDown) == .kurang)
        #expect(SPBEPredicate(index: 2.6.nextDown) == .cukup)
        #expect(SPBEPredicate(index: 3.5.nextDown) == .baik)
        #expect(SPBEPredicate(index: 4.2.nextDown) == .sangatBaik)
        for predicate in SPBEPredicate.allCases {
            #expect(SPBEPredicate(index: predicate.lowerBound) == predicate)
        }
        #expect(SPBEPredicate.allCases.map(\.name) == ["Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"])
        #expect(SPBEPredicate.kurang < .memuaskan)
    }

    // MARK: initialSpbe

    /// The classroom government: D = 0.3, U = 0.2, three initiatives (Π̄ = 0 at t = 0), one
    /// citizen-facing and not launched (Q = 0). Its index at m̄ = 1 and m̄ = 5:
    /// 0.13·2.2 + 0.25·1.4 + 0.165·m̄ + 0.455·(0.6·m̄ + 0.4).
    static func classroomIndex(meanMaturity m: Double) -> Double {
        0.13 * 2.2 + 0.25 * 1.4 + 0.165 * m + 0.455 * (0.6 * m + 0.4)
    }
    static let reachable = classroomIndex(meanMaturity: 1)...classroomIndex(meanMaturity: 5)

    /// A government with no citizen-facing initiative: Q = (m̄ − 1)/4, so services = m̄.
    static func withoutCitizenFacing(months: Int) -> ModelInput {
        var input = classroomInput(months: months)
        input.governments[0].initiatives[2].citizenFacing = false
        return input
    }
    static func noCitizenFacingIndex(meanMaturity m: Double) -> Double {
        0.13 * 2.2 + 0.25 * 1.4 + 0.165 * m + 0.455 * m
    }

    static func initialIndices(_ input: ModelInput, seeds: [UInt64]) throws -> [Double] {
        let simulator = Simulator(input: input)
        var record = simulator.makeRecord()
        return try seeds.map { seed in
            try simulator.run(replicateSeed: seed, into: &record)
            return record.outcomes[0].initialSpbe
        }
    }

    @Test func reachableRangeMatchesModelDescription() {
        // MODEL.md: about [1.1 + 0.52D, 2.85 + 0.52D] with one citizen-facing initiative.
        #expect(abs(Self.reachable.lowerBound - (1.1 + 0.52 * 0.3)) <= 0.01)
        #expect(abs(Self.reachable.upperBound - (2.85 + 0.52 * 0.3)) <= 0.01)
    }

    @Test(arguments: [0.0, 1e-7, 0.25, 0.534, 0.9, 1 - 1e-7, 1.0])
    func initialSpbeReproducedAtTimeZero(fraction: Double) throws {
        let target = Self.reachable.lowerBound + fraction * (Self.reachable.upperBound - Self.reachable.lowerBound)
        var input = classroomInput(months: 1)
        input.governments[0].initialSpbe = target
        for index in try Self.initialIndices(input, seeds: replicateSeeds(60)) {
            #expect(abs(index - target) <= 1e-9, "target \(target): initial index \(index)")
        }
    }

    @Test(arguments: [1e-7, 0.5, 1 - 1e-7])
    func initialSpbeWithoutCitizenFacingInitiative(fraction: Double) throws {
        let low = Self.noCitizenFacingIndex(meanMaturity: 1), high = Self.noCitizenFacingIndex(meanMaturity: 5)
        let target = low + fraction * (high - low)
        var input = Self.withoutCitizenFacing(months: 1)
        input.governments[0].initialSpbe = target
        for index in try Self.initialIndices(input, seeds: replicateSeeds(30)) {
            #expect(abs(index - target) <= 1e-9, "target \(target): initial index \(index)")
        }
    }

    /// The index is reproduced by one common maturity offset, clipped to [1, 5]: against the
    /// same replicate without `initialSpbe` (same init draws), every unclipped agency moved by
    /// the same amount, clipped ones sit at a bound, and the index recomputed here from the
    /// state equals the target.
    @Test func commonOffsetOfMaturity() throws {
        let target = 1.79
        var shifted = classroomInput(months: 1)
        shifted.governments[0].initialSpbe = target
        let plain = Driver(classroomInput(months: 1)), driver = Driver(shifted)
        for seed in replicateSeeds(40) {
            try plain.initialise(seed: seed)
            try driver.initialise(seed: seed)
            let n = driver.agencyCount
            let m = Array(driver.state.maturity.prefix(n)), raw = Array(plain.state.maturity.prefix(n))
            let offsets = zip(m, raw).filter { $0.0 > 1 && $0.0 < 5 }.map { $0.0 - $0.1 }
            #expect(!offsets.isEmpty)
            for offset in offsets { #expect(abs(offset - offsets[0]) <= 1e-12) }
            for (shiftedM, rawM) in zip(m, raw) {
                #expect(shiftedM >= 1 && shiftedM <= 5)
                if shiftedM == 1 { #expect(rawM + offsets[0] <= 1 + 1e-12) }
                if shiftedM == 5 { #expect(rawM + offsets[0] >= 5 - 1e-12) }
            }
            let meanMaturity = m.reduce(0, +) / Double(n)
            #expect(abs(Self.classroomIndex(meanMaturity: meanMaturity) - target) <= 1e-9)
            // Nothing else of the initial state moves.
            #expect(Array(driver.state.trust.prefix(n)) == Array(plain.state.trust.prefix(n)))
            #expect(Array(driver.state.hr.prefix(n)) == Array(plain.state.hr.prefix(n)))
            #expect(Array(driver.state.commitment.prefix(n)) == Array(plain.state.commitment.prefix(n)))
        }
    }

    @Test(arguments: [1.2, 1.0, 3.2, 4.5])
    func unreachableTargetThrowsNamingTheGovernment(target: Double) {
        var input = classroomInput(months: 1)
        input.governments[0].initialSpbe = target
        let simulator = Simulator(input: input)
        var record = simulator.makeRecord()
        do {
            try simulator.run(replicateSeed: 1, into: &record)
            Issue.record("target \(target) outside \(Self.reachable) did not throw")
        } catch let error {
            guard case let .initialSpbeUnreachable(government, reported, range) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(government == "Kota Contoh")
            #expect(reported == target)
            #expect(abs(range.lowerBound - Self.reachable.lowerBound) <= 1e-9)
            #expect(abs(range.upperBound - Self.reachable.upperBound) <= 1e-9)
            #expect(error.description.contains("Kota Contoh"))
        }
    }
}
