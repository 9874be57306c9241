import Crypto
import Foundation

/// A run's output folder, written under a hidden temporary name and renamed into place
/// only when every file is complete, so an interrupted run never leaves a folder that
/// looks finished.
struct RunFolder {
    let final: URL
    let temporary: URL
    /// Folders this run created above the run folder (results root, slug folder), removed
    /// again if a failed run leaves them empty.
    let createdParents: [URL]

    /// The name of the symbolic link to the newest folder of this kind.
    let latestName: String

    /// Chooses `<root>/<slug>/<run-id>` with run-id `YYYYMMDD-HHMMSS-s<seed>` (UTC) —
    /// `<kind>-YYYYMMDD-HHMMSS-s<seed>` for another kind of study than a run, such as a
    /// comparison — adding `-2`, `-3` … when that name is taken, and creates the temporary
    /// folder. The name is claimed by creating `.<name>.partial` with mkdir(2), which fails
    /// when the folder exists, so runs started in the same second into the same folder each
    /// get a folder of their own.
    ///
    /// With `name` (`--name`), the folder is `<root>/<slug>/<name>` exactly, claimed the same
    /// way; when it (or its temporary folder) exists, ``RunError/folderTaken(_:)`` is thrown
    /// and nothing is created.
    init(root: URL, slug: String, seed: UInt64, date: Date, kind: String? = nil, name chosen: String? = nil)
        throws(RunError)
    {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = (kind.map { "\($0)-" } ?? "") + "\(formatter.string(from: date))-s\(seed)"
        latestName = kind.map { "latest-\($0)" } ?? "latest"
        let parent = root.appendingPathComponent(slug, isDirectory: true)
        let files = FileManager.default
        if let chosen, files.fileExists(atPath: parent.appendingPathComponent(chosen).path) {
            throw .folderTaken(parent.appendingPathComponent(chosen).path)
        }
        let createdParents = [root, parent].filter { !files.fileExists(atPath: $0.path) }
        self.createdParents = createdParents
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the results folder \(parent.path): \(error.localizedDescription)")
        }
        var name = chosen ?? base
        var suffix = 2
        while true {
            let temporary = parent.appendingPathComponent(".\(name).partial", isDirectory: true)
            if !files.fileExists(atPath: parent.appendingPathComponent(name).path) {
                if mkdir(temporary.path, 0o755) == 0 { break }
                guard errno == EEXIST else {
                    throw .io("cannot create the results folder \(temporary.path): \(String(cString: strerror(errno)))")
                }
            }
            if let chosen {
                // Taken by another run: remove the parents this one created, if empty.
                for folder in createdParents.reversed()
                where (try? files.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                    try? files.removeItem(at: folder)
                }
                throw .folderTaken(parent.appendingPathComponent(chosen).path)
            }
            name = "\(base)-\(suffix)"
            suffix += 1
        }
        final = parent.appendingPathComponent(name, isDirectory: true)
        temporary = parent.appendingPathComponent(".\(name).partial", isDirectory: true)
    }

    /// Writes one file into the temporary folder.
    func write(_ data: Data, to name: String) throws(RunError) {
        do {
            try data.write(to: temporary.appendingPathComponent(name))
        } catch {
            throw .io("cannot write \(name) in \(temporary.path): \(error.localizedDescription)")
        }
    }

    /// Creates `name` in the temporary folder for writing piece by piece.
    func openStream(_ name: String) throws(RunError) -> HashingFileStream {
        let url = temporary.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else {
            throw .io("cannot create \(name) in \(temporary.path)")
        }
        return HashingFileStream(handle: handle)
    }

    /// Writes the last files — report.html (built by `report`; none when it gives nil) and
    /// manifest.json — and renames the folder into place.
    func finish(manifest: Manifest, control: RunControl, report: () -> String?) throws(RunError) {
        control.begin("writing report.html")
        if let page = report() { try write(Data(page.utf8), to: "report.html") }
        let json: Data
        do { json = try manifest.encoded() } catch { throw RunError.io("cannot encode the manifest: \(error)") }
        try write(json, to: "manifest.json")
        try commit(pointingLatest: manifest.status == .complete)
    }

    /// Renames the temporary folder to its final name and, for a complete study, points
    /// `<slug>/latest` (or `latest-<kind>`) at it: `latest` is the complete folder that
    /// finished last; an interrupted or failed study never moves it.
    func commit(pointingLatest: Bool = true) throws(RunError) {
        // rename(2) never replaces a folder that holds files, so a complete folder is never
        // overwritten.
        guard rename(temporary.path, final.path) == 0 else {
            throw .io("cannot move \(temporary.path) to \(final.path): \(String(cString: strerror(errno)))")
        }
        if pointingLatest {
            Self.point(
                final.deletingLastPathComponent().appendingPathComponent(latestName), at: final.lastPathComponent)
        }
    }

    /// Points the symbolic link `link` at `target`, atomically: a new link under a unique
    /// name renamed over the old one, so concurrent runs finishing together leave `latest`
    /// pointing at one of them (the last to finish), never missing.
    static func point(_ link: URL, at target: String) {
        let files = FileManager.default
        let staging = link.deletingLastPathComponent().appendingPathComponent(
            ".\(link.lastPathComponent).\(UUID().uuidString)")
        guard (try? files.createSymbolicLink(atPath: staging.path, withDestinationPath: target)) != nil else { return }
        if rename(staging.path, link.path) != 0 { try? files.removeItem(at: staging) }
    }

    /// Removes the temporary folder after a failure, and the folders above it that this
    /// run created, when they are empty: a failed run leaves nothing behind.
    func discard() {
        let files = FileManager.default
        try? files.removeItem(at: temporary)
        for folder in createdParents.reversed()
        where (try? files.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? files.removeItem(at: folder)
        }
    }
}

/// A file written a piece at a time whose SHA-256 is computed as it is written, so a
/// large file never has to be read back (or mapped) to be hashed.
final class HashingFileStream {
    private let handle: FileHandle
    private var hasher = SHA256()

    init(handle: FileHandle) { self.handle = handle }

    /// Appends `data` to the file and to the hash.
    func append(_ data: Data) throws(RunError) {
        hasher.update(data: data)
        do { try handle.write(contentsOf: data) } catch { throw .io("cannot write: \(error.localizedDescription)") }
    }

    /// Flushes and closes the file; returns its lower-case hexadecimal SHA-256.
    func finish() throws(RunError) -> String {
        do { try handle.synchronize(); try handle.close() } catch {
            throw .io("cannot close: \(error.localizedDescription)")
        }
        return Study.hex(hasher.finalize())
    }
}
