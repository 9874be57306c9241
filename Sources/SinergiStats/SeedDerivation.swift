/// The names of the per-government random streams (MODEL.md §6).
///
/// Each process draws only from its own stream, so a lever that changes one process
/// leaves the numbers of every other process untouched (common random numbers).
public enum StreamName: String, Sendable, CaseIterable {
    /// Sampling of every scenario distribution at t = 0.
    case initial = "init"
    /// Elections and agency-head rotation.
    case politics
    /// Staff rotation of trained operators.
    case hr
    /// Forum meetings and attendance.
    case forum
    /// Switching between motivation types.
    case motivation
    /// Citizen adoption (network mode).
    case citizens
}

/// The documented derivation of every seed in a run from the master seed.
///
/// replicateSeed = mix(mix(mix(master) ⊕ designPoint) ⊕ replicate), and
/// streamSeed = mix(mix(replicateSeed ⊕ (government + 1)) ⊕ fnv1a64(streamName)),
/// where mix is the SplitMix64 finaliser (Steele, Lea & Flood 2014) applied after adding
/// the golden-ratio increment 0x9E3779B97F4A7C15, and fnv1a64 is the 64-bit FNV-1a hash
/// of the stream name's UTF-8 bytes. Seeds depend only on these coordinates, never on
/// the thread that runs a replicate or on the order in which replicates finish.
public enum SeedDerivation {
    /// The SplitMix64 step: golden-ratio increment, then the variant-13 finaliser.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64-bit FNV-1a hash of a string's UTF-8 bytes (Fowler, Noll & Vo).
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The seed of replicate `replicate` (0-based) of design point `designPoint` (0-based).
    public static func replicateSeed(master: UInt64, designPoint: Int, replicate: Int) -> UInt64 {
        mix(mix(mix(master) ^ UInt64(designPoint)) ^ UInt64(replicate))
    }

    /// The seed of one government's stream inside a replicate.
    public static func streamSeed(replicateSeed: UInt64, government: Int, stream: StreamName) -> UInt64 {
        mix(mix(replicateSeed ^ UInt64(government + 1)) ^ fnv1a64(stream.rawValue))
    }
}
