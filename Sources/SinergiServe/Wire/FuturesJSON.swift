import SinergiClassroom
import SinergiModel

/// FUTURES of docs/classroom-api.md: ``Futures`` as JSON, predicate shares by predicate
/// name.
struct FuturesJSON: Codable, Sendable, Equatable {
    var count: Int
    @SeedText var seed: UInt64
    var governments: [Government]

    struct Government: Codable, Sendable, Equatable {
        var finalSpbe: FinalSpbe
        /// Share of futures ending in each predicate, by predicate name (all five present).
        var predicateShares: [String: Double]
        var adoption: Adoption
        var bands: Bands
    }

    struct FinalSpbe: Codable, Sendable, Equatable {
        var mean: Double
        var p5: Double
        var p25: Double
        var p50: Double
        var p75: Double
        var p95: Double
        var histogram: Histogram
    }

    struct Histogram: Codable, Sendable, Equatable {
        var from: Double
        var width: Double
        var counts: [Int]
    }

    struct Adoption: Codable, Sendable, Equatable {
        var mean: Double
        var p5: Double
        var p50: Double
        var p95: Double
    }

    struct Bands: Codable, Sendable, Equatable {
        var spbe: Band
        var adoption: Band
    }

    struct Band: Codable, Sendable, Equatable {
        var p5: [Double]
        var p50: [Double]
        var p95: [Double]

        init(_ band: Futures.Band) {
            p5 = band.p5
            p50 = band.p50
            p95 = band.p95
        }
    }

    init(_ futures: Futures) {
        count = futures.count
        seed = futures.seed
        governments = futures.governments.map { government in
            let index = government.finalSpbe, adopted = government.adoption
            return Government(
                finalSpbe: FinalSpbe(
                    mean: index.mean, p5: index.p5, p25: index.p25, p50: index.p50, p75: index.p75, p95: index.p95,
                    histogram: Histogram(
                        from: index.histogram.from, width: index.histogram.width, counts: index.histogram.counts)),
                predicateShares: Dictionary(
                    uniqueKeysWithValues: government.predicateShares.map { ($0.key.name, $0.value) }),
                adoption: Adoption(mean: adopted.mean, p5: adopted.p5, p50: adopted.p50, p95: adopted.p95),
                bands: Bands(spbe: Band(government.bands.spbe), adoption: Band(government.bands.adoption)))
        }
    }
}
