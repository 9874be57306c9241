import Foundation

/// How many worker threads a command uses when `--threads` is not given: the CPUs the
/// process may use, not the machine's core count.
///
/// Inside a Slurm task that is `SLURM_CPUS_PER_TASK`; elsewhere the CPUs in the process's
/// affinity mask (`sched_getaffinity`), which `taskset`, cgroups-aware launchers and batch
/// systems set (read from `Cpus_allowed` in /proc/self/status, the mask sched_getaffinity
/// returns); and where neither is known, the active processor count.
public enum AvailableCPUs {
    /// The thread count for `environment` (the process's environment by default).
    public static func count(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let text = environment["SLURM_CPUS_PER_TASK"], let cpus = Int(text.trimmingCharacters(in: .whitespaces)),
            cpus >= 1
        {
            return cpus
        }
        return affinityCount() ?? ProcessInfo.processInfo.activeProcessorCount
    }

    /// The number of CPUs in this process's affinity mask, nil where it cannot be read.
    public static func affinityCount() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return affinityCount(status: status)
    }

    /// The CPUs in the `Cpus_allowed:` mask of a /proc/PID/status text (comma-separated
    /// groups of hexadecimal digits).
    static func affinityCount(status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else {
            return nil
        }
        var count = 0
        for character in line.dropFirst("Cpus_allowed:".count) where character.isHexDigit {
            count += character.hexDigitValue!.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }
}
