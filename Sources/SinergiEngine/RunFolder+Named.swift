import Foundation

extension RunFolder {
    /// A folder at exactly `final` (`--into`), written under `.<name>.partial` beside it.
    /// When that temporary folder exists already (an earlier attempt stopped), it is taken
    /// over as it is, so a resumable study can continue in it; `final` must not exist.
    init(exactly final: URL) throws(RunError) {
        let files = FileManager.default
        let parent = final.deletingLastPathComponent()
        guard !files.fileExists(atPath: final.path) else {
            throw .io("\(final.path) exists already; choose another folder or remove it")
        }
        self.final = final
        temporary = parent.appendingPathComponent(".\(final.lastPathComponent).partial", isDirectory: true)
        latestName = "latest-sweep"
        createdParents = [parent].filter { !files.fileExists(atPath: $0.path) }
        do {
            try files.createDirectory(at: temporary, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the folder \(temporary.path): \(error.localizedDescription)")
        }
    }

    /// The incomplete folder a stopped study left at `path`: its hidden `.NAME.partial`
    /// folder, given either by that path or by the final name it will get.
    init(resuming path: URL, kind: String) throws(RunError) {
        let files = FileManager.default
        let name = path.lastPathComponent
        let parent = path.deletingLastPathComponent()
        let temporary: URL
        let final: URL
        if name.hasPrefix("."), name.hasSuffix(".partial") {
            temporary = path
            final = parent.appendingPathComponent(String(name.dropFirst().dropLast(".partial".count)))
        } else {
            final = path
            temporary = parent.appendingPathComponent(".\(name).partial", isDirectory: true)
        }
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: temporary.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            if files.fileExists(atPath: final.appendingPathComponent("manifest.json").path) {
                throw .io("\(final.path) is complete; there is nothing to resume")
            }
            throw .io("no incomplete \(kind) at \(path.path) (expected a folder .NAME.partial)")
        }
        self.final = final
        self.temporary = temporary
        latestName = "latest-\(kind)"
        createdParents = []
    }
}
