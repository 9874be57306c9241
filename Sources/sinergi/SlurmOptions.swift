import ArgumentParser
import SinergiEngine

/// The options of `--slurm`, shared by `sweep` and `sensitivity`: instead of running, write a
/// job folder whose array tasks run the shards and whose merge job joins them.
struct SlurmOptions: ParsableArguments {
    @Flag(help: "Write a Slurm job folder (job arrays, merge job, resubmit script) instead of running.")
    var slurm = false

    @Option(help: "With --slurm: the number of shards (array tasks).")
    var shards: Int = 16

    @Option(help: "With --slurm: CPUs per task (the task's thread count).")
    var cpusPerTask: Int = 2

    @Option(help: "With --slurm: wall-time limit per task, as Slurm reads it (e.g. 01:00:00).")
    var time: String = "01:00:00"

    @Option(help: "With --slurm: memory per task, as Slurm reads it (e.g. 4G).")
    var mem: String = "4G"

    @Option(help: "With --slurm: the partition to submit to.")
    var partition: String?

    @Option(help: "With --slurm: the account to charge.")
    var account: String?

    @Option(help: "With --slurm: the cluster's MaxArraySize (default: read with scontrol, else 1001).")
    var maxArraySize: Int?

    /// What is wrong with these options for a command given `--shard`, `--resume` or
    /// `--into` (which belong to the job's tasks), or nil.
    func problem(shard: String?, resume: String?, into: String?) -> String? {
        guard slurm else { return nil }
        if shard != nil || resume != nil || into != nil {
            return "--slurm writes a job folder; --shard, --resume and --into belong to its tasks"
        }
        if shards < 1 { return "--shards must be at least 1, got \(shards)" }
        if cpusPerTask < 1 { return "--cpus-per-task must be at least 1, got \(cpusPerTask)" }
        if let maxArraySize, maxArraySize < 1 { return "--max-array-size must be at least 1, got \(maxArraySize)" }
        return nil
    }

    /// What each task asks of the scheduler.
    var resources: SlurmJobFolder.Resources {
        SlurmJobFolder.Resources(
            cpusPerTask: cpusPerTask, time: time, memory: mem, partition: partition, account: account,
            maxArraySize: maxArraySize ?? SweepCommand.clusterMaxArraySize() ?? 1001)
    }
}
