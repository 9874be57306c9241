import Foundation

/// The job folder that `sinergi sweep … --slurm` writes instead of running the sweep: what a
/// university cluster's scheduler needs to run it as job arrays and merge the shards.
///
/// ```
/// <folder>/
///   scenario.yaml    the scenario as resolved when the folder was written (overrides applied)
///   design.csv       the design (immutable; its SHA-256 is in every shard's store)
///   array.sbatch     one array task = one shard: sinergi sweep scenario.yaml … --design
///                    csv:design.csv --shard I/N --into shards/shard-I-of-N
///   merge.sbatch     sinergi merge shards/* into merged/, after every array succeeded
///   submit.sh        submits the arrays (split at MaxArraySize) and the merge job (afterok)
///   resubmit.sh      resubmits only the shards whose store is missing or incomplete, then merge
///   shards/          one folder per shard, written by the tasks
///   logs/            Slurm's output files, one per task
/// ```
public struct SlurmJobFolder: Sendable {
    /// Resources of one array task (one shard).
    public struct Resources: Sendable, Equatable {
        public var cpusPerTask: Int
        /// Wall-time limit in Slurm's format, e.g. "01:00:00".
        public var time: String
        /// Memory per task in Slurm's format, e.g. "4G".
        public var memory: String
        public var partition: String?
        public var account: String?
        /// The largest array index the cluster accepts plus one (Slurm's MaxArraySize).
        public var maxArraySize: Int

        public init(
            cpusPerTask: Int = 2, time: String = "01:00:00", memory: String = "4G", partition: String? = nil,
            account: String? = nil, maxArraySize: Int = 1001
        ) {
            self.cpusPerTask = cpusPerTask
            self.time = time
            self.memory = memory
            self.partition = partition
            self.account = account
            self.maxArraySize = maxArraySize
        }
    }

