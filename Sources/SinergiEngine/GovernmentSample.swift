/// Which governments the report and the console table show when a run has too many to
/// draw one by one (a national scenario has hundreds): a sample spread evenly over the
/// ranks of the mean final SPBE index, so that the lowest, the highest and the middle are
/// all seen. Every government stays in timeseries.csv, summary.csv and replicates.csv.
public enum GovernmentSample {
    /// Runs with at most this many governments show all of them.
    public static let limit = 24
    /// How many governments a larger run shows.
    public static let size = 12

    /// The governments to show: all of `governments` (in their order) when there are at
    /// most ``limit``, else ``size`` of them at evenly spaced ranks of `finalSpbe`, lowest
    /// first (ranks i·(n − 1)/(size − 1), rounded; ties and missing values keep the
    /// scenario order, missing last).
    public static func select(_ governments: [String], finalSpbe: (String) -> Double?) -> [String] {
        guard governments.count > limit else { return governments }
        let ranked = governments.enumerated().sorted { a, b in
            let x = finalSpbe(a.element) ?? .infinity, y = finalSpbe(b.element) ?? .infinity
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let last = Double(ranked.count - 1)
        return (0..<size).map { i in ranked[Int((Double(i) * last / Double(size - 1)).rounded())] }
    }

    /// Says what a sample shows, or nil when every government is shown.
    public static func note(shown: Int, total: Int) -> String? {
        guard shown < total else { return nil }
        return "This run has \(total) governments; \(shown) are shown, at evenly spaced ranks of the mean final "
            + "SPBE index from the lowest to the highest. Every government is in timeseries.csv and summary.csv."
    }
}
