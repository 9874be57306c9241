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
        var csv = CSV(header: ["month", "date", "government", "metric", "value"])
        for frame in frames {
            let date = frame.date.text
            for (g, government) in frame.governments.enumerated() {
                for (k, metric) in names[g].enumerated() {
                    let value =
                        k < metrics.count
                        ? Self.value(metrics[k], of: government) : government.initiatives[k - metrics.count].progress
                    csv.appendRow([String(frame.month), date, input.governments[g].name, metric, CSV.number(value)])
                }
            }
        }
        return csv.contents
    }

    /// Every move of the run so far as CSV: `month,player,government,agency,what,value`, in
    /// the order they acted. A lever's row has `lecturer` as player and no government or
    /// agency (a lever acts on every government) and its intensity as value (empty: switched
    /// off); a student's row has the student's name, government and agency, the stance item
    /// (`shareData`, `training`, `commitBudget`) and 1 for yes, 0 for no.
    public func movesCSV() -> String {
        let governments = currentInput.governments
        var csv = CSV(header: ["month", "player", "government", "agency", "what", "value"])
        for move in moves {
            let government = move.government.map { governments[$0].name } ?? ""
            let agency = move.government.flatMap { g in move.agency.map { governments[g].agencies[$0].name } } ?? ""
            csv.appendRow([
                String(move.month), move.player ?? "lecturer", government, agency, move.what,
                move.value.map(CSV.number) ?? "",
            ])
        }
        return csv.contents
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