    /// Folder of the shard I of N inside the job folder.
    public static func shardFolderName(_ shard: ShardSpec) -> String {
        let width = Swift.max(4, String(shard.count).count)
        func padded(_ n: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: Swift.max(0, width - text.count)) + text
        }
        return "shard-\(padded(shard.index))-of-\(padded(shard.count))"
    }

    /// The shard numbers (1-based) of each array, in order: consecutive runs of at most
    /// `maxArraySize` shards, so every array's task indices are 0 … count − 1.
    public static func arrays(shards: Int, maxArraySize: Int) -> [ClosedRange<Int>] {
        let size = Swift.max(1, maxArraySize)
        return stride(from: 1, through: shards, by: size).map { $0...Swift.min(shards, $0 + size - 1) }
    }

    public var shards: Int
    public var resources: Resources
    /// The arguments of every task's `sinergi` before `--shard`, e.g. `sweep scenario.yaml
    /// --factor … --design csv:design.csv --replicates 10 --seed 1`, relative to the folder.
    public var taskArguments: [String]
    /// The `sinergi` the tasks run (absolute path); the scripts let `$SINERGI` override it.
    public var executable: String
    /// Job name prefix shown by squeue.
    public var jobName: String

    public init(shards: Int, resources: Resources, taskArguments: [String], executable: String, jobName: String) {
        self.shards = shards
        self.resources = resources
        self.taskArguments = taskArguments
        self.executable = executable
        self.jobName = jobName
    }

    /// The scripts, by file name.
    public func scripts() -> [(name: String, text: String)] {
        [
            ("array.sbatch", arrayScript()), ("merge.sbatch", mergeScript()), ("submit.sh", submitScript()),
            ("resubmit.sh", resubmitScript()),
        ]
    }

    var commonHeader: String {
        var lines = [
            "#SBATCH --cpus-per-task=\(resources.cpusPerTask)",
            "#SBATCH --time=\(resources.time)",
            "#SBATCH --mem=\(resources.memory)",
        ]
        if let partition = resources.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let account = resources.account { lines.append("#SBATCH --account=\(account)") }
        return lines.joined(separator: "\n")
    }

    var preamble: String {
        """
        set -euo pipefail
        SINERGI=${SINERGI:-\(shellQuoted(executable))}
        """
    }

    func arrayScript() -> String {
        """
        #!/usr/bin/env bash
        # One task of a job array = one shard of the sweep. submit.sh sets SHARD_OFFSET for each
        # array (arrays hold at most MaxArraySize tasks); task t runs shard SHARD_OFFSET + t + 1.
        #SBATCH --job-name=\(jobName)
        #SBATCH --output=logs/shard-%A_%a.out
        \(commonHeader)
        \(preamble)
        cd "${SLURM_SUBMIT_DIR:-$(dirname "$0")}"
        shard=$(( ${SHARD_OFFSET:-0} + SLURM_ARRAY_TASK_ID + 1 ))
        folder=$(printf 'shards/shard-%0*d-of-%0*d' \(shardWidth) "$shard" \(shardWidth) \(shards))
        # sinergi takes its thread count from SLURM_CPUS_PER_TASK. A shard folder left
        # incomplete by an earlier attempt is resumed: only its missing points run.
        exec "$SINERGI" \(taskArguments.map(shellQuoted).joined(separator: " ")) \\
            --shard "$shard/\(shards)" --into "$folder" --quiet

        """
    }

    func mergeScript() -> String {
        """
        #!/usr/bin/env bash
        # Merges the shards into merged/ once every array task has succeeded (afterok).
        #SBATCH --job-name=\(jobName)-merge
        #SBATCH --output=logs/merge-%j.out
        #SBATCH --cpus-per-task=1
        #SBATCH --time=\(resources.time)
        #SBATCH --mem=\(resources.memory)
        \(resources.partition.map { "#SBATCH --partition=\($0)\n" } ?? "")\
        \(resources.account.map { "#SBATCH --account=\($0)\n" } ?? "")\
        \(preamble)
        cd "${SLURM_SUBMIT_DIR:-$(dirname "$0")}"
        rm -rf merged
        exec "$SINERGI" merge shards/shard-* --into merged --quiet

        """
    }

    func submitScript() -> String {
        let arrays = Self.arrays(shards: shards, maxArraySize: resources.maxArraySize)
        let submissions = arrays.map { (range: ClosedRange<Int>) -> String in
            let offset = range.lowerBound - 1
            return
                "ids+=($(sbatch --parsable --array=0-\(range.count - 1) --export=ALL,SHARD_OFFSET=\(offset) array.sbatch))"
        }.joined(separator: "\n")
        return """
            #!/usr/bin/env bash
            # Submits the sweep: \(shards) shards in \(arrays.count) job array(s) of at most \
            \(resources.maxArraySize) tasks, then the merge job, which runs only if every task succeeds.
            # Job ids go to jobs.txt. Run it from anywhere: it works in its own folder.
            set -euo pipefail
            cd "$(dirname "$0")"
            mkdir -p logs shards
            ids=()
            \(submissions)
            dependency=$(IFS=:; echo "${ids[*]}")
            merge=$(sbatch --parsable --dependency=afterok:"$dependency" --kill-on-invalid-dep=yes merge.sbatch)
            printf 'array %s\\n' "${ids[@]}" > jobs.txt
            echo "merge $merge" >> jobs.txt
            echo "Submitted \(shards) shards as job array(s) ${ids[*]}; merge job $merge runs when all succeed."
            echo "Results: $(pwd)/merged (when the merge job has finished)"

            """
    }

    func resubmitScript() -> String {
        """
        #!/usr/bin/env bash
        # Resubmits only the shards whose folder is missing or whose store is incomplete (a task
        # that failed, timed out or was killed), then a new merge job after them. A shard folder
        # is complete when its manifest.json exists: a task writes it last. A rerun task resumes
        # the shard's incomplete store, so only the points it lacks run again.
        set -euo pipefail
        cd "$(dirname "$0")"
        mkdir -p logs shards
        # Tasks still queued or running would be run twice: wait for them first.
        if [[ -f jobs.txt ]]; then
            jobs=$(awk '$1 == "array" { printf "%s%s", sep, $2; sep = "," }' jobs.txt)
            if [[ -n $jobs ]] && [[ -n $(squeue -h -j "$jobs" -o %i 2>/dev/null) ]]; then
                echo "Shards of this sweep are still queued or running (jobs $jobs); run resubmit.sh when they have ended." >&2
                exit 1
            fi
        fi
        shards=\(shards)
        chunk=\(Swift.max(1, resources.maxArraySize))
        ids=()
        missing=0
        for (( offset = 0; offset < shards; offset += chunk )); do
            tasks=()
            for (( shard = offset + 1; shard <= shards && shard <= offset + chunk; shard++ )); do
                folder=$(printf 'shards/shard-%0*d-of-%0*d' \(shardWidth) "$shard" \(shardWidth) "$shards")
                if [[ ! -f $folder/manifest.json ]]; then
                    tasks+=($(( shard - offset - 1 )))
                    missing=$(( missing + 1 ))
                fi
            done
            if (( ${#tasks[@]} > 0 )); then
                list=$(IFS=,; echo "${tasks[*]}")
                ids+=($(sbatch --parsable --array="$list" --export=ALL,SHARD_OFFSET=$offset array.sbatch))
            fi
        done
        if (( missing == 0 )); then
            echo "Every shard is complete."
        else
            echo "Resubmitted $missing shard(s) as job array(s) ${ids[*]}."
        fi
        dependency=""
        if (( ${#ids[@]} > 0 )); then dependency="--dependency=afterok:$(IFS=:; echo "${ids[*]}")"; fi
        merge=$(sbatch --parsable $dependency --kill-on-invalid-dep=yes merge.sbatch)
        printf 'array %s\\n' "${ids[@]}" >> jobs.txt
        echo "merge $merge" >> jobs.txt
        echo "Merge job $merge runs when they succeed."

        """
    }

    private var shardWidth: Int { Swift.max(4, String(shards).count) }

    func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
