import ArgumentParser
import SinergiEngine

/// `sinergi`: simulate inter-agency collaboration on e-government and citizen adoption.
@main
struct SinergiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sinergi",
        abstract:
            "Simulate how government agencies collaborate on e-government, and what it does to SPBE maturity and citizen adoption.",
        discussion: """
            Exit codes: 0 success, 64 usage error (a bad option or argument), 1 failed run \
            (an invalid or unreadable scenario, or a model error). Diagnostics go to stderr as \
            file:line:column: error: message.
            """,
        version: SinergiVersion.description,
        subcommands: [
            RunCommand.self, CompareCommand.self, SweepCommand.self, SensitivityCommand.self, MergeCommand.self,
            ValidateCommand.self,
            ServeCommand.self, CalibrateCommand.self,
        ]
    )
}
