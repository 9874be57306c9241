import Foundation
import PackagePlugin

/// Compiles files the release binary needs at run time into the target, as a generated
/// `EmbeddedFiles.swift` (see Sources/ResourceEmbedder), so that one installed `sinergi`
/// works from any folder, without the build folder or a resource bundle beside it.
///
/// - `SinergiServe`: every file of its `Assets/` folder (the classroom page);
/// - `sinergi`: `Scenarios/classroom.yaml`, the scenario `run` and `serve` use when given none.
///
/// The files stay where they are, the one copy anyone edits; the build regenerates the
/// source whenever one of them changes.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let files: [URL]
        switch target.name {
        case "SinergiServe":
            let folder = target.directoryURL.appendingPathComponent("Assets")
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
        case "sinergi":
            files = [context.package.directoryURL.appendingPathComponent("Scenarios/classroom.yaml")]
        default:
            throw EmbedError(message: "EmbedResources knows no files to embed in the target '\(target.name)'")
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.map(\.lastPathComponent).joined(separator: ", ")) in \(target.name)",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}

struct EmbedError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
