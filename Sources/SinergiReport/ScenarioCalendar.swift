/// The calendar month a scenario starts in, read from the resolved scenario stored in the
/// manifest (its `start: {year: …, month: …}` line), to label the month axis with years.
struct ScenarioCalendar: Equatable {
    let year: Int
    /// 1 … 12.
    let month: Int

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The start of `resolvedScenario`, or nil when it has no readable `start:` line.
    init?(resolvedScenario: String) {
        for line in resolvedScenario.split(separator: "\n", omittingEmptySubsequences: true) {
            guard line.hasPrefix("start:") else { continue }
            guard let year = Self.integer(after: "year:", in: line),
                let month = Self.integer(after: "month:", in: line), (1...12).contains(month)
            else { return nil }
            self.init(year: year, month: month)
            return
        }
        return nil
    }

    /// "January 2018".
    var startText: String { "\(Self.monthNames[month - 1]) \(year)" }

    /// The date `months` after the start: "2019" when the scenario starts in January (month
    /// 12k is then the start of a year), otherwise "Jul 2019".
    func label(monthsAfterStart months: Int) -> String {
        let total = (month - 1) + months
        let year = self.year + total / 12
        if month == 1 { return String(year) }
        return "\(Self.monthNames[total % 12].prefix(3)) \(year)"
    }

    private static func integer(after key: String, in line: Substring) -> Int? {
        guard let range = line.range(of: key) else { return nil }
        let digits = line[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber }
        return Int(digits)
    }
}
