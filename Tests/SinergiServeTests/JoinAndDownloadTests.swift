import Foundation
import SinergiClassroom
import SinergiModel
import SinergiScenario
import Testing

@testable import SinergiServe

/// Where students join (the addresses a join link names, its QR code) and the session's
/// downloads (timeseries.csv, moves.csv) through the API.
@Suite struct JoinAndDownloadTests {
    typealias Interface = ServedAddresses.InterfaceAddress

    /// A machine with a LAN, a VPN, Docker and libvirt bridges, link-local and loopback addresses.
    static let machine: [Interface] = [
        Interface(interface: "lo", address: "127.0.0.1", isIPv6: false),
        Interface(interface: "lo", address: "::1", isIPv6: true),
        Interface(interface: "docker0", address: "172.17.0.1", isIPv6: false),
        Interface(interface: "br-0123456789ab", address: "172.18.0.1", isIPv6: false),
        Interface(interface: "virbr0", address: "192.168.122.1", isIPv6: false),
        Interface(interface: "wlp2s0", address: "10.0.0.5", isIPv6: false),
        Interface(interface: "eth0", address: "192.168.1.20", isIPv6: false),
        Interface(interface: "eth0", address: "169.254.3.4", isIPv6: false),
        Interface(interface: "eth0", address: "fe80::1c2d:3e4f", isIPv6: true),
        Interface(interface: "eth0", address: "2001:db8::5", isIPv6: true),
        Interface(interface: "eth0", address: "fd12:3456::7", isIPv6: true),
        Interface(interface: "tailscale0", address: "100.101.102.103", isIPv6: false),
        Interface(interface: "br0", address: "172.20.0.9", isIPv6: false),
    ]

