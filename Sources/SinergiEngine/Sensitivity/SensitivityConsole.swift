import Foundation

/// The table `sinergi sensitivity` prints: for the headline unit (the Region, or the only
/// government) and each outcome, the factors ranked by their total (Sobol': ST) or overall
/// (Morris: μ*) effect, with 95% intervals, then the seed's share.
public enum SensitivityConsole {
    /// Reads indices.csv back (for a scenario run, whose rows are in its folder).
    public static func rows(indicesCSV text: String) -> [SensitivityRow] {
        CSVRecords.parse(text).dropFirst().compactMap { record in
            let f = record.fields
            guard f.count == 7 else { return nil }
            return SensitivityRow(
                government: f[0], outcome: f[1], factor: f[2], index: f[3], estimate: Double(f[4]) ?? .nan,
                ci95Low: Double(f[5]) ?? .nan, ci95High: Double(f[6]) ?? .nan)
        }
    }

    public static func table(_ rows: [SensitivityRow], sobol: Bool) -> String {
        let governments = rows.reduce(into: [String]()) { if !$0.contains($1.government) { $0.append($1.government) } }
        let unit = governments.contains("Region") ? "Region" : governments.first ?? ""
        let (first, second) = sobol ? ("S1", "ST") : ("mu_star", "sigma")
        let rankBy = sobol ? second : first
        var text = ""
        let outcomes = rows.filter { $0.government == unit }.reduce(into: [String]()) {
            if !$0.contains($1.outcome) { $0.append($1.outcome) }
        }
        for outcome in outcomes {
            let mine = rows.filter { $0.government == unit && $0.outcome == outcome }
            func row(_ factor: String, _ index: String) -> SensitivityRow? {
                mine.first { $0.factor == factor && $0.index == index }
            }
            let factors = mine.filter { $0.index == rankBy }.sorted {
                ($0.estimate, $1.factor) > ($1.estimate, $0.factor)
            }
            .map(\.factor)
            func cell(_ r: SensitivityRow?) -> String {
                guard let r else { return "–" }
                return
                    "\(NumberText.fixed(r.estimate, 3)) [\(NumberText.fixed(r.ci95Low, 3)), \(NumberText.fixed(r.ci95High, 3))]"
            }
            let header = [
                "factor", sobol ? "S1 (alone)" : "μ* (effect)", sobol ? "ST (with interactions)" : "σ (spread)",
            ]
            let body = factors.map { [$0, cell(row($0, first)), cell(row($0, second))] }
            text += "\(unit) — \(outcome)\n" + ConsoleReport.render(header: header, rows: body)
            if let noise = row(SensitivityResult.seedFactor, SensitivityResult.noiseShareIndex), noise.estimate.isFinite
            {
                text +=
                    "seed (luck): \(NumberText.fixed(noise.estimate, 3)) [\(NumberText.fixed(noise.ci95Low, 3)), "
                    + "\(NumberText.fixed(noise.ci95High, 3))] of one replicate's variance\n"
            }
            text += "\n"
        }
        // Blocks are separated by one blank line; the caller ends the last line.
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
