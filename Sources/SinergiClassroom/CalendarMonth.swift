/// A month of the calendar, such as 2019-01: where a scenario starts, and the date of a
/// month of its run.
public struct CalendarMonth: Sendable, Hashable {
    public var year: Int
    /// 1 … 12.
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The calendar month `months` after this one.
    public func adding(months: Int) -> CalendarMonth {
        let total = year * 12 + (month - 1) + months
        return CalendarMonth(year: total / 12, month: total % 12 + 1)
    }
}
