import SinergiStats
import Testing

@Suite("SeedDerivation")
struct SeedDerivationTests {
    /// SplitMix64 as published (Steele, Lea & Flood 2014; Vigna's splitmix64.c):
    /// state += 0x9E3779B97F4A7C15, then the variant-13 finaliser of the new state.
    private struct ReferenceSplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("mix(0) is SplitMix64's first output from state 0")
    func mixOfZero() {
        #expect(SeedDerivation.mix(0) == 0xE220_A839_7B1D_CDAF)
    }

    @Test("mix(s) is the first SplitMix64 output from state s (published vectors)")
    func mixMatchesSplitMix64() {
        // From state 0 the sequence is E220A8397B1DCDAF, 6E789E6AA1B965F4, 06C45D188009454F;
        // the k-th output is mix((k − 1) · γ).
        let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
        #expect(SeedDerivation.mix(gamma) == 0x6E78_9E6A_A1B9_65F4)
        #expect(SeedDerivation.mix(gamma &* 2) == 0x06C4_5D18_8009_454F)
        // Seed 1234567, the vector used by Vigna's reference and rand_xoshiro's tests.
        #expect(SeedDerivation.mix(1_234_567) == 6_457_827_717_110_365_317)
        #expect(SeedDerivation.mix(1_234_567 &+ gamma) == 3_203_168_211_198_807_973)
        #expect(SeedDerivation.mix(1_234_567 &+ gamma &* 4) == 16_408_922_859_458_223_821)
    }

    @Test("mix agrees with an independent SplitMix64 on many states")
    func mixMatchesReferenceImplementation() {
        var reference = ReferenceSplitMix64(state: 0x0123_4567_89AB_CDEF)
        var walker = ReferenceSplitMix64(state: 0xFEDC_BA98_7654_3210)
        for _ in 0..<1000 {
            let state = walker.next()
            reference.state = state
            #expect(SeedDerivation.mix(state) == reference.next())
        }
    }

    @Test("FNV-1a 64 matches the published test vectors")
    func fnv1aVectors() {
        // Fowler, Noll & Vo reference test suite (offset basis, "a", "foobar").
        #expect(SeedDerivation.fnv1a64("") == 0xCBF2_9CE4_8422_2325)
        #expect(SeedDerivation.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(SeedDerivation.fnv1a64("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test("stream names are the ones MODEL.md §6 lists")
    func streamNames() {
        #expect(StreamName.allCases.map(\.rawValue) == ["init", "politics", "hr", "forum", "motivation", "citizens"])
    }

    @Test("replicate and stream seeds follow the documented formula")
    func documentedFormula() {
        let mix = SeedDerivation.mix
        for (master, design, replicate) in [(UInt64(2018), 0, 0), (42, 3, 7), (UInt64.max, 12, 999)] {
            let expected = mix(mix(mix(master) ^ UInt64(design)) ^ UInt64(replicate))
            #expect(SeedDerivation.replicateSeed(master: master, designPoint: design, replicate: replicate) == expected)
        }
        let replicateSeed: UInt64 = 0x0123_4567_89AB_CDEF
        for government in [0, 1, 9] {
            for stream in StreamName.allCases {
                let expected = mix(
                    mix(replicateSeed ^ UInt64(government + 1)) ^ SeedDerivation.fnv1a64(stream.rawValue))
                #expect(
                    SeedDerivation.streamSeed(replicateSeed: replicateSeed, government: government, stream: stream)
                        == expected)
            }
        }
    }

    @Test("one worked example, computed from the formula with an independent Python SplitMix64/FNV-1a")
    func workedExample() {
        // Python: mix(x) = finaliser((x + γ) mod 2^64); fnv1a over UTF-8 bytes.
        let replicate = SeedDerivation.replicateSeed(master: 2018, designPoint: 3, replicate: 7)
        #expect(replicate == 0x79AC_30F2_998B_BD03)
        #expect(
            SeedDerivation.streamSeed(replicateSeed: replicate, government: 4, stream: .politics)
                == 0xE048_78CA_BA5F_4090)
        let first = SeedDerivation.replicateSeed(master: 2018, designPoint: 0, replicate: 0)
        #expect(first == 0x099D_AA4C_7C47_787F)
        #expect(
            SeedDerivation.streamSeed(replicateSeed: first, government: 0, stream: .initial) == 0xFD3C_48D2_6186_B4D3)
    }

    @Test("distinct (design, replicate) give distinct replicate seeds")
    func distinctReplicateSeeds() {
        var seeds = Set<UInt64>()
        var count = 0
        for design in 0..<20 {
            for replicate in 0..<500 {
                seeds.insert(SeedDerivation.replicateSeed(master: 2018, designPoint: design, replicate: replicate))
                count += 1
            }
        }
        #expect(seeds.count == count)
        // The coordinates are not interchangeable: a plain XOR of the two would collide here.
        #expect(
            SeedDerivation.replicateSeed(master: 1, designPoint: 1, replicate: 0)
                != SeedDerivation.replicateSeed(master: 1, designPoint: 0, replicate: 1))
    }

    @Test("distinct (design, replicate, government, stream) give distinct stream seeds")
    func distinctStreamSeeds() {
        var seeds = Set<UInt64>()
        var count = 0
        for design in 0..<3 {
            for replicate in 0..<50 {
                let replicateSeed = SeedDerivation.replicateSeed(master: 7, designPoint: design, replicate: replicate)
                for government in 0..<10 {
                    for stream in StreamName.allCases {
                        seeds.insert(
                            SeedDerivation.streamSeed(
                                replicateSeed: replicateSeed, government: government, stream: stream))
                        count += 1
                    }
                }
            }
        }
        #expect(count == 9000)
        #expect(seeds.count == count)
    }

    @Test("different master seeds give different replicate seeds")
    func masterSeedMatters() {
        let seeds = Set(
            (0..<1000).map { SeedDerivation.replicateSeed(master: UInt64($0), designPoint: 0, replicate: 0) })
        #expect(seeds.count == 1000)
    }
}
