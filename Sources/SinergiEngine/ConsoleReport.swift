import Foundation
import SinergiModel
import SinergiStats

/// The short table `sinergi run` prints: per government, the SPBE index at the start and
/// the end with the 95% CI of its mean, the shares of final predicates, adoption and
/// initiatives integrated.
public enum ConsoleReport {
    public static func table(_ outcome: Study.Outcome, initiativeCounts: [Int]) -> String {
        let statistics = outcome.statistics
        let header = [
            "Government", "SPBE start → end [95% CI]", "Kurang", "Cukup", "Baik", "S.Baik",
            "Memuaskan", "P(≥Baik)", "Adoption", "Integrated",
        ]
        var rows: [[String]] = []
        var finalSpbe: [String: Double] = [:]
        for row in statistics.outcomes where row.outcome == Outcome.finalSpbe.name {
            finalSpbe[row.government] = row.summary.mean
        }
        var names = GovernmentSample.select(outcome.governments) { finalSpbe[$0] }
        let index = Dictionary(
            outcome.governments.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var counts = names.map { initiativeCounts[index[$0]!] }
        if outcome.governments.count > 1 {
            names.append(RunStatistics.regionName)
            counts.append(initiativeCounts.reduce(0, +) / Swift.max(1, initiativeCounts.count))
        }
        for (name, count) in zip(names, counts) {
            func mean(_ outcome: Outcome) -> Double { statistics.summary(outcome, government: name)?.mean ?? .nan }
            let final = statistics.summary(.finalSpbe, government: name)
            var row = [name]
            row.append(
                "\(fixed(mean(.initialSpbe), 2)) → \(fixed(final?.mean ?? .nan, 2)) "
                    + "[\(fixed(final?.ci95Low ?? .nan, 2)), \(fixed(final?.ci95High ?? .nan, 2))]")
            for predicate in SPBEPredicate.allCases { row.append(percent(mean(.share(endingAt: predicate)))) }
            row.append(percent(mean(.pBaikOrBetter)))
            row.append(percent(mean(.adoption), digits: 1))
            let integrated = mean(.initiativesIntegrated)
            row.append(
                name == RunStatistics.regionName ? "\(fixed(integrated, 1)) avg" : "\(fixed(integrated, 1)) of \(count)"
            )
            rows.append(row)
        }
        var text = render(header: header, rows: rows)
        if let note = GovernmentSample.note(
            shown: names.count - (outcome.governments.count > 1 ? 1 : 0),
            total: outcome.governments.count)
        {
            text += "\n" + note + "\n"
        }
        return text
    }

    /// A table with aligned columns; names from the scenario are shown with their control
    /// characters escaped (``TerminalText``).
    static func render(header: [String], rows: [[String]]) -> String {
        let rows = rows.map { $0.map { TerminalText.escape($0) } }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = Swift.max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var text = line(header) + "\n"
        text += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        value.isNaN ? "–" : String(format: "%.\(digits)f", value)
    }

    static func percent(_ value: Double, digits: Int = 0) -> String {
        value.isNaN ? "–" : String(format: "%.\(digits)f%%", value * 100)
    }
}
