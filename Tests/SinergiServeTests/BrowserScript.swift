import Foundation
import Testing

/// A browser test's script in Tests/Browser, run with the tests' Python (.venv-notebooks,
/// which `make test` builds, or $SINERGI_PYTHON) against a server running in this process.
/// The scripts drive headless Chromium with Selenium and print one JSON object on their last
/// line: what they read from the pages and the server, for the Swift test to check.
enum BrowserScript {
    /// Runs `Tests/Browser/NAME --base URL ARGUMENTS…` and returns its last line of output;
    /// fails the test with the script's error output when it exits with another status than 0.
    static func run(_ name: String, server: LiveServer, _ arguments: [String] = []) async throws -> Data {
        let python =
            ProcessInfo.processInfo.environment["SINERGI_PYTHON"]
            ?? LiveServer.packageRoot.appendingPathComponent(".venv-notebooks/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "no Python with Selenium at \(python): `make test` builds .venv-notebooks, or set SINERGI_PYTHON")
        let script = LiveServer.packageRoot.appendingPathComponent("Tests/Browser/\(name)").path
        let output = try await capture(python, [script, "--base", server.baseURL.absoluteString] + arguments)
        try #require(output.status == 0, "Tests/Browser/\(name) failed:\n\(output.stderr)")
        let last = try #require(output.stdout.split(separator: "\n").last, "Tests/Browser/\(name) printed its record")
        return Data(last.utf8)
    }

    /// Runs `executable` with `arguments` off the test's tasks (the server in this process
    /// keeps its threads) and returns its exit status and output.
    static func capture(_ executable: String, _ arguments: [String]) async throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let process = Process()
                        process.executableURL = URL(fileURLWithPath: executable)
                        process.arguments = arguments
                        let out = Pipe()
                        let err = Pipe()
                        process.standardOutput = out
                        process.standardError = err
                        try process.run()
                        let group = DispatchGroup()
                        nonisolated(unsafe) var stderr = Data()
                        group.enter()
                        DispatchQueue.global().async {
                            stderr = err.fileHandleForReading.readDataToEndOfFile()
                            group.leave()
                        }
                        let stdout = out.fileHandleForReading.readDataToEndOfFile()
                        group.wait()
                        process.waitUntilExit()
                        return (
                            process.terminationStatus, String(decoding: stdout, as: UTF8.self),
                            String(decoding: stderr, as: UTF8.self)
                        )
                    })
            }
        }
    }
}
