/// The full factorial: every combination of the factors' values. A list factor takes its
/// listed values; a range factor `--levels K` evenly spaced values from LOW to HIGH (in log
/// space when `log`; an integer factor's whole numbers, without repeats). The first factor
/// varies slowest.
public struct GridDesign: DesignMethod {
    public static let name = "grid"
    /// The most points a grid may have.
    public static let maximumPoints = 1_000_000

    /// Values per range factor.
    public var levels: Int?

    public init(levels: Int?) {
        self.levels = levels
    }

    public init(argument: String?, settings: DesignSettings) throws(DesignError) {
        if let argument { throw Self.failure("takes no ':\(argument)'") }
        if let levels = settings.levels, levels < 2 {
            throw Self.failure("--levels must be at least 2 (LOW and HIGH), got \(levels)")
        }
        self.init(levels: settings.levels)
    }

    public func design(for factors: [Factor]) throws(DesignError) -> Design {
        var axes: [[(value: Double, unit: Double)]] = []
        for factor in factors {
            switch factor.values {
            case .list(let values):
                let count = Double(values.count)
                axes.append(values.enumerated().map { ($1, (Double($0) + 0.5) / count) })
            case .range:
                guard let levels else {
                    throw Self.failure("needs --levels K for the range factor '\(factor.name)'")
                }
                var axis: [(value: Double, unit: Double)] = []
                for level in 0..<levels {
                    let unit = Double(level) / Double(levels - 1)
                    let value = factor.value(atUnit: unit)
                    if axis.last?.value != value { axis.append((value, unit)) }
                }
                axes.append(axis)
            }
        }
        var total = 1
        for axis in axes {
            let (product, overflow) = total.multipliedReportingOverflow(by: axis.count)
            guard !overflow, product <= Self.maximumPoints else {
                throw Self.failure(
                    "the full factorial of \(axes.map { String($0.count) }.joined(separator: " × ")) values has more "
                        + "than \(Self.maximumPoints) points; use fewer --levels, or lhs or sobol")
            }
            total = product
        }
        var points: [[Double]] = []
        var units: [[Double]] = []
        points.reserveCapacity(total)
        units.reserveCapacity(total)
        for index in 0..<total {
            var rest = index
            var point = [Double](repeating: 0, count: axes.count)
            var unit = point
            for f in axes.indices.reversed() {
                let entry = axes[f][rest % axes[f].count]
                rest /= axes[f].count
                point[f] = entry.value
                unit[f] = entry.unit
            }
            points.append(point)
            units.append(unit)
        }
        return Design(method: Self.name, factors: factors, points: points, unitPoints: units)
    }
}
