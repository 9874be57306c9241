import Foundation
import SinergiModel
import SinergiScenario
import SinergiStats
import Testing

/// A fixed number of mutated scenario files, generated from a seed: each must load (and
/// then run one replicate without trapping) or be rejected with diagnostics that point at
/// a line and column of the file. A trap kills the test process, so a crash fails the run;
/// the seeds and corpus are in Fuzz/ (README.md there).
@Suite struct ScenarioFuzzTests {
    /// Inputs per valid and per broken seed file, and the generator's seed: the same
    /// mutants on every run.
    static let mutantsPerValidSeed = 1_000
    static let mutantsPerBrokenSeed = 100
    static let seed: UInt64 = 20_261_207

    /// Seed texts: the small shipped scenarios, the corpus and every broken file.
    static func seeds() throws -> [(name: String, text: String, valid: Bool)] {
        var paths = [Fixtures.scenario("classroom"), Fixtures.scenario("jambi-province-2018")]
        let corpus = Fixtures.testsDirectory.appendingPathComponent("Fuzz")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        where name.hasSuffix(".yaml") {
            paths.append(corpus.appendingPathComponent(name).path)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.brokenDirectory.path).sorted()
        where name.hasSuffix(".yaml") && name != "alias-bomb.yaml" {
            let path = Fixtures.brokenDirectory.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.compactMap { path in
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            let valid = !path.hasPrefix(Fixtures.brokenDirectory.path)
            return (URL(fileURLWithPath: path).lastPathComponent, String(decoding: data, as: UTF8.self), valid)
        }
    }

    /// SplitMix64 over a counter (SeedDerivation.mix), so the mutants do not depend on the
    /// model's generators.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            defer { state &+= 0x9E37_79B9_7F4A_7C15 }
            return SeedDerivation.mix(state)
        }
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    }

    /// Values that break arithmetic, indexing and allocation when a reader lets them through.
    static let extremes = [
        "0", "-1", "-0", "1e308", "-1e308", "1e-320", "1e15", "4294967296", "9223372036854775807",
        "99999999999999999999", ".nan", ".inf", "-.inf", "0x7fffffff", "1_000_000_000", "2147483648", "0.5", "''",
        "[]", "{}", "~",
    ]
    static let bytes: [String] = ["\t", "\u{0}", "\u{1b}[31m", ":", "- ", "&a ", "*a", "{", "]", "#", "\"", "\u{FEFF}"]

    /// One mutation of `text`.
    static func mutate(_ text: String, _ g: inout Generator) -> String {
        var lines = text.components(separatedBy: "\n")
        guard !lines.isEmpty else { return text }
        let i = g.below(lines.count)
        switch g.below(8) {
        case 0, 1:
            // A number replaced by an extreme value.
            let line = lines[i]
            let numbers = line.ranges(of: /-?[0-9][0-9.e+-]*/)
            guard !numbers.isEmpty else { return lines.joined(separator: "\n") }
            let range = numbers[g.below(numbers.count)]
            lines[i] = line.replacingCharacters(in: range, with: extremes[g.below(extremes.count)])
        case 2: lines.remove(at: i)
        case 3: lines.insert(lines[i], at: g.below(lines.count + 1))
        case 4: lines.swapAt(i, g.below(lines.count))
        case 5: lines[i] = (g.below(2) == 0 ? "  " : "") + String(lines[i].dropFirst(g.below(2) * 2))
        case 6:
            var scalars = Array(lines[i].unicodeScalars)
            let insert = Array(bytes[g.below(bytes.count)].unicodeScalars)
            scalars.insert(contentsOf: insert, at: g.below(scalars.count + 1))
            lines[i] = String(String.UnicodeScalarView(scalars))
        default:
            let joined = lines.joined(separator: "\n")
            return String(joined.prefix(g.below(joined.count + 1)))
        }
        return lines.joined(separator: "\n")
    }

    @Test func everyMutantLoadsOrIsRejectedWithALocation() throws {
        var g = Generator(state: Self.seed)
        var loaded = 0, rejected = 0, ran = 0
        let seeds = try Self.seeds()
        #expect(seeds.count >= 20)
        for (name, original, valid) in seeds {
            for m in 0..<(valid ? Self.mutantsPerValidSeed : Self.mutantsPerBrokenSeed) {
                // Mutant 0 is the seed itself, so every corpus file runs as found.
                var text = original
                if m > 0 { for _ in 0...g.below(3) { text = Self.mutate(text, &g) } }
                let path = "\(name)#\(m)"
                let lineCount = text.components(separatedBy: "\n").count
                do {
                    let scenario = try ScenarioLoader.parse(text: text, path: path)
                    loaded += 1
                    if try Self.runOneReplicate(scenario.input) { ran += 1 }
                } catch let error as ScenarioError {
                    rejected += 1
                    #expect(!error.diagnostics.isEmpty, "\(path): rejected without a diagnostic")
                    for d in error.diagnostics {
                        #expect(d.file == path && !d.message.isEmpty, "\(path): \(d)")
                        #expect((1...(lineCount + 1)).contains(d.line) && d.column >= 1, "\(path): \(d)\n\(text)")
                    }
                }
            }
        }
        // The mutations must reach both sides, or the test checks little.
        #expect(loaded >= 800 && rejected >= 3_000, "loaded \(loaded), rejected \(rejected), ran \(ran)")
        #expect(ran >= 800, "loaded \(loaded), rejected \(rejected), ran \(ran)")
    }

    /// Runs replicate 1 of a scenario small enough to run in a test; a model error is an
    /// answer, a trap is not. Returns whether it ran.
    static func runOneReplicate(_ input: ModelInput) throws -> Bool {
        let agencies = input.governments.reduce(0) { $0 + $1.agencies.count }
        var citizens = 0
        if case .network(let spec) = input.citizens { citizens = spec.size }
        guard agencies <= 200, citizens <= 20_000, input.months <= 240 else { return false }
        let simulator = Simulator(input: input)
        var record = simulator.makeRecord()
        do { try simulator.run(replicateSeed: 1, into: &record) } catch { return true }
        return true
    }
}
