import Crypto
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Whenever a run is stopped — SIGINT, a second SIGINT while it writes its files, or
/// SIGKILL — no folder looks complete unless it is: every visible run folder has a
/// manifest.json whose files are all on disk with the hashes it lists, and `latest` names
/// such a folder. Unfinished work stays in a hidden `.….partial` folder.
///
/// The moments of the signals are spread from the first batch to the final writes; which
/// moment each lands on depends on the machine, the property checked does not.
@Suite struct InterruptedWritesTests {
    enum Stop: Sendable, CustomStringConvertible {
        case interrupt(after: Double)
        case interruptTwice(after: Double)
        case kill(after: Double)
        var description: String {
            switch self {
            case .interrupt(let s): "SIGINT after \(s) s"
            case .interruptTwice(let s): "two SIGINTs after \(s) s"
            case .kill(let s): "SIGKILL after \(s) s"
            }
        }
    }

    static let stops: [Stop] = [0.05, 0.2, 0.6, 1.5, 3.0].flatMap {
        [Stop.interrupt(after: $0), .interruptTwice(after: $0), .kill(after: $0)]
    }

    @Test(arguments: stops)
    func noFolderLooksCompleteUnlessItIs(_ stop: Stop) throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let process = Process()
        process.executableURL = Sinergi.executable
        process.arguments = [
            "run", "Scenarios/jambi-province-2018.yaml", "--replicates", "400", "--seed", "5", "--threads", "2", "-q",
            "--out", root.path,
        ]
        process.currentDirectoryURL = Sinergi.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        switch stop {
        case .interrupt(let s):
            Thread.sleep(forTimeInterval: s)
            kill(pid, SIGINT)
        case .interruptTwice(let s):
            Thread.sleep(forTimeInterval: s)
            kill(pid, SIGINT)
            Thread.sleep(forTimeInterval: 0.002)
            kill(pid, SIGINT)
        case .kill(let s):
            Thread.sleep(forTimeInterval: s)
            kill(pid, SIGKILL)
        }
        process.waitUntilExit()

        let slug = root.appendingPathComponent("jambi-province-2018")
        let files = FileManager.default
        let entries = (try? files.contentsOfDirectory(atPath: slug.path)) ?? []
        for name in entries where !name.hasPrefix(".") && name != "latest" {
            let folder = slug.appendingPathComponent(name)
            let data = try #require(
                files.contents(atPath: folder.appendingPathComponent("manifest.json").path),
                "\(stop): \(name) is visible without a manifest")
            let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let listed = try #require(manifest["files"] as? [String: String], "\(stop): \(name) lists no files")
            #expect(listed.keys.contains("replicates.csv"))
            for (file, hash) in listed {
                let bytes = try #require(files.contents(atPath: folder.appendingPathComponent(file).path), "\(file)")
                let actual = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
                #expect(actual == hash, "\(stop): \(name)/\(file) does not match its manifest")
            }
        }
        if let target = try? files.destinationOfSymbolicLink(atPath: slug.appendingPathComponent("latest").path) {
            let manifest = slug.appendingPathComponent(target).appendingPathComponent("manifest.json")
            let data = try #require(
                files.contents(atPath: manifest.path), "\(stop): latest → \(target) has no manifest")
            let status = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["status"] as? String
            #expect(status == "complete", "\(stop): latest names a \(status ?? "?") run")
        }
    }
}
