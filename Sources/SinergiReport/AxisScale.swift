import Foundation

/// A linear map from data values to SVG coordinates.
struct LinearScale {
    let domain: ClosedRange<Double>
    let range: (Double, Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return range.0 }
        let clamped = Swift.min(Swift.max(value, domain.lowerBound), domain.upperBound)
        return range.0 + (clamped - domain.lowerBound) / span * (range.1 - range.0)
    }
}

/// Round tick values for a value axis.
enum NiceTicks {
    /// Ticks from `lower` up to a round number at or above `upper`, about `count` of them,
    /// stepping by 1, 2, 2.5 or 5 times a power of ten.
    static func covering(_ lower: Double, _ upper: Double, count: Int = 5) -> [Double] {
        let upper = upper > lower ? upper : lower + 1
        let step = step(upper - lower, count: count)
        let top = ceil(upper / step - 1e-9) * step
        var ticks: [Double] = []
        var value = lower
        while value <= top + step * 1e-6 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value = lower + Double(ticks.count) * step
        }
        return ticks
    }

    /// Ticks from a round number at or below `lower` to one at or above `upper`, about
    /// `count` of them: for axes of differences, which may start below zero. A range of
    /// zero width (or not finite) gets a unit around it.
    static func spanning(_ lower: Double, _ upper: Double, count: Int = 5) -> [Double] {
        guard lower.isFinite, upper.isFinite else { return [0, 1] }
        let (lower, upper) = upper > lower ? (lower, upper) : (lower - 0.5, lower + 0.5)
        let step = step(upper - lower, count: count)
        let bottom = floor(lower / step + 1e-9) * step, top = ceil(upper / step - 1e-9) * step
        var ticks: [Double] = []
        var value = bottom
        while value <= top + step * 1e-6 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value = bottom + Double(ticks.count) * step
        }
        return ticks
    }

    /// A step of 1, 2, 2.5 or 5 times a power of ten giving about `count` steps over `span`.
    private static func step(_ span: Double, count: Int) -> Double {
        let raw = span / Double(Swift.max(1, count))
        let power = pow(10, floor(log10(raw)))
        return [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * power }.first { $0 >= raw * 0.999 } ?? 10 * power
    }

    /// Decimals needed to tell the ticks apart.
    static func decimals(_ ticks: [Double]) -> Int {
        guard ticks.count > 1 else { return 0 }
        let step = ticks[1] - ticks[0]
        let digits = Int(ceil(-log10(step) - 1e-9))
        // A step of 2.5 × 10^k needs one decimal more than its power of ten.
        let quarter = abs(step * pow(10, ceil(-log10(step))) - 2.5) < 1e-9
        return Swift.max(0, digits + (quarter ? 1 : 0))
    }
}

/// Ticks of the month axis: month 0 is the initial state, then every 3, 6, 12 … months.
enum MonthTicks {
    static func ticks(months: Int) -> [Int] {
        let step: Int
        switch months {
        case ...12: step = 3
        case ...36: step = 6
        case ...96: step = 12
        case ...240: step = 24
        default: step = 12 * Int((Double(months) / 120).rounded(.up))
        }
        return Array(stride(from: 0, through: months, by: step))
    }
}
