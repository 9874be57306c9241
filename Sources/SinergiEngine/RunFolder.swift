import Foundation

/// A run's output folder, written under a hidden temporary name and renamed into place
/// only when every file is complete, so an interrupted run never leaves a folder that
/// looks finished.
struct RunFolder {
    let final: URL
    let temporary: URL

    /// Chooses `<root>/<slug>/<run-id>` with run-id `YYYYMMDD-HHMMSS-s<seed>` (UTC),
    /// adding `-2`, `-3` … when that name is taken, and creates the temporary folder.
    init(root: URL, slug: String, seed: UInt64, date: Date) throws(RunError) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(formatter.string(from: date))-s\(seed)"
        let parent = root.appendingPathComponent(slug, isDirectory: true)
        let files = FileManager.default
        var name = base
        var suffix = 2
        while files.fileExists(atPath: parent.appendingPathComponent(name).path)
            || files.fileExists(atPath: parent.appendingPathComponent(".\(name).partial").path) {
            name = "\(base)-\(suffix)"
            suffix += 1
        }
        final = parent.appendingPathComponent(name, isDirectory: true)
        temporary = parent.appendingPathComponent(".\(name).partial", isDirectory: true)
        do {
            try files.createDirectory(at: temporary, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the results folder \(parent.path): \(error.localizedDescription)")
        }
    }

    /// Writes one file into the temporary folder.
    func write(_ data: Data, to name: String) throws(RunError) {
        do {
            try data.write(to: temporary.appendingPathComponent(name))
        } catch {
            throw .io("cannot write \(name) in \(temporary.path): \(error.localizedDescription)")
        }
    }

    /// Renames the temporary folder to its final name and points `<slug>/latest` at it.
    func commit() throws(RunError) {
        let files = FileManager.default
        do {
            try files.moveItem(at: temporary, to: final)
        } catch {
            throw .io("cannot move \(temporary.path) to \(final.path): \(error.localizedDescription)")
        }
        let latest = final.deletingLastPathComponent().appendingPathComponent("latest")
        try? files.removeItem(at: latest)
        try? files.createSymbolicLink(atPath: latest.path, withDestinationPath: final.lastPathComponent)
    }

    /// Removes the temporary folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: temporary)
    }
}
