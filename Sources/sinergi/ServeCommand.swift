import ArgumentParser
import Foundation
import SinergiScenario
import SinergiServe

/// `sinergi serve [SCENARIO]`: the classroom page, one live replicate per session.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Serve the classroom page: the lecturer steps a live run month by month, students join and play agencies.",
        discussion: """
            Prints to stdout once listening: Serving Classroom on http://HOST:PORT/ \
            (students: http://HOST:PORT/join); with --host 0.0.0.0 (or ::) HOST is the \
            machine's best network address and one line 'Students join at URL' follows for \
            each of its addresses. Students on the classroom's network need --host 0.0.0.0. \
            Ctrl-C or SIGTERM stops the server (exit 0). The JSON API the page uses is in \
            docs/classroom-api.md. Without a scenario file, serves the classroom scenario \
            built into the binary; the page and its scripts are built in too, so the server \
            reads no file but the scenario given.
            """
    )

    @Argument(help: "Scenario file (YAML); default: the built-in classroom scenario.")
    var scenario: String?

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: Int = 8080

    @Option(help: "Address to listen on: 127.0.0.1 (this machine only) or 0.0.0.0 (every network).")
    var host: String = "127.0.0.1"

    @Option(help: "Sessions held at once; one more is refused (503).")
    var maxSessions: Int = 64

    @Option(help: "Minutes without a request after which a session is dropped.")
    var sessionTtl: Double = 30

    @Option(
        name: .customLong("allow-host"),
        help:
            "A host name the server also answers to besides its addresses (repeatable), e.g. a name of the classroom's DNS."
    )
    var allowHost: [String] = []

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be in 0…65535, got \(port)") }
        if host.isEmpty { throw ValidationError("--host needs an address, e.g. 127.0.0.1 or 0.0.0.0") }
        if let bad = allowHost.first(where: { $0.isEmpty || $0.contains(where: { " /:@?#".contains($0) }) }) {
            throw ValidationError(
                "--allow-host needs a host name without port or path, e.g. classroom.school.lan; got '\(bad)'")
        }
        if maxSessions < 1 { throw ValidationError("--max-sessions must be at least 1, got \(maxSessions)") }
        if !(sessionTtl > 0) || sessionTtl > 7 * 24 * 60 {
            throw ValidationError("--session-ttl must be minutes in (0, 10080], got \(sessionTtl)")
        }
    }

    func run() async throws {
        let loaded = try loadScenario(scenario, failure: .validationFailure)
        let limits = ServerLimits(
            maxSessions: maxSessions, sessionTTL: .milliseconds(Int64((sessionTtl * 60_000).rounded())))
        let server: ClassroomServer
        do {
            server = try ClassroomServer(
                scenario: loaded, host: host, port: port, limits: limits, allowedHosts: allowHost)
        } catch {
            printError("error: \(error.message)")
            throw ExitCode.validationFailure
        }
        let name = loaded.name
        do {
            try await server.run { port in
                // Written straight to the file descriptor: a pipe must see the lines at once.
                FileHandle.standardOutput.write(Data(Self.listeningLines(server: server, port: port).utf8))
                if let advice = server.joinAdvice { printError(advice) }
                printError(
                    "Scenario '\(name)'; up to \(limits.maxSessions) sessions, each dropped after "
                        + "\(Self.minutes(limits.sessionTTL)) without a request. Ctrl-C stops the server.")
            }
        } catch {
            printError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode.failure
        }
    }

    /// What stdout shows once the server listens: `Serving Classroom on http://HOST:PORT/
    /// (students: http://HOST:PORT/join)` with the best join address as HOST, then, when the
    /// server listens on every address, one `Students join at URL` line per join address.
    static func listeningLines(server: ClassroomServer, port: Int) -> String {
        let urls = server.joinURLs(port: port)
        let first = urls[0]
        let base = String(first.dropLast("join".count))
        var lines = ["Serving Classroom on \(base) (students: \(first))"]
        if server.servesEveryNetwork { lines += urls.map { "Students join at \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    static func minutes(_ duration: Duration) -> String {
        let minutes = Double(duration.components.seconds) / 60 + Double(duration.components.attoseconds) / 6e19
        return minutes == minutes.rounded() ? "\(Int(minutes)) min" : String(format: "%.2g min", minutes)
    }
}
