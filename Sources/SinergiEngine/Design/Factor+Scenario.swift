import SinergiModel
import SinergiScenario

extension Factor {
    /// Checks factors against the scenario they vary, before any design is made: each path
    /// leads to a value the scenario has, no path is given twice, and each factor's extreme
    /// values (LOW and HIGH, or every listed value) pass validation when set as `--set`
    /// would set them. A range over a key that takes only whole numbers must be marked
    /// `integer`.
    ///
    /// - Throws: ``DesignError`` with the first problem: the path's suggestion, or
    ///   validation's message against the `--factor` argument.
    public static func check(_ factors: [Factor], against source: ScenarioSource) throws(DesignError) {
        for (index, factor) in factors.enumerated() {
            if factors[..<index].contains(where: { $0.path == factor.path }) {
                throw .factor(factor.description, problem: "another --factor varies '\(factor.path)' already")
            }
            try factor.check(against: source)
        }
    }

    /// Checks one factor; see ``check(_:against:)``.
    public func check(against source: ScenarioSource) throws(DesignError) {
        do {
            try source.check(path)
        } catch {
            throw .scenario(error)
        }
        let extremes: [Double]
        switch values {
        case .range(let low, let high): extremes = [low, high]
        case .list(let list): extremes = list
        }
        for value in extremes {
            if let error = problem(setting: value, in: source) { throw error }
        }
        if case .range(let low, let high) = values, !integer, low.rounded() == low, low + 0.5 < high,
            problem(setting: low + 0.5, in: source) != nil
        {
            throw .factor(description, problem: "'\(path)' takes whole numbers only; add ,integer")
        }
    }

    /// What validation says of the scenario with this factor at `value`, against the
    /// `--factor` argument; nil when it is valid.
    private func problem(setting value: Double, in source: ScenarioSource) -> DesignError? {
        do {
            _ = try source.input(with: [override(value)])
            return nil
        } catch {
            guard case .invalid(var problems) = error else { return .scenario(error) }
            for index in problems.diagnostics.indices where problems.diagnostics[index].option != nil {
                problems.diagnostics[index].option = "--factor \(description)"
            }
            return .scenario(.invalid(problems))
        }
    }

    /// Why `value` is not one of this factor's values (outside its range, not listed, or not
    /// whole for an integer factor); nil when it is.
    public func problem(with value: Double) -> String? {
        if integer, value.rounded() != value { return "\(CSV.number(value)) is not a whole number" }
        switch values {
        case .range(let low, let high):
            guard (low...high).contains(value) else {
                return "\(CSV.number(value)) is outside the factor's range \(CSV.number(low)):\(CSV.number(high))"
            }
        case .list(let list):
            guard list.contains(value) else {
                return
                    "\(CSV.number(value)) is not one of the factor's values \(list.map(CSV.number).joined(separator: ","))"
            }
        }
        return nil
    }
}
