import Foundation
import SinergiModel

/// What a study of a scenario holds in memory at its peak, estimated before it runs, so a
/// scenario that would need more than the machine has is refused with the figures instead
/// of being killed while allocating.
///
/// - Each worker (one per thread) holds the largest government's citizens
///   (``CitizenNetworkSpec/estimatedBytes``) and agency state (about 160 bytes per agency:
///   eighteen 8-byte variables and four small ones, GovernmentState).
/// - The run holds one batch of replicate records (8 bytes per series value per arm) and a
///   summary per series cell and outcome (RunAccumulator: at most 256 exact values per
///   cell, 2²⁴ values in all, plus about 200 bytes of sketch and moments).
/// - The scenario itself: about 1 KB per agency and initiative, resolved and as text.
/// - The process: 64 MB (runtime, binary, I/O buffers; measured about 45 MB for the
///   classroom).
public struct MemoryEstimate: Sendable, Equatable {
    public var workers: Int
    /// Per worker.
    public var citizensPerWorker: Double
    public var agenciesPerWorker: Double
    public var records: Double
    public var summaries: Double
    public var scenario: Double
    public static let process = 64.0 * 1_048_576

    public var total: Double {
        Double(workers) * (citizensPerWorker + agenciesPerWorker) + records + summaries + scenario + Self.process
    }

    public init(input: ModelInput, threads: Int, arms: Int = 1) {
        workers = Swift.max(1, threads)
        if case .network(let spec) = input.citizens {
            citizensPerWorker = spec.estimatedBytes
        } else {
            citizensPerWorker = 0
        }
        let largest = input.governments.map(\.agencies.count).max() ?? 0
        agenciesPerWorker = Double(largest) * 160
        let layout = SeriesLayout(input: input)
        let cells = layout.count
        let batch = RunRequest.fixedBatch(recordValues: cells, arms: arms)
        records = Double(batch) * Double(cells) * Double(Swift.max(1, arms)) * 8
        let exact = RunAccumulator.seriesExactCapacity(cells: cells)
        summaries = Double(cells) * Double(Swift.max(1, arms)) * (Double(exact) * 8 + 200)
        let entries = input.governments.reduce(0) { $0 + $1.agencies.count + $1.initiatives.count }
        scenario = Double(entries) * 1024
    }

    /// "1.2 GB".
    public static func text(_ bytes: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB"]
        var value = bytes
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0
            ? "\(Int(value)) bytes" : String(format: value < 10 ? "%.1f %@" : "%.0f %@", value, units[unit])
    }

    /// One line: the total and its largest parts.
    public var summary: String {
        // The parts of at least 1 MB, largest first as they usually are.
        let megabyte = 1_048_576.0
        var parts: [String] = []
        if citizensPerWorker >= megabyte { parts.append("citizens \(Self.text(citizensPerWorker)) per thread") }
        if agenciesPerWorker >= megabyte { parts.append("agencies \(Self.text(agenciesPerWorker)) per thread") }
        if records + summaries >= megabyte { parts.append("series \(Self.text(records + summaries))") }
        if scenario >= megabyte { parts.append("scenario \(Self.text(scenario))") }
        let threads = "\(workers) thread\(workers == 1 ? "" : "s")"
        return "about \(Self.text(total)) with \(threads)"
            + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
    }

    /// The memory the system could give a new process now: MemAvailable of /proc/meminfo
    /// (Linux), nil where it cannot be read.
    public static func available(meminfo path: String = "/proc/meminfo") -> Double? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kb = Double(fields[1]) else { return nil }
            return kb * 1024
        }
        return nil
    }

    /// Why the study cannot run with `available` bytes, or nil when it fits.
    public func refusal(available: Double?) -> String? {
        guard let available, total > available else { return nil }
        var advice = "use fewer --threads"
        if citizensPerWorker > 0 { advice += ", fewer citizens or a sparser graph" }
        return "not enough memory: the scenario needs \(summary); this machine has \(Self.text(available)) "
            + "available. \(advice.prefix(1).uppercased() + advice.dropFirst())"
    }
}
