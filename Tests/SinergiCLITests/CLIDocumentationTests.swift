import Foundation
import Testing

/// The documentation cannot go stale: every command docs/cli.md documents exists, and every
/// long option it names for a command — in a synopsis or example (a code-block line
/// `sinergi COMMAND …` and its continuation lines) or in the first column of an option table
/// under "## `sinergi COMMAND`" — is in that command's `--help`. Reads whatever commands the
/// page documents, so a new command's section is checked as soon as it is written. The
/// examples in the README, results/README.md and every other page of docs/ are held to the
/// same rule.
@Suite struct CLIDocumentationTests {
    /// Long options named for each command ("" for `sinergi` itself), with the line of
    /// docs/cli.md that names them.
    static func documentedOptions(_ page: String = "docs/cli.md") throws -> [String: [String: Int]] {
        let text = try String(contentsOf: Sinergi.packageRoot.appendingPathComponent(page), encoding: .utf8)
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
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inCode.toggle()
                codeCommand = nil
                continue
            }
            if inCode {
                // `sinergi`, `.build/release/sinergi` or any path to it, after an optional `$ `.
                var trimmed = line.trimmingCharacters(in: .whitespaces)
                if let invocation = trimmed.range(of: #"^(\$ )?([^ ]*/)?sinergi "#, options: .regularExpression) {
                    trimmed = "sinergi " + trimmed[invocation.upperBound...]
                }
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
        let stale = try Self.stale(documented, page: "docs/cli.md")
        #expect(stale.isEmpty, "\(stale.joined(separator: "\n"))")
    }

    /// The pages besides docs/cli.md whose examples name commands and options.
    static func otherPages() throws -> [String] {
        let docs = try FileManager.default.contentsOfDirectory(
            atPath: Sinergi.packageRoot.appendingPathComponent("docs").path)
        return ["README.md", "results/README.md"]
            + docs.filter { $0.hasSuffix(".md") && $0 != "cli.md" }.sorted().map { "docs/" + $0 }
    }

    @Test func everyExampleInTheOtherPagesUsesOptionsThatExist() throws {
        let pages = try Self.otherPages()
        #expect(pages.contains("docs/calibration.md") && pages.contains("docs/classroom.md"))
        var stale: [String] = []
        var examples = 0
        for page in pages {
            let documented = try Self.documentedOptions(page)
            examples += documented.count
            stale += try Self.stale(documented, page: page)
        }
        #expect(examples >= 10, "the pages hold examples of sinergi commands")
        #expect(stale.isEmpty, "\(stale.joined(separator: "\n"))")
    }

    /// What `documented` names that `--help` does not know, as `page:line: …` messages.
    static func stale(_ documented: [String: [String: Int]], page: String) throws -> [String] {
        var stale: [String] = []
        for (command, options) in documented.sorted(by: { $0.key < $1.key }) {
            let help = try Sinergi.run(command.isEmpty ? ["--help"] : [command, "--help"])
            guard help.status == 0 else {
                stale.append("`sinergi \(command)` (\(page)) is not a command: \(help.stderr)")
                continue
            }
            for (name, line) in options.sorted(by: { $0.value < $1.value }) {
                let pattern = "(?<![A-Za-z0-9-])" + NSRegularExpression.escapedPattern(for: name) + "(?![A-Za-z0-9-])"
                if help.stdout.range(of: pattern, options: .regularExpression) == nil {
                    stale.append("\(page):\(line): `sinergi \(command)` has no \(name)")
                }
            }
        }
        return stale
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