    @Test func everyIPv4AddressLANFirstBridgesLastNoLoopbackOrLinkLocal() {
        let join = JoinAddresses(bindHost: "0.0.0.0", interfaces: Self.machine)
        #expect(join.reach == .everyNetwork)
        #expect(
            join.hosts == [
                "192.168.1.20", "10.0.0.5", "172.20.0.9", "100.101.102.103", "192.168.122.1", "172.17.0.1",
                "172.18.0.1",
            ])
        #expect(join.advice == nil)
        #expect(join.urls(port: 8080, code: "K7QX2MP4HC").first == "http://192.168.1.20:8080/join?code=K7QX2MP4HC")
    }

    @Test func everyIPv6AddressToo() {
        let join = JoinAddresses(bindHost: "::", interfaces: Self.machine)
        #expect(
            join.hosts == [
                "192.168.1.20", "10.0.0.5", "172.20.0.9", "100.101.102.103", "[2001:db8::5]", "[fd12:3456::7]",
                "192.168.122.1", "172.17.0.1", "172.18.0.1",
            ])
        #expect(join.urls(port: 80)[4] == "http://[2001:db8::5]:80/join")
    }

    @Test func loopbackOnlySaysHowToLetStudentsIn() {
        for host in ["127.0.0.1", "localhost", "::1"] {
            let join = JoinAddresses(bindHost: host, interfaces: Self.machine)
            #expect(join.reach == .thisMachineOnly)
            #expect(join.hosts == [JoinAddresses.urlHost(host)])
            #expect(join.advice?.contains("--host 0.0.0.0") == true)
        }
        let lonely = JoinAddresses(bindHost: "0.0.0.0", interfaces: Array(Self.machine.prefix(2)))
        #expect(lonely.reach == .noNetwork)
        #expect(lonely.hosts == ["127.0.0.1"])
        #expect(lonely.advice?.contains("no network address") == true)
        let one = JoinAddresses(bindHost: "10.0.0.5", interfaces: Self.machine)
        #expect(one.reach == .oneAddress && one.hosts == ["10.0.0.5"] && one.advice == nil)
    }

    @Test func onlyBridgesAreStillListed() {
        let join = JoinAddresses(bindHost: "0.0.0.0", interfaces: Array(Self.machine.prefix(5)))
        #expect(join.hosts == ["192.168.122.1", "172.17.0.1", "172.18.0.1"])
    }

    /// The join addresses of this machine come from the same enumeration the Host check uses.
    @Test func thisMachinesJoinAddressesAreServedAddresses() {
        let join = JoinAddresses(bindHost: "::")
        let served = ServedAddresses(bindHost: "::")
        if join.reach == .everyNetwork {
            #expect(join.hosts.allSatisfy { served.serves($0) })
        }
    }

    // MARK: Through the API

    @Test func joinLinksAndTheirQRCode() async throws {
        try await LiveServer.with { server in
            let api = APIClient(server)
            let id = try await api.createSession(ClassroomSettings(participation: true)).id
            let links = try api.expect(try await api.http.get("/api/sessions/\(id)/join"), 200).decode(JoinLinks.self)
            let url = "http://127.0.0.1:\(server.port)/join?code=\(id)"
            #expect(links.urls == [url])
            #expect(links.reach == "thisMachineOnly")
            #expect(links.code == id)
            #expect(links.advice?.contains("sinergi serve --host 0.0.0.0") == true)

            let svg = try api.expect(try await api.http.get("/api/sessions/\(id)/join.svg"), 200)
            #expect(svg.contentType == "image/svg+xml")
            #expect(svg.text == (try QRCode(url)).svg(title: url))
            #expect(try await api.http.get("/api/sessions/\(id)/join.svg?link=1").status == 400)
            #expect(try await api.http.get("/api/sessions/\(id)/join.svg?link=x").status == 400)
            #expect(try await api.http.get("/api/sessions/AAAAAAAAAA/join.svg").status == 404)
            #expect(try await api.http.get("/api/sessions/AAAAAAAAAA/join").status == 404)
        }
    }

    @Test func servingEveryAddressNamesTheMachinesAddressesNeverTheWildcard() async throws {
        let scenario = try ScenarioLoader.load(path: LiveServer.scenarioPath("Scenarios/classroom.yaml"))
        let server = try ClassroomServer(scenario: scenario, host: "0.0.0.0", port: 0)
        let running = try await server.start()
        do {
            let client = HTTPTestClient(base: URL(string: "http://127.0.0.1:\(running.port)/")!)
            let created = try await client.post("/api/sessions", json: "{}")
            let id = try #require(created.object?["id"] as? String)
            let links = try (try await client.get("/api/sessions/\(id)/join")).decode(JoinLinks.self)
            let expected = JoinAddresses(bindHost: "0.0.0.0")
            #expect(links.reach == expected.reach.rawValue)
            #expect(links.urls == expected.urls(port: running.port, code: id))
            #expect(links.urls.allSatisfy { !$0.contains("0.0.0.0") })
            #expect(server.joinURLs(port: running.port) == expected.urls(port: running.port))
        } catch {
            await running.stop()
            throw error
        }
        await running.stop()
    }

    @Test func downloadsHoldTheRunAndTheMoves() async throws {
        try await LiveServer.with { server in
            let api = APIClient(server)
            let id = try await api.createSession(ClassroomSettings(seed: 7, participation: true)).id
            let player = try await api.join(id, agency: 1, name: "Dewi")
            _ = try await api.step(id, months: 2)
            _ = try await api.lever(id, "champion", on: true, intensity: 0.5)
            let stance = try await api.http.post(
                "/api/sessions/\(id)/players/\(player.token)/stance",
                json: #"{"month": 2, "shareData": true, "commitBudget": false}"#)
            #expect(stance.status == 200)
            let state = try await api.step(id, months: 3).state
            #expect(state.month == 5)

            let series = try api.expect(try await api.http.get("/api/sessions/\(id)/timeseries.csv"), 200)
            #expect(series.contentType == "text/csv; charset=utf-8")
            let rows = series.text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
            #expect(rows[0] == ["month", "date", "government", "metric", "value"])
            let frames = try #require(try await api.state(id).frames)
            let spbe = rows.filter { $0[3] == "spbe" }
            #expect(spbe.map { Int($0[0])! } == Array(0...5))
            #expect(spbe.map { Double($0[4])! } == frames.map { $0.governments[0].spbe })

            let moves = try api.expect(try await api.http.get("/api/sessions/\(id)/moves.csv"), 200).text
            let lines = moves.split(separator: "\n").map(String.init)
            #expect(lines.first == "month,player,government,agency,what,value")
            #expect(lines.contains("2,lecturer,,,lever:champion,0.5"))
            #expect(lines.contains { $0.hasPrefix("2,Dewi,") && $0.hasSuffix(",shareData,1") })
            #expect(lines.contains { $0.hasPrefix("2,Dewi,") && $0.hasSuffix(",commitBudget,0") })
            #expect(lines.count == 4)
        }
    }
}
