import Foundation
import Testing

/// docs/architecture.md against Package.swift: every target has a row in the module tables,
/// and each row names exactly the dependencies the manifest declares, so a module cannot
/// be added, or a dependency change, without the page that explains them.
@Suite struct ArchitectureDocumentTests {
    static let manifestPath = "Package.swift"
    static let documentPath = "docs/architecture.md"

    static func read(_ path: String) throws -> String {
        try String(contentsOf: Sinergi.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// What is wrong between a manifest and the architecture page, one sentence each.
    static func problems(manifest: String, document: String) -> [String] {
        let targets = PackageManifestReader.targets(in: manifest)
        let rows = ArchitectureDocumentReader.rows(in: document)
        if targets.isEmpty { return ["\(manifestPath): no target found"] }
        var problems: [String] = []
        var documented: [String: Set<String>] = [:]
        for row in rows {
            if documented[row.module] != nil { problems.append("\(documentPath): two rows for `\(row.module)`") }
            documented[row.module] = row.dependencies
        }
        for target in targets {
            guard let listed = documented.removeValue(forKey: target.name) else {
                problems.append(
                    "\(documentPath) has no row for the \(target.kind) `\(target.name)` that \(manifestPath) declares")
                continue
            }
            if listed != target.dependencies {
                let missing = target.dependencies.subtracting(listed).sorted()
                let extra = listed.subtracting(target.dependencies).sorted()
                problems.append(
                    "`\(target.name)`: \(documentPath) lists the dependencies \(listed.sorted()), "
                        + "\(manifestPath) declares \(target.dependencies.sorted()) "
                        + "(not in the page: \(missing); not in the manifest: \(extra))")
            }
        }
        for module in documented.keys.sorted() {
            problems.append("\(documentPath) has a row for `\(module)`, which \(manifestPath) does not declare")
        }
        return problems
    }

    @Test func everyTargetHasARowWithItsDependencies() throws {
        for problem in Self.problems(
            manifest: try Self.read(Self.manifestPath), document: try Self.read(Self.documentPath))
        {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The reader finds every target: each folder under Sources/, Tests/ and Plugins/ that
    /// holds Swift files is one (the manifest gives no target another path), and each target
    /// has its folder. Folders without Swift files (scripts and data the tests use, such as
    /// Tests/Slurm) are not targets.
    @Test func theManifestReaderFindsEveryTargetFolder() throws {
        let targets = PackageManifestReader.targets(in: try Self.read(Self.manifestPath))
        #expect(targets.allSatisfy { $0.path == nil }, "a target with a path of its own: read it here too")
        var folders: Set<String> = []
        for parent in ["Sources", "Tests", "Plugins"] {
            let url = Sinergi.packageRoot.appendingPathComponent(parent)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                var isDirectory: ObjCBool = false
                let folder = url.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
                    isDirectory.boolValue, Self.holdsSourceFiles(folder)
                {
                    folders.insert(name)
                }
            }
        }
        #expect(Set(targets.map(\.name)) == folders)
        #expect(targets.count == Set(targets.map(\.name)).count, "target names are unique")
    }

    /// Whether `folder` or a folder below it holds a Swift file or a module map (the
    /// system-library target's).
    static func holdsSourceFiles(_ folder: URL) -> Bool {
        guard let files = FileManager.default.enumerator(atPath: folder.path) else { return false }
        return files.contains { ($0 as? String).map { $0.hasSuffix(".swift") || $0.hasSuffix(".modulemap") } ?? false }
    }

    /// The check fails, naming the target, when a target is added without a row.
    @Test func aTargetWithoutARowIsNamed() throws {
        let manifest = try Self.read(Self.manifestPath)
        let anchor = "    targets: [\n"
        try #require(manifest.contains(anchor))
        let added = manifest.replacingOccurrences(
            of: anchor,
            with: anchor + "        .target(name: \"SinergiUndocumented\", dependencies: [\"SinergiEngine\"]),\n")
        let problems = Self.problems(manifest: added, document: try Self.read(Self.documentPath))
        #expect(problems.count == 1)
        #expect(problems.first?.contains("no row for the target `SinergiUndocumented`") == true, "\(problems)")
    }

    /// The check fails, naming the target, when a row's dependencies differ from the
    /// manifest's, and when a row names a target the manifest lacks.
    @Test func aRowWithOtherDependenciesOrNoTargetIsNamed() throws {
        let document = try Self.read(Self.documentPath)
        let row = "| `SinergiEngine`, `SinergiModel`, `SinergiStats` | run the model"
        try #require(document.contains(row), "the SinergiReport row as the page writes it")
        let changed = document.replacingOccurrences(of: row, with: "| `SinergiEngine`, `SinergiModel` | run the model")
        let problems = Self.problems(manifest: try Self.read(Self.manifestPath), document: changed)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("`SinergiReport`:") == true, "\(problems)")
        #expect(problems.first?.contains("not in the page: [\"SinergiStats\"]") == true, "\(problems)")

        let extra = document + "\n| module | depends on |\n|---|---|\n| `SinergiGone` | `SinergiEngine` |\n"
        let gone = Self.problems(manifest: try Self.read(Self.manifestPath), document: extra)
        #expect(
            gone == ["\(Self.documentPath) has a row for `SinergiGone`, which \(Self.manifestPath) does not declare"])
    }

    /// The reader on a hand-written manifest: products by their own name, a dependency
    /// given as `.target(name:)` is not a declaration, comments and URLs.
    @Test func theManifestReaderReadsDeclarationsNotReferences() {
        let manifest = """
            // .target(name: "Commented", dependencies: [])
            let package = Package(
                name: "Example",
                dependencies: [.package(url: "https://example.org/a", from: "1.0.0")],
                targets: [
                    .systemLibrary(name: "CLib", pkgConfig: "lib"),
                    .target(
                        name: "Core",
                        dependencies: ["CLib", .product(name: "Numbers", package: "a")]  // why
                    ),
                    .executableTarget(name: "tool", dependencies: [.target(name: "Core")], path: "Tools/tool"),
                    .testTarget(name: "CoreTests", dependencies: ["Core"], resources: [.copy("Data")]),
                ]
            )
            """
        #expect(
            PackageManifestReader.targets(in: manifest) == [
                .init(kind: "systemLibrary", name: "CLib", dependencies: []),
                .init(kind: "target", name: "Core", dependencies: ["CLib", "Numbers"]),
                .init(kind: "executableTarget", name: "tool", dependencies: ["Core"], path: "Tools/tool"),
                .init(kind: "testTarget", name: "CoreTests", dependencies: ["Core"]),
            ])
    }
}
