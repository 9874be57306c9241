import ArgumentParser
import SinergiScenario

/// The options of one `sinergi sweep`: those of its sweep file, if any, with the
/// command line's over them. A factor, design, heat map or `--set` value keeps where it was
/// written, so that a problem with one from the file is reported at its line and column.
struct SweepOptions {
    /// A value in command-line form, and where the sweep file wrote it (nil: the command line).
    struct Value {
        var argument: String
        var entry: SweepFile.Entry?
    }

    /// The sweep file, if the command named one.
    var file: SweepFile?
    var scenario: String
    var factors: [Value]
    var design: Value
    var points: Int?
    var levels: Int?
    var replicates: Int
    var seed: UInt64?
    var settings: [Value]
    var heatmaps: [Value]

    static let defaultDesign = "grid"
    static let defaultReplicates = 10

    /// Merges `command`'s options over `file`'s: a single value given on the command line
    /// replaces the file's; `--factor` and `--heatmap`, when given, replace the file's
    /// whole list; `--set` values come after the file's, so they win for the same path.
    init(command: SweepCommand, file: SweepFile?) throws {
        self.file = file
        func fromFile(_ entries: [SweepFile.Entry]) -> [Value] {
            entries.map { Value(argument: $0.argument, entry: $0) }
        }
        func fromCommand(_ arguments: [String]) -> [Value] { arguments.map { Value(argument: $0, entry: nil) } }
        scenario = file?.scenario ?? command.scenario ?? ""
        factors = command.factors.isEmpty ? fromFile(file?.factors ?? []) : fromCommand(command.factors)
        if let design = command.design {
            self.design = Value(argument: design, entry: nil)
        } else if let entry = file?.design {
            design = Value(argument: entry.argument, entry: entry)
        } else {
            design = Value(argument: Self.defaultDesign, entry: nil)
        }
        points = command.points ?? file?.points
        levels = command.levels ?? file?.levels
        replicates = command.replicates ?? file?.replicates ?? Self.defaultReplicates
        seed = command.seed ?? file?.seed
        settings = fromFile(file?.settings ?? []) + fromCommand(command.settings)
        heatmaps = command.heatmaps.isEmpty ? fromFile(file?.heatmaps ?? []) : fromCommand(command.heatmaps)
        guard !factors.isEmpty else {
            printError("error: give at least one --factor PATH=LOW:HIGH or PATH=v1,v2,… (or factors: in a sweep file)")
            throw ExitCode.validationFailure
        }
    }

    /// `line`, an error line about an option, placed at `entry` in the sweep file when the
    /// value came from there: `FILE:LINE:COLUMN: error: factor …` instead of
    /// `error: --factor …`.
    func located(_ line: String, at entry: SweepFile.Entry?) -> String {
        guard let entry, let file, line.hasPrefix("error: ") else { return line }
        var message = String(line.dropFirst("error: ".count))
        if message.hasPrefix("--") { message.removeFirst(2) }
        return "\(file.path):\(entry.line):\(entry.column): error: \(message)"
    }

    /// `line` placed at the first of `values` from the sweep file that it names.
    func located(_ line: String, among values: [Value]) -> String {
        guard
            let value = values.first(where: {
                $0.entry != nil
                    && (line.contains("--set \($0.argument):") || line.contains("no '\(pathOf($0.argument))'"))
            })
        else { return line }
        return located(line, at: value.entry)
    }

    private func pathOf(_ setting: String) -> String {
        String(setting.prefix { $0 != "=" })
    }
}
