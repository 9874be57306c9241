import Foundation
import Yams

/// A sweep file: the options of `sinergi sweep` written in YAML, checked like a scenario
/// (every problem at its line and column, an unknown key with the closest known one).
///
/// ```yaml
/// sweep: 1                          # the format version
/// scenario: ../classroom.yaml       # relative to this file
/// factors:
///   - {path: parameters.trust.build, low: 0.02, high: 0.2}
///   - {path: parameters.citizens.imitation, low: 0.1, high: 1, log: true}
///   - {path: months, values: [36, 60]}
/// design: {method: lhs, points: 64}  # grid | lhs | sobol | morris | csv (with file:)
/// replicates: 10
/// seed: 1
/// set: [parameters.trust.erode=0.05]
/// heatmaps: [[parameters.trust.build, parameters.citizens.imitation]]
/// ```
///
/// A file is a sweep file when its top level is a mapping with the key `sweep`. The reader
/// turns each entry into the text of the command-line option it stands for (`--factor`,
/// `--design`, `--set`, `--heatmap`), so a file and a command line go through the same
/// checks and make the same sweep.
public struct SweepFile: Sendable, Equatable {
    /// A value of the file in command-line form, with where it was written.
    public struct Entry: Sendable, Equatable {
        /// The option's argument, e.g. `parameters.trust.build=0.02:0.2,log`.
        public var argument: String
        public var line: Int
        public var column: Int
    }

    /// The file as the user gave it.
    public var path: String
    /// The scenario's path: as written when absolute, else joined to the file's folder.
    public var scenario: String
    public var factors: [Entry]
    /// `--design`: `grid`, `lhs`, `sobol`, `morris` or `csv:FILE` (FILE resolved as
    /// `scenario` is).
    public var design: Entry?
    public var points: Int?
    public var levels: Int?
    public var replicates: Int?
    public var seed: UInt64?
    /// `--set PATH=VALUE`, in order.
    public var settings: [Entry]
    /// `--heatmap A,B`.
    public var heatmaps: [Entry]

    /// The only format version this build reads.
    public static let formatVersion = 1
    static let topLevelKeys = [
        "sweep", "description", "scenario", "factors", "design", "replicates", "seed", "set", "heatmaps",
    ]
    static let factorKeys = ["path", "low", "high", "values", "log", "integer"]
    static let designKeys = ["method", "points", "levels", "file"]
    static let methods = ["grid", "lhs", "sobol", "morris", "csv"]

    /// Whether `text` is a sweep file: YAML whose top level is a mapping with the key
    /// `sweep`. Anything else (a scenario, or text that is not YAML) is read as a scenario.
    public static func isSweepFile(text: String) -> Bool {
        guard case .mapping(let mapping)? = try? YAMLExpansion.compose(text) else { return false }
        return mapping.keys.contains { $0.string == "sweep" }
    }

    /// Reads and checks the sweep file at `path`.
    ///
    /// - Throws: ``ScenarioError`` with every problem, each at its line and column.
    public static func load(path: String) throws(ScenarioError) -> SweepFile {
        try SweepFile(text: ScenarioLoader.readText(path: path), path: path)
    }

    /// Checks the sweep file `text`; `path` is used in diagnostics and to resolve the
    /// scenario and a csv design.
    public init(text: String, path: String) throws(ScenarioError) {
        let reader = ScenarioReader(path: path)
        let root: Node?
        do {
            root = try YAMLExpansion.compose(text)
        } catch {
            reader.yamlError(error, text: text)
            throw ScenarioError(diagnostics: reader.log.diagnostics)
        }
        self.init(path: path)
        if let root {
            read(root, reader)
        } else {
            reader.error("the sweep file is empty; it needs 'sweep: 1', 'scenario' and 'factors'", at: .start)
        }
        guard reader.log.isEmpty else { throw ScenarioError(diagnostics: reader.log.diagnostics) }
    }

