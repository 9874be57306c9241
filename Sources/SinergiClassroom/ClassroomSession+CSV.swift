import Foundation
import SinergiModel

extension ClassroomSession {
    /// The live run so far as CSV, long format: `month,date,government,metric,value`, one
    /// row per month (0 … the current month), government and metric. The metrics and their
    /// names are those of `sinergi run`'s timeseries.csv (``SeriesLayout``: the
    /// ``SeriesMetric`` names, then `progress:INITIATIVE`), and `value` is the single run's
    /// value where timeseries.csv has statistics across replicates; `date` is the calendar
    /// month (`2019-01`).
    public func timeseriesCSV() -> String {
        let input = currentInput
        let names = SeriesLayout(input: input).metricNames
        let metrics = SeriesMetric.allCases
        var csv = ExportCSV(header: ["month", "date", "government", "metric", "value"])
        for frame in frames {
            let date = frame.date.text
            for (g, government) in frame.governments.enumerated() {
                for (k, metric) in names[g].enumerated() {
                    let value =
                        k < metrics.count
                        ? Self.value(metrics[k], of: government) : government.initiatives[k - metrics.count].progress
                    csv.append([String(frame.month), date, input.governments[g].name, metric, ExportCSV.number(value)])
                }
            }
        }
        return csv.text
    }

    /// Every move of the run so far as CSV: `month,player,government,agency,what,value`, in
    /// the order they acted. A lever's row has `lecturer` as player and no government or
    /// agency (a lever acts on every government) and its intensity as value (empty: switched
    /// off); a student's row has the student's name, government and agency, the stance item
    /// (`shareData`, `training`, `commitBudget`) and 1 for yes, 0 for no.
    public func movesCSV() -> String {
        let governments = currentInput.governments
        var csv = ExportCSV(header: ["month", "player", "government", "agency", "what", "value"])
        for move in moves {
            let government = move.government.map { governments[$0].name } ?? ""
            let agency = move.government.flatMap { g in move.agency.map { governments[g].agencies[$0].name } } ?? ""
            csv.append([
                String(move.month), move.player ?? "lecturer", government, agency, move.what,
                move.value.map(ExportCSV.number) ?? "",
            ])
        }
        return csv.text
    }

    /// A government's value of `metric`; the switch names every metric, so a new one must be
    /// added here.
    static func value(_ metric: SeriesMetric, of government: GovernmentSnapshot) -> Double {
        switch metric {
        case .meanMaturity: government.meanMaturity
        case .spbe: government.spbe
        case .meanTrust: government.meanTrust
        case .meanCommitment: government.meanCommitment
        case .meanEffort: government.meanEffort
        case .understanding: government.understanding
        case .adoption: government.adoption
        case .internetAccess: government.internetAccess
        }
    }
}

extension CalendarMonth {
    /// `YYYY-MM`.
    public var text: String {
        let y = String(year), m = String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count < 2 ? "0" : "") + m
    }
}

/// CSV as Sinergi's data files write it (the engine's `CSV`: RFC 4180, LF line ends, fields
/// quoted only when they hold a comma, quote or line break, and a text field a spreadsheet
/// would run as a formula written with a leading `'`), for the session's downloads.
struct ExportCSV {
    private(set) var text = ""

    init(header: [String]) { append(header) }

    mutating func append(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",") + "\n"
    }

    static func escape(_ field: String) -> String {
        if let first = field.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first), Double(field) == nil {
            return escape("'" + field)
        }
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The shortest text that reads back as the same Double; empty for NaN.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
