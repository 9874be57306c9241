import Foundation
import SinergiClassroom
import Testing

@testable import SinergiServe

/// Rule: only the server's own pages change sessions. A request naming a host the server
/// does not serve is refused (DNS rebinding), a state-changing request from a page of
/// another origin is refused, and a body that is not declared JSON is refused.
@Suite struct SameOriginTests {
    static let step = #"{"months": 1}"#

    @Test func aHostTheServerDoesNotServeIs421() async throws {
        try await LiveServer.with { server in
            let port = server.port
            for (host, status) in [
                ("evil.example:\(port)", 421), ("127.0.0.1.evil.example:\(port)", 421), ("", 421),
                ("localhost:\(port)", 200), ("127.0.0.1:\(port)", 200), ("[::1]:\(port)", 200),
            ] {
                let reply = try await RawHTTP.perform(
                    "GET", server.baseURL.appendingPathComponent("health"), headers: [("Host", host)], timeout: 30)
                #expect(reply.status == status, "Host '\(host)': \(String(decoding: reply.body, as: UTF8.self))")
            }
            // A rebound name cannot create a session either.
            let created = try await RawHTTP.perform(
                "POST", server.baseURL.appendingPathComponent("api/sessions"), body: Data("{}".utf8),
                headers: [("Host", "evil.example:\(port)")], timeout: 30)
            #expect(created.status == 421)
            #expect(await server.running.state.registry.count == 0)
        }
    }

    @Test func aCrossOriginRequestCannotCreateOrChangeASession() async throws {
        try await LiveServer.with { server in
            let lecturer = APIClient(server)
            let id = try await lecturer.createSession(ClassroomSettings(participation: true)).id
            let before = try await lecturer.state(id)
            let foreign = [
                "http://evil.example", "http://127.0.0.1:\(server.port + 1)", "http://localhost:\(server.port)",
                "https://127.0.0.1:\(server.port)", "null", "file://",
            ]
            for origin in foreign {
                // Even with the lecturer's token (held by the page the foreign one lures).
                let attempts: [(String, String, String?)] = [
                    ("POST", "/api/sessions", "{}"),
                    ("POST", "/api/sessions/\(id)/step", Self.step),
                    ("POST", "/api/sessions/\(id)/setup", "{}"),
                    ("POST", "/api/sessions/\(id)/players", #"{"government": 0, "agency": 1, "name": "Eve"}"#),
                    ("DELETE", "/api/sessions/\(id)", nil),
                ]
                let token = try #require(lecturer.http.lecturerToken(id))
                for (method, path, body) in attempts {
                    let reply = try await RawHTTP.perform(
                        method, URL(string: path, relativeTo: server.baseURL)!.absoluteURL,
                        body: body.map { Data($0.utf8) },
                        headers: [("Origin", origin), ("Authorization", "Bearer \(token)")], timeout: 30)
                    let text = String(decoding: reply.body, as: UTF8.self)
                    #expect(reply.status == 403, "\(method) \(path) from \(origin): \(text)")
                    #expect(text.contains("another origin"), "\(text)")
                }
            }
            #expect(try await lecturer.state(id) == before)
            #expect(await server.running.state.registry.count == 1)
            // The page's own origin passes.
            let own = try await lecturer.http.send(
                "POST", "/api/sessions/\(id)/step", body: Data(Self.step.utf8),
                headers: ["Origin": "http://127.0.0.1:\(server.port)"])
            #expect(own.status == 200, "\(own.text)")
        }
    }

    @Test func aBodyNotDeclaredJSONIs415() async throws {
        try await LiveServer.with { server in
            let api = APIClient(server)
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", nil] {
                let reply = try await api.http.send("POST", "/api/sessions", body: Data("{}".utf8), contentType: type)
                #expect(reply.status == 415, "Content-Type \(type ?? "none"): \(reply.text)")
                #expect((reply.object?["expected"] as? String)?.contains("application/json") == true)
            }
            #expect(await server.running.state.registry.count == 0)
            for type in ["application/json", "application/json; charset=utf-8", "Application/JSON"] {
                let reply = try await api.http.send("POST", "/api/sessions", body: Data("{}".utf8), contentType: type)
                #expect(reply.status == 201, "Content-Type \(type): \(reply.text)")
            }
            // No body needs no type.
            let empty = try await api.http.send("POST", "/api/sessions", body: Data(), contentType: nil)
            #expect(empty.status == 201, "\(empty.text)")
        }
    }

    @Test func servedAddressesFollowTheBindAddress() {
        let loopback = ServedAddresses(bindHost: "127.0.0.1")
        #expect(loopback.serves("localhost") && loopback.serves("127.0.0.1") && loopback.serves("[::1]"))
        #expect(loopback.serves("LOCALHOST."))
        #expect(!loopback.serves("evil.example") && !loopback.serves("10.0.0.1"))
        let single = ServedAddresses(bindHost: "192.168.1.20")
        #expect(single.serves("192.168.1.20") && !single.serves("localhost"))
        let every = ServedAddresses(bindHost: "0.0.0.0", allowedHosts: ["classroom.school.lan"])
        #expect(every.serves("127.0.0.1") && every.serves("classroom.school.lan"))
        #expect(ServedAddresses.interfaceAddresses().allSatisfy { every.serves($0) })
        if let name = ServedAddresses.hostName() { #expect(every.serves(name)) }
        #expect(!every.serves("evil.example"))
        #expect(ServedAddresses.split(authority: "[::1]:80")! == ("::1", 80))
        #expect(ServedAddresses.split(authority: "host")! == ("host", nil))
        #expect(ServedAddresses.split(authority: "host:x") == nil)
        #expect(ServedAddresses.split(authority: "a:1:2") == nil)
    }
}
