import Foundation
import Yams

/// Reads scenario files: checks them completely and resolves them into ``Scenario``s.
///
/// Nothing is printed; every problem comes back as a ``Diagnostic`` in a ``ScenarioError``,
/// all of them at once, sorted by line and column.
public enum ScenarioLoader {
    /// Reads and resolves the scenario at `path`. A missing file, a directory or text that is
    /// not UTF-8 is reported at line 1, column 1.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let text = try readText(path: path)
        return try parse(text: text, path: path)
    }

    /// Resolves a scenario from its text; `path` is used in diagnostics and kept in the result.
    public static func parse(text: String, path: String) throws(ScenarioError) -> Scenario {
        let root = try compose(text: text, path: path)
        let document = try read(root, path: path)
        return scenario(document, text: text, path: path)
    }

    /// The text composed into YAML nodes; a syntax error or an empty file is reported.
    static func compose(text: String, path: String) throws(ScenarioError) -> Node {
        let reader = ScenarioReader(path: path)
        let root: Node?
        do {
            root = try YAMLExpansion.compose(text)
        } catch {
            reader.yamlError(error, text: text)
            throw ScenarioError(diagnostics: reader.log.diagnostics)
        }
        guard let root else {
            reader.error(
                "the scenario is empty; it needs at least 'sinergi: 1', 'name' and 'governments'", at: .start)
            throw ScenarioError(diagnostics: reader.log.diagnostics)
        }
        return root
    }

    /// Checks and resolves composed nodes; `options` says which lines hold values given on
    /// the command line (``DiagnosticLog/options``).
    static func read(
        _ root: Node, path: String, options: (firstLine: Int, names: [String])? = nil
    ) throws(ScenarioError) -> ScenarioDocument {
        let reader = ScenarioReader(path: path)
        reader.log.options = options
        guard let document = reader.readDocument(root) else {
            throw ScenarioError(diagnostics: reader.log.diagnostics)
        }
        return document
    }

    /// The scenario of a checked document read from `text`.
    static func scenario(_ document: ScenarioDocument, text: String, path: String) -> Scenario {
        Scenario(
            path: path, name: document.name, slug: Slug.make(document.name), seed: document.seed,
            replicates: document.replicates, input: document.input, policies: document.policyPackages,
            sourceText: text, resolvedYAML: ResolvedScenarioWriter.yaml(document),
            governmentKinds: document.governments.map(\.kind))
    }

    /// The file's text, or a diagnostic at 1:1 saying why it cannot be read.
    static func readText(path: String) throws(ScenarioError) -> String {
        func failure(_ message: String) -> ScenarioError {
            ScenarioError(diagnostics: [Diagnostic(file: path, line: 1, column: 1, message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("cannot read the scenario: no such file")
        }
        guard !isDirectory.boolValue else {
            throw failure("cannot read the scenario: this is a directory, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure("cannot read the scenario: the file could not be opened (check its permissions)")
        }
        return try decodeUTF8(data, failure: failure)
    }

    /// Decodes UTF-8, naming the first invalid byte and its line and column when it is not.
    private static func decodeUTF8(
        _ data: Data, failure: (String) -> ScenarioError
    ) throws(ScenarioError) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var text = String.UnicodeScalarView()
        var offset = 0, line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                text.append(scalar)
                offset += encoded.count
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return String(text)
            case .error:
                let byte = String(data[data.startIndex + offset], radix: 16, uppercase: true)
                throw failure(
                    "cannot read the scenario: the file is not UTF-8 text (byte 0x\(byte) at line \(line), column \(column)); save it with UTF-8 encoding"
                )
            }
        }
    }
}

extension ScenarioReader {
    /// A YAML syntax error from Yams as a diagnostic at Yams's line and column.
    func yamlError(_ error: any Error, text: String) {
        if let excess = error as? YAMLExpansion.Excess {
            self.error(excess.message, at: SourceLocation(line: excess.line, column: excess.column))
            return
        }
        guard let error = error as? YamlError else {
            self.error("invalid YAML: \(error)", at: .start)
            return
        }
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(line: max(1, mark.line), column: max(1, mark.column))
        }
        func explain(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return "invalid YAML: \(problem)" }
            return
                "invalid YAML: \(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            self.error(explain(problem, context), at: at(mark))
        case .reader(let problem, let offset, _, let yaml):
            var location = SourceLocation.start
            if let offset {
                let prefix = yaml.prefix(offset)
                let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let column =
                    prefix.count
                    - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
                location = SourceLocation(line: line, column: column)
            }
            self.error("invalid YAML: \(problem)", at: location)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            self.error(
                "key \(keys) appears more than once in this mapping (first here); a key may appear only once",
                at: at(context.mark))
        default:
            self.error("invalid YAML: \(error)", at: .start)
        }
    }
}