    private init(path: String) {
        self.path = path
        scenario = ""
        factors = []
        settings = []
        heatmaps = []
    }

    /// `relative` joined to the folder of the sweep file, unless absolute.
    func resolved(_ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative)
    }

    private static func entry(_ argument: String, _ node: Node) -> Entry {
        Entry(argument: argument, line: node.location.line, column: node.location.column)
    }

    private mutating func read(_ root: Node, _ reader: ScenarioReader) {
        guard case .mapping = root else {
            reader.error(
                "a sweep file must be a mapping of keys such as 'sweep', 'scenario' and 'factors', got \(root.kindForMessage)",
                at: root)
            return
        }
        guard let top = reader.mapping(root, subject: "the sweep file", allowed: Self.topLevelKeys) else { return }
        if let node = top["sweep"] {
            var valid = false
            if case .number(_, let text)? = node.scalarValue, ScalarValue.isIntegerLiteral(text) {
                valid = Int(text) == Self.formatVersion
            }
            if !valid {
                reader.error(
                    "'sweep': expected the sweep file format version \(Self.formatVersion), got \(node.kindForMessage)",
                    at: node)
            }
        } else {
            reader.missing("sweep", in: top, "(the sweep file format version; write 'sweep: \(Self.formatVersion)')")
        }
        if let node = top["description"] { _ = reader.text(node, key: "description") }
        if let node = top["scenario"] {
            if let text = reader.text(node, key: "scenario") { scenario = resolved(text) }
        } else {
            reader.missing(
                "scenario", in: top, "(the scenario file, relative to this file, e.g. scenario: ../classroom.yaml)")
        }
        if let node = top["factors"] {
            readFactors(node, reader)
        } else {
            reader.missing(
                "factors", in: top, "(a list such as - {path: parameters.trust.build, low: 0.02, high: 0.2})")
        }
        if let node = top["design"] { readDesign(node, reader) }
        if let node = top["replicates"] {
            replicates = reader.integer(node, key: "replicates", range: .atLeast(1))
        }
        if let node = top["seed"] {
            if case .number(_, let text)? = node.scalarValue, ScalarValue.isIntegerLiteral(text), !text.hasPrefix("-"),
                let value = UInt64(text.hasPrefix("+") ? String(text.dropFirst()) : text)
            {
                seed = value
            } else {
                reader.error("'seed' must be an integer from 0 to \(UInt64.max), got \(node.kindForMessage)", at: node)
            }
        }
        if let node = top["set"],
            let items = reader.list(node, key: "set", expected: "a list such as [parameters.trust.erode=0.05]")
        {
            for item in items {
                guard let text = reader.text(item, key: "set") else { continue }
                do {
                    _ = try ScenarioOverride(text)
                    settings.append(Self.entry(text, item))
                } catch {
                    let problem: String
                    switch error {
                    case .malformed(let text): problem = text
                    default: problem = error.lines().joined(separator: "; ")
                    }
                    reader.error("'set': \(problem)", at: item)
                }
            }
        }
        if let node = top["heatmaps"],
            let items = reader.list(node, key: "heatmaps", expected: "a list of factor pairs such as [[A, B]]")
        {
            for item in items {
                guard
                    let pair = reader.names(item, key: "heatmaps", example: "[parameters.trust.build, months]")
                else { continue }
                guard pair.count == 2 else {
                    reader.error("'heatmaps': expected two factor paths [A, B], got \(pair.count)", at: item)
                    continue
                }
                heatmaps.append(Self.entry(pair.map(\.value).joined(separator: ","), item))
            }
        }
    }

    private mutating func readFactors(_ node: Node, _ reader: ScenarioReader) {
        guard
            let items = reader.list(
                node, key: "factors", expected: "a list such as - {path: parameters.trust.build, low: 0.02, high: 0.2}")
        else { return }
        if items.isEmpty { reader.error("'factors': give at least one factor", at: node) }
        for item in items {
            guard
                let fields = reader.mapping(
                    item, subject: "factor", allowed: Self.factorKeys,
                    expected: "a factor such as {path: parameters.trust.build, low: 0.02, high: 0.2}", isEntry: true)
            else { continue }
            var ok = true
            var path = ""
            if let node = fields["path"] {
                if let text = reader.text(node, key: "path") { path = text } else { ok = false }
            } else {
                reader.missing("path", in: fields, "(the scenario value it varies, e.g. parameters.trust.build)")
                ok = false
            }
            var specification: [String] = []
            let hasRange = fields.has("low") || fields.has("high")
            if hasRange && fields.has("values") {
                reader.error("a factor takes low and high, or values, not both", at: fields.location)
                ok = false
            } else if hasRange {
                for key in ["low", "high"] {
                    guard let node = fields[key] else {
                        reader.missing(key, in: fields, "(a range needs low and high)")
                        ok = false
                        continue
                    }
                    if let text = Self.number(node, key: key, reader) { specification.append(text) } else { ok = false }
                }
                specification = [specification.joined(separator: ":")]
            } else if let node = fields["values"] {
                if let values = reader.list(node, key: "values", expected: "a list of numbers such as [36, 48, 60]") {
                    if values.isEmpty {
                        reader.error("'values': give at least one value", at: node)
                        ok = false
                    }
                    for value in values {
                        if let text = Self.number(value, key: "values", reader) {
                            specification.append(text)
                        } else {
                            ok = false
                        }
                    }
                } else {
                    ok = false
                }
            } else {
                reader.missing("low", in: fields, "(write low and high for a range, or values: [...] for a list)")
                ok = false
            }
            for key in ["log", "integer"] {
                guard let node = fields[key] else { continue }
                if let flag = reader.flag(node, key: key) {
                    if flag { specification.append(key) }
                } else {
                    ok = false
                }
            }
            if ok { factors.append(Self.entry("\(path)=\(specification.joined(separator: ","))", item)) }
        }
    }

    /// A number as the file writes it, for an option's text.
    private static func number(_ node: Node, key: String, _ reader: ScenarioReader) -> String? {
        guard case .number(let value, let text)? = node.scalarValue, value.isFinite else {
            reader.error("'\(key)': expected a number, got \(node.kindForMessage)", at: node)
            return nil
        }
        return Double(text) == value ? text : "\(value)"
    }

    private mutating func readDesign(_ node: Node, _ reader: ScenarioReader) {
        if case .scalar = node {
            if let method = reader.keyword(node, key: "design", options: Self.methods, noun: "design method") {
                if method == "csv" {
                    reader.error("a csv design needs its file: write design: {method: csv, file: FILE}", at: node)
                } else {
                    design = Self.entry(method, node)
                }
            }
            return
        }
        guard
            let fields = reader.mapping(
                node, subject: "design", allowed: Self.designKeys,
                expected: "a mapping such as {method: lhs, points: 64}")
        else { return }
        if let node = fields["points"] { points = reader.integer(node, key: "points", range: .atLeast(1)) }
        if let node = fields["levels"] { levels = reader.integer(node, key: "levels", range: .atLeast(2)) }
        var file: String?
        if let node = fields["file"], let text = reader.text(node, key: "file") { file = resolved(text) }
        guard let methodNode = fields["method"] else {
            reader.missing("method", in: fields, "(one of \(Self.methods.joined(separator: ", ")))")
            return
        }
        guard let method = reader.keyword(methodNode, key: "method", options: Self.methods, noun: "design method")
        else { return }
        if method == "csv" {
            guard let file else {
                reader.missing("file", in: fields, "(the csv design, relative to this file)")
                return
            }
            design = Self.entry("csv:\(file)", methodNode)
        } else {
            if let node = fields["file"] {
                reader.error("'file' belongs to a csv design, not \(method)", at: node)
            }
            design = Self.entry(method, methodNode)
        }
    }
}
