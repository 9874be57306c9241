import Foundation

/// Runs the built `sinergi` binary as a user would and captures what it prints.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Sinergi {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let brokenDirectory = packageRoot.appendingPathComponent("Tests/SinergiScenarioTests/Broken")

    /// The `sinergi` executable next to the test bundle (both are build products).
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("sinergi")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return url
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/sinergi")
    }

    /// Runs `sinergi arguments…` in the package root, with `environment` added to the
    /// test process's own.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try capture(executable, arguments, environment: environment)
    }

    /// Runs `program arguments…` in `folder` (the package root unless given) and captures
    /// what it prints.
    static func capture(
        _ program: URL, _ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil
    ) throws -> CommandResult {
        let (process, out, err) = try launch(program, arguments, environment: environment, in: folder)
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// A fresh empty folder under the system's temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sinergi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file below `folder`, relative, hidden ones included.
    static func files(below folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.sorted()
    }
}

extension Sinergi {
    /// Starts `program arguments…` in `folder` (the package root unless given), its output
    /// and errors on pipes; the caller reads them and waits or ends it.
    static func launch(
        _ program: URL, _ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil
    ) throws -> (process: Process, out: Pipe, err: Pipe) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? packageRoot
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }
}

extension Sinergi {
    /// The first line the process writes to `handle`; empty when it ends without one
    /// (`whole`: everything read up to the end of the first line, which may hold more lines).
    /// A watchdog ends the process if no line comes within `timeout`.
    static func firstLine(of handle: FileHandle, process: Process, timeout: Duration, whole: Bool = false) async
        -> String
    {
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var data = Data()
                while !data.contains(UInt8(ascii: "\n")) {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    data.append(chunk)
                }
                continuation.resume(
                    returning: String(
                        decoding: whole ? data : data.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self))
            }
        }
    }
}
