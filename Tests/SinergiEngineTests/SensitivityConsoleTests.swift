import SinergiModel
import Testing

@testable import SinergiEngine

/// The console table of `sinergi sensitivity`: the Region when there is one, factors ranked
/// by ST (Sobol') with both indices and their intervals, then the seed's share; and
/// indices.csv read back gives the rows that were written.
@Suite struct SensitivityConsoleTests {
    static func row(_ government: String, _ factor: String, _ index: String, _ estimate: Double) -> SensitivityRow {
        SensitivityRow(
            government: government, outcome: "final_spbe", factor: factor, index: index, estimate: estimate,
            ci95Low: estimate - 0.05, ci95High: estimate + 0.05)
    }

    @Test func regionFactorsRankedByTotalIndex() {
        var rows: [SensitivityRow] = []
        for government in ["Kota Jambi", "Region"] {
            rows += [
                Self.row(government, "a", "S1", 0.5), Self.row(government, "a", "ST", 0.2),
                Self.row(government, "b", "S1", 0.1), Self.row(government, "b", "ST", 0.7),
                Self.row(government, "(seed)", "noise_share", 0.25),
            ]
        }
        rows[3].estimate = 0.01  // Kota Jambi's b: not the unit shown
        let table = SensitivityConsole.table(rows, sobol: true)
        #expect(table.hasPrefix("Region — final_spbe\n"))
        #expect(!table.contains("Kota Jambi"))
        let lines = table.split(separator: "\n").map(String.init)
        let b = lines.firstIndex { $0.hasPrefix("b ") }, a = lines.firstIndex { $0.hasPrefix("a ") }
        #expect(b != nil && a != nil && b! < a!, "b (ST 0.7) before a (ST 0.2)")
        #expect(lines.contains { $0.hasPrefix("b ") && $0.contains("0.100 [0.050, 0.150]") && $0.contains("0.700") })
        #expect(table.contains("seed (luck): 0.250 [0.200, 0.300]"))
        #expect(!table.hasSuffix("\n"))

        var csv = CSV(header: ["government", "outcome", "factor", "index", "estimate", "ci95_low", "ci95_high"])
        for r in rows {
            csv.appendRow(
                [r.government, r.outcome, r.factor, r.index] + [r.estimate, r.ci95Low, r.ci95High].map(CSV.number))
        }
        #expect(SensitivityConsole.rows(indicesCSV: csv.contents) == rows)
    }
}
