import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `sinergi serve` as a user starts it: the line it prints, the exit codes, the signals.
@Suite struct ServeCommandTests {
    @Test(arguments: [
        ["serve", "Scenarios/nonexistent.yaml", "--port", "0"],
        ["serve", "Tests/SinergiScenarioTests/Broken/duplicate-key.yaml", "--port", "0"],
        ["serve", "--port", "70000"],
        ["serve", "--port", "-1"],
        ["serve", "--max-sessions", "0"],
        ["serve", "--session-ttl", "0"],
        ["serve", "--host", ""],
        ["serve", "--no-such-option"],
    ])
    func badScenarioOrOptionIsAUsageError(_ arguments: [String]) throws {
        let result = try Sinergi.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
    }

    @Test func brokenScenarioPrintsTheLoadersDiagnostics() throws {
        let path = "Tests/SinergiScenarioTests/Broken/duplicate-key.yaml"
        let result = try Sinergi.run(["serve", path, "--port", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("\(path):"))
        #expect(result.stderr.contains("error:"))
    }

    @Test func scenarioTooBigForALiveClassIsAUsageError() throws {
        let result = try Sinergi.run(["serve", "Scenarios/indonesia-548.yaml", "--port", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: Scenarios/indonesia-548.yaml has 548 governments"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func servesOnAFreePortAndStopsCleanlyOnASignal(_ signal: Int32) async throws {
        let (process, out, _) = try Sinergi.launch(Sinergi.executable, ["serve", "--port", "0"])
        defer { if process.isRunning { process.terminate() } }

        // The first stdout line, read off the pipe as it comes. The watchdog only ends a
        // server that never prints; a loaded machine prints well within it.
        let line = await Sinergi.firstLine(of: out.fileHandleForReading, process: process, timeout: .seconds(120))
        let pattern =
            /^Serving Classroom on http:\/\/127\.0\.0\.1:(\d+)\/ \(students: http:\/\/127\.0\.0\.1:(\d+)\/join\)$/
        let match = try #require(line.wholeMatch(of: pattern), "got: \(line)")
        let port = try #require(Int(match.1))
        #expect(port > 0 && String(port) == String(match.2))

        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/health")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("\"ok\":true"))

        kill(process.processIdentifier, signal)
        // A bound on the wait for the graceful shutdown, not a speed test.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "the server did not stop within 120 s of the signal")
        #expect(process.terminationStatus == 0)
        #expect(process.terminationReason == .exit)
    }

    /// On every network the lines name the machine's addresses, never 0.0.0.0; on loopback
    /// stderr says that students on other machines cannot join and how to let them.
    @Test(arguments: ["0.0.0.0", "127.0.0.1"])
    func printsTheJoinAddresses(_ host: String) async throws {
        let (process, out, err) = try Sinergi.launch(Sinergi.executable, ["serve", "--host", host, "--port", "0"])
        defer { if process.isRunning { process.terminate() } }
        let start = await Sinergi.firstLine(
            of: out.fileHandleForReading, process: process, timeout: .seconds(120), whole: true)
        let line = String(start.prefix { $0 != "\n" })
        let match = try #require(
            line.wholeMatch(of: /^Serving Classroom on http:\/\/(.+):(\d+)\/ \(students: http:\/\/(.+):(\d+)\/join\)$/),
            "got: \(line)")
        #expect(match.1 == match.3 && match.2 == match.4)
        #expect(match.1 != "0.0.0.0")
        kill(process.processIdentifier, SIGTERM)
        let rest = start + String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let joins = rest.split(separator: "\n").filter { $0.hasPrefix("Students join at http://") }
        if host == "127.0.0.1" {
            #expect(match.1 == "127.0.0.1")
            #expect(joins.isEmpty)
            #expect(errors.contains("Students on other machines cannot join"))
            #expect(errors.contains("--host 0.0.0.0"))
        } else if match.1 == "127.0.0.1" {
            #expect(errors.contains("no network address"), "a machine without a network says so")
        } else {
            // One line per address, the first line's address first.
            #expect(joins.first == "Students join at http://\(match.1):\(match.2)/join")
            #expect(joins.allSatisfy { !$0.contains("0.0.0.0") && !$0.contains("127.0.0.1") })
            #expect(!errors.contains("cannot join"))
        }
    }
}
