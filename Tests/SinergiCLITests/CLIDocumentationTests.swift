import Foundation
import Testing

/// docs/cli.md cannot go stale: every command it documents exists, and every long option it
/// names for a command — in a synopsis or example (a code-block line `sinergi COMMAND …` and
/// its continuation lines) or in the first column of an option table under
/// "## `sinergi COMMAND`" — is in that command's `--help`. Reads whatever commands the page
/// documents, so a new command's section is checked as soon as it is written.
@Suite struct CLIDocumentationTests {
    /// Long options named for each command ("" for `sinergi` itself), with the line of
    /// docs/cli.md that names them.
    static func documentedOptions() throws -> [String: [String: Int]] {
        let text = try String(
            contentsOf: Sinergi.packageRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let option = try NSRegularExpression(pattern: #"(?<![A-Za-z0-9-])--[a-z][a-z0-9-]*"#)
        func options(in line: String) -> [String] {
            option.matches(in: line, range: NSRange(line.startIndex..., in: line)).compactMap {
                Range($0.range, in: line).map { String(line[$0]) }
            }
        }
        var result: [String: [String: Int]] = [:]
        func note(_ command: String, _ line: String, _ number: Int) {
            for name in options(in: line) where result[command]?[name] == nil {
                result[command, default: [:]][name] = number
            }
            if result[command] == nil { result[command] = [:] }
        }
        var inCode = false
        var codeCommand: String? = nil
        var continues = false
        var section: String? = nil
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let number = index + 1
            if line.hasPrefix("```") {
                inCode.toggle()
                codeCommand = nil
                continue
            }
            if inCode {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("sinergi ") {
                    let word = trimmed.dropFirst("sinergi ".count).split(separator: " ").first.map(String.init) ?? ""
                    codeCommand = word.hasPrefix("-") ? "" : word
                    note(
                        codeCommand!, word.hasPrefix("-") ? trimmed : String(trimmed.dropFirst("sinergi ".count)),
                        number)
                } else if let command = codeCommand, continues || line.hasPrefix(" ") {
                    note(command, line, number)
                } else {
                    codeCommand = nil
                }
                continues = trimmed.hasSuffix("\\")
                continue
            }
            if line.hasPrefix("## ") {
                let heading = try NSRegularExpression(pattern: #"^## `sinergi ([a-z-]+)`"#)
                section = heading.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
                    .flatMap { Range($0.range(at: 1), in: line) }.map { String(line[$0]) }
                if let section { note(section, "", number) }
                continue
            }
            // The first cell of an option table's row, under a command's heading.
            if let section, line.hasPrefix("| "), !line.hasPrefix("| option"), !line.hasPrefix("|---") {
                let cell = line.dropFirst(2).split(separator: "|", maxSplits: 1).first.map(String.init) ?? ""
                note(section, cell, number)
            }
        }
        return result
    }

    @Test func everyDocumentedOptionIsInItsCommandsHelp() throws {
        let documented = try Self.documentedOptions()
        #expect(documented.count >= 6, "docs/cli.md documents the commands: \(documented.keys.sorted())")
        #expect(documented.keys.contains("run") && documented.keys.contains("compare"))
        var stale: [String] = []
        for (command, options) in documented.sorted(by: { $0.key < $1.key }) {
            let help = try Sinergi.run(command.isEmpty ? ["--help"] : [command, "--help"])
            guard help.status == 0 else {
                stale.append("`sinergi \(command)` (docs/cli.md) is not a command: \(help.stderr)")
                continue
            }
            for (name, line) in options.sorted(by: { $0.value < $1.value }) {
                let pattern = "(?<![A-Za-z0-9-])" + NSRegularExpression.escapedPattern(for: name) + "(?![A-Za-z0-9-])"
                if help.stdout.range(of: pattern, options: .regularExpression) == nil {
                    stale.append("docs/cli.md:\(line): `sinergi \(command)` has no \(name)")
                }
            }
        }
        #expect(stale.isEmpty, "\(stale.joined(separator: "\n"))")
    }

    /// The parser finds options where they are written, and a misspelt one would be caught.
    @Test func theParserReadsTablesAndSynopses() throws {
        let documented = try Self.documentedOptions()
        #expect(documented["run"]?["--replay"] != nil, "from the run table")
        #expect(documented["run"]?["--no-report"] != nil, "from the synopsis' continuation line")
        #expect(documented["sweep"]?["--max-array-size"] != nil, "from the synopsis")
        #expect(documented[""]?["--version"] != nil, "sinergi --help | --version")
        let help = try Sinergi.run(["run", "--help"])
        #expect(
            help.stdout.range(of: "(?<![A-Za-z0-9-])--no-reprot(?![A-Za-z0-9-])", options: .regularExpression) == nil)
    }
}
