import Foundation

/// The text of the progress line that `sinergi run`, `compare` and `sweep` redraw on a
/// terminal: what is done of what is planned, a bar, the rate and the time left (or the
/// half-width against its target). A pure function of the numbers it is given, so it is
/// tested without a clock.
///
/// A sweep counts replicates of its points (points × replicates, one bar) and gives its
/// rate in points per second: `  1200/40000 replicates (120/4000 points) ▕█···▏ 3%  95 points/s  0:41 left`.
public struct ProgressLine: Sendable, Equatable {
    /// Units done and planned (replicates, or runs of a comparison's arms).
    public var done: Int
    public var planned: Int
    /// Seconds since the study started.
    public var seconds: Double
    /// What is counted: "replicates", or "runs".
    public var unit: String
    /// For a sweep: replicates per design point, to count points and give points/s.
    public var replicatesPerPoint: Int?
    /// The precision target and the half-width reached (NaN before the first batch).
    public var precisionTarget: Double?
    public var halfWidth: Double = .nan
    /// What runs after the replicates (statistics, files, report), when it has begun.
    public var activity: String?

    /// Characters of the bar.
    static let width = 24

    public init(
        done: Int, planned: Int, seconds: Double, unit: String = "replicates", replicatesPerPoint: Int? = nil,
        precisionTarget: Double? = nil, halfWidth: Double = .nan, activity: String? = nil
    ) {
        self.done = done
        self.planned = planned
        self.seconds = seconds
        self.unit = unit
        self.replicatesPerPoint = replicatesPerPoint
        self.precisionTarget = precisionTarget
        self.halfWidth = halfWidth
        self.activity = activity
    }

    /// The line, without the carriage return and erase that redraw it.
    public var text: String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let fraction = planned > 0 ? Swift.min(1, Double(done) / Double(planned)) : 0
        let filled = Int((fraction * Double(Self.width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: Self.width - filled)
        var counts = "\(done)/\(planned) \(unit)"
        if let perPoint = replicatesPerPoint, perPoint > 0 {
            counts += " (\(done / perPoint)/\((planned + perPoint - 1) / perPoint) points)"
        }
        var line = "  \(counts) ▕\(bar)▏ \(Int(fraction * 100))%  "
        if let activity { return line + activity + "…" }
        if let perPoint = replicatesPerPoint, perPoint > 0 {
            let points = rate / Double(perPoint)
            line += points < 10 ? String(format: "%.1f points/s", points) : String(format: "%.0f points/s", points)
        } else {
            line += String(format: "%.0f \(unit == "replicates" ? "rep" : unit)/s", rate)
        }
        if let target = precisionTarget {
            line +=
                halfWidth.isNaN ? "  half-width –" : String(format: "  half-width %.4f → %.4f", halfWidth, target)
        } else if rate > 0 {
            let left = Int((Double(Swift.max(0, planned - done)) / rate).rounded(.up))
            line += String(format: "  %d:%02d left", left / 60, left % 60)
        }
        return line
    }
}
