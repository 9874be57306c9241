import Foundation
import SinergiModel
import SinergiScenario

extension Factor: CustomStringConvertible {
    /// Reads a `--factor` argument: `PATH=LOW:HIGH` (a range) or `PATH=v1,v2,…` (a list),
    /// optionally followed by `,log` (a range sampled in log space) and `,integer` (whole
    /// numbers only), e.g. `parameters.citizens.imitation=0.1:1,log` or `months=12:60,integer`.
    ///
    /// - Throws: ``DesignError/factor(_:problem:)`` naming what is wrong: no `=`, a path
    ///   that cannot be read, a text that is not a number, LOW ≥ HIGH, `log` with LOW ≤ 0,
    ///   `integer` with a bound or value that is not whole, a value listed twice.
    public init(_ argument: String) throws(DesignError) {
        func failure(_ problem: String) -> DesignError { .factor(argument, problem: problem) }
        guard let (pathText, specification) = ScenarioPath.splitAssignment(argument) else {
            throw failure("expected PATH=LOW:HIGH or PATH=v1,v2,…, e.g. parameters.trust.build=0.01:0.2")
        }
        let path: ScenarioPath
        do {
            path = try ScenarioPath(pathText)
        } catch {
            guard case .malformed(let problem) = error else { throw .scenario(error) }
            throw failure(problem)
        }
        var log = false, integer = false
        var range: (low: Double, high: Double)?
        var list: [Double] = []
        for item in specification.split(separator: ",", omittingEmptySubsequences: false) {
            let text = item.trimmingCharacters(in: .whitespaces)
            switch text {
            case "log": log = true
            case "integer": integer = true
            case "": throw failure("an empty value; write LOW:HIGH or v1,v2,…")
            default:
                if let colon = text.firstIndex(of: ":") {
                    guard range == nil, list.isEmpty else {
                        throw failure("give one LOW:HIGH range or a list of values")
                    }
                    range = (
                        try Self.number(text[..<colon], failure),
                        try Self.number(text[text.index(after: colon)...], failure)
                    )
                } else {
                    guard range == nil else { throw failure("give one LOW:HIGH range or a list of values") }
                    list.append(try Self.number(Substring(text), failure))
                }
            }
        }
        let values: Values
        if let range {
            guard range.low < range.high else {
                throw failure("LOW must be below HIGH, got \(CSV.number(range.low)) ≥ \(CSV.number(range.high))")
            }
            if log, range.low <= 0 {
                throw failure("log needs LOW > 0, got \(CSV.number(range.low))")
            }
            if integer, range.low.rounded() != range.low || range.high.rounded() != range.high {
                throw failure(
                    "integer needs whole LOW and HIGH, got \(CSV.number(range.low)):\(CSV.number(range.high))")
            }
            values = .range(low: range.low, high: range.high)
        } else {
            guard !list.isEmpty else { throw failure("expected LOW:HIGH or v1,v2,… after '='") }
            if log { throw failure("log applies to a LOW:HIGH range, not to a list of values") }
            if let value = list.first(where: { integer && $0.rounded() != $0 }) {
                throw failure("integer needs whole values, got \(CSV.number(value))")
            }
            if let repeated = list.indices.first(where: { list[..<$0].contains(list[$0]) }) {
                throw failure("value \(CSV.number(list[repeated])) is listed twice")
            }
            values = .list(list)
        }
        self.init(path: path, values: values, log: log, integer: integer)
    }

    private static func number(_ text: Substring, _ failure: (String) -> DesignError) throws(DesignError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else { throw failure("'\(trimmed)' is not a number") }
        return value
    }

    /// The factor as a `--factor` argument reads it.
    public var description: String {
        let specification: String
        switch values {
        case .range(let low, let high): specification = "\(CSV.number(low)):\(CSV.number(high))"
        case .list(let list): specification = list.map(CSV.number).joined(separator: ",")
        }
        return "\(path)=\(specification)\(log ? ",log" : "")\(integer ? ",integer" : "")"
    }
}
