import SinergiModel
import SinergiStats

/// Many futures of a session, as a value the server can run away from the session's actor.
///
/// Replicate r of design point 0 of the session's seed is future r, so future 0 is the
/// live run when nobody plays, and the same request gives the same answer.
public struct FuturesJob: Sendable {
    public let input: ModelInput
    public let seed: UInt64
    public let count: Int

    /// Bins of the final-index histogram: 0.1 wide from 1.0 to 5.0.
    public static let histogramFrom = 1.0
    public static let histogramWidth = 0.1
    public static let histogramBins = 40

    /// Runs the futures on the calling thread (about a millisecond each for the classroom scenario).
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` when a replicate cannot start (the model's error).
    public func run() throws(ClassroomError) -> Futures {
        let runner = ReplicateRunner(input: input)
        let workspace = ReplicateWorkspace(for: runner)
        let layout = runner.layout
        let governments = input.governments.count
        let rows = layout.rows
        var spbe = [[Double]](repeating: [], count: governments)
        var adoption = [[Double]](repeating: [], count: governments)
        for g in 0..<governments {
            spbe[g].reserveCapacity(count * rows)
            adoption[g].reserveCapacity(count * rows)
        }
        var record = runner.makeRecord()
        for r in 0..<count {
            do {
                try runner.run(replicate: r, masterSeed: seed, in: workspace, into: &record)
            } catch {
                throw .badRequest("future \(r) cannot run: \(error)")
            }
            for g in 0..<governments {
                let offset = layout.offsets[g], width = layout.widths[g]
                for m in 0..<rows {
                    spbe[g].append(record.series[offset + m * width + SeriesMetric.spbe.rawValue])
                    adoption[g].append(record.series[offset + m * width + SeriesMetric.adoption.rawValue])
                }
            }
        }
        return Futures(
            count: count, seed: seed,
            governments: (0..<governments).map {
                summarise(spbe: spbe[$0], adoption: adoption[$0], rows: rows)
            })
    }

    /// Statistics of one government; `spbe` and `adoption` hold `rows` values per future.
    private func summarise(spbe: [Double], adoption: [Double], rows: Int) -> Futures.Government {
        func column(_ values: [Double], _ m: Int) -> [Double] {
            (0..<count).map { values[$0 * rows + m] }
        }
        let finalSpbe = column(spbe, rows - 1)
        let finalAdoption = column(adoption, rows - 1)
        let index = Summary(finalSpbe)
        let adopted = Summary(finalAdoption)
        var counts = [Int](repeating: 0, count: Self.histogramBins)
        var predicates = [Int](repeating: 0, count: SPBEPredicate.allCases.count)
        for value in finalSpbe {
            let bin = Int(((value - Self.histogramFrom) / Self.histogramWidth).rounded(.down))
            counts[Swift.min(Self.histogramBins - 1, Swift.max(0, bin))] += 1
            predicates[SPBEPredicate(index: value).rawValue] += 1
        }
        let shares = Dictionary(
            uniqueKeysWithValues: SPBEPredicate.allCases.map {
                ($0, Double(predicates[$0.rawValue]) / Double(count))
            })
        var spbeBand = Futures.Band(p5: [], p50: [], p95: [])
        var adoptionBand = Futures.Band(p5: [], p50: [], p95: [])
        for m in 0..<rows {
            let s = Summary(column(spbe, m))
            spbeBand.p5.append(s.q05); spbeBand.p50.append(s.q50); spbeBand.p95.append(s.q95)
            let a = Summary(column(adoption, m))
            adoptionBand.p5.append(a.q05); adoptionBand.p50.append(a.q50); adoptionBand.p95.append(a.q95)
        }
        return Futures.Government(
            finalSpbe: Futures.FinalIndex(
                mean: index.mean, p5: index.q05, p25: index.q25, p50: index.q50, p75: index.q75, p95: index.q95,
                histogram: Futures.Histogram(from: Self.histogramFrom, width: Self.histogramWidth, counts: counts)),
            predicateShares: shares,
            adoption: Futures.Adoption(mean: adopted.mean, p5: adopted.q05, p50: adopted.q50, p95: adopted.q95),
            bands: Futures.Bands(spbe: spbeBand, adoption: adoptionBand))
    }
}
