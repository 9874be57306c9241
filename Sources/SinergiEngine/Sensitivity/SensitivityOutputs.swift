import SinergiModel
import SinergiStats

extension SensitivityAnalysis {
    /// The outputs of a complete sweep store, one per government (and the Region, when the
    /// scenario has several governments) and outcome of `plan`: every point's replicate
    /// values, read from the store's replicate table. The Region's value in a replicate is
    /// the sum or mean over governments, by the outcome's region rule, as in summary.csv.
    static func outputs(store: SweepStore, plan: SensitivityPlan) throws(RunError) -> [Output] {
        let identity = store.identity
        let points = identity.points
        let r = identity.replicates
        let governments = identity.governments
        let columns = try plan.outcomes.map { name throws(RunError) -> (Outcome, Int) in
            guard let outcome = try? Outcome.named(name, among: Outcome.replicateColumns),
                let column = identity.outcomeColumns.firstIndex(of: outcome.name)
            else { throw RunError.io("the sweep store has no outcome column '\(name)'") }
            return (outcome, column)
        }
        // values[g][o][point · R + replicate]
        var values = [[[Double]]](
            repeating: [[Double]](repeating: [Double](repeating: .nan, count: points * r), count: columns.count),
            count: governments.count)
        let chunk = 256
        for start in stride(from: 0, to: points, by: chunk) {
            for (point, row) in try store.replicateRows(points: start..<Swift.min(points, start + chunk)) {
                guard let g = governments.firstIndex(of: row.government), row.replicate < r else { continue }
                for (o, (_, column)) in columns.enumerated() {
                    values[g][o][point * r + row.replicate] = row.values[column]
                }
            }
        }
        var outputs: [Output] = []
        func output(_ government: String, _ outcome: Outcome, _ data: [Double]) throws(RunError) -> Output {
            do {
                return Output(
                    government: government, outcome: outcome.name,
                    values: try ReplicateOutputs(pointCount: points, replicateCount: r, values: data))
            } catch {
                throw RunError.io("cannot analyse \(outcome.name) of \(government): \(error)")
            }
        }
        for (g, government) in governments.enumerated() {
            for (o, (outcome, _)) in columns.enumerated() {
                outputs.append(try output(government, outcome, values[g][o]))
            }
        }
        if governments.count > 1 {
            for (o, (outcome, _)) in columns.enumerated() where outcome.region != .none {
                var region = [Double](repeating: 0, count: points * r)
                for g in governments.indices {
                    for i in region.indices { region[i] += values[g][o][i] }
                }
                if outcome.region == .mean {
                    for i in region.indices { region[i] /= Double(governments.count) }
                }
                outputs.append(try output(RunStatistics.regionName, outcome, region))
            }
        }
        return outputs
    }
}
