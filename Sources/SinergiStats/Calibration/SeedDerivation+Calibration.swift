/// The seeds of an ABC-SMC calibration.
///
/// candidateSeed = mix(mix(mix(mix(master) ⊕ fnv1a64("abc-smc")) ⊕ generation) ⊕ candidate);
/// the candidate's proposal stream is seeded with mix(candidateSeed ⊕ fnv1a64("proposal"))
/// and its model run gets simulationSeed = mix(candidateSeed ⊕ fnv1a64("simulation")).
/// So a candidate's parameters and its simulation depend only on (master seed, generation,
/// candidate index) and the previous population, never on the batch or thread that handles it.
extension SeedDerivation {
    /// The seed of candidate `candidate` (0-based) of generation `generation` (0-based).
    public static func abcCandidateSeed(master: UInt64, generation: Int, candidate: Int) -> UInt64 {
        mix(mix(mix(mix(master) ^ fnv1a64("abc-smc")) ^ UInt64(generation)) ^ UInt64(candidate))
    }

    /// The seed of the stream that draws a candidate's ancestor and perturbation (or its
    /// prior sample in generation 0).
    public static func abcProposalSeed(candidateSeed: UInt64) -> UInt64 { mix(candidateSeed ^ fnv1a64("proposal")) }

    /// The seed the engine gives the model run that simulates a candidate.
    public static func abcSimulationSeed(candidateSeed: UInt64) -> UInt64 {
        mix(candidateSeed ^ fnv1a64("simulation"))
    }
}
