/// The addresses a join link names, best first, and whether students on other machines can
/// reach the server at all.
///
/// - Bound to every address (`0.0.0.0`: every IPv4 address; `::`: every IPv6 address and,
///   on a dual-stack system, every IPv4 one too): the machine's interface addresses
///   (``ServedAddresses/interfaces()``) without loopback (`127.0.0.0/8`, `::1`) and
///   link-local ones (`169.254.0.0/16`, `fe80::/10`), which other machines of a classroom
///   network do not reach. IPv4 first, private ranges that classroom networks use before
///   the others (`192.168.0.0/16`, `10.0.0.0/8`, `172.16.0.0/12`, then `100.64.0.0/10`,
///   then the rest), then IPv6 (global `2000::/3` before unique-local `fc00::/7`); within
///   a rank by text. Addresses of interfaces that are container or virtual-machine bridges
///   by their well-known names (`docker0`, `br-` and twelve hex digits as Docker names its
///   networks, `veth…`, `virbr…`) come after all others.
/// - Bound to one loopback address: that address, and students on other machines cannot
///   join (``reach`` is ``Reach/thisMachineOnly``).
/// - Bound to one other address: that address.
struct JoinAddresses: Sendable, Equatable {
    enum Reach: String, Sendable, Equatable {
        /// Bound to every address.
        case everyNetwork
        /// Bound to one non-loopback address.
        case oneAddress
        /// Bound to a loopback address: other machines cannot connect.
        case thisMachineOnly
        /// Bound to every address, but the machine has no address another machine can reach.
        case noNetwork
    }

    let reach: Reach
    /// Hosts as a URL writes them (IPv6 in brackets), best first; never empty.
    let hosts: [String]

    init(bindHost: String, interfaces: [ServedAddresses.InterfaceAddress] = ServedAddresses.interfaces()) {
        let bind = ServedAddresses.normalized(bindHost)
        if bind == "0.0.0.0" || bind == "::" {
            let candidates = interfaces.filter { ($0.isIPv6 ? bind == "::" : true) && Self.rank($0) != nil }
            let ordered = Set(candidates).sorted {
                (Self.isBridge($0) ? 1 : 0, Self.rank($0)!, $0.address) < (
                    Self.isBridge($1) ? 1 : 0, Self.rank($1)!, $1.address
                )
            }
            var seen: Set<String> = []
            let hosts = ordered.map(\.address).filter { seen.insert($0).inserted }.map(Self.urlHost)
            if hosts.isEmpty {
                reach = .noNetwork
                self.hosts = ["127.0.0.1"]
            } else {
                reach = .everyNetwork
                self.hosts = hosts
            }
        } else {
            reach = Self.isLoopback(bind) ? .thisMachineOnly : .oneAddress
            hosts = [Self.urlHost(bind)]
        }
    }

    /// `http://HOST:PORT/join`, with `?code=CODE` when a session's code is given.
    func urls(port: Int, code: String? = nil) -> [String] {
        hosts.map { "http://\($0):\(port)/join" + (code.map { "?code=\($0)" } ?? "") }
    }

    /// What the lecturer must know when students on other machines cannot join; nil when they can.
    var advice: String? {
        switch reach {
        case .everyNetwork, .oneAddress: nil
        case .thisMachineOnly:
            "Students on other machines cannot join: the server listens on this machine only. Start it with `sinergi serve --host 0.0.0.0` to serve the classroom's network."
        case .noNetwork:
            "Students on other machines cannot join yet: this machine has no network address. Connect it to the classroom's network and reload this page."
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Docker's and libvirt's bridges and the virtual ends of container links, by name.
    static func isBridge(_ entry: ServedAddresses.InterfaceAddress) -> Bool {
        let name = entry.interface
        if name == "docker0" || name.hasPrefix("veth") || name.hasPrefix("virbr") { return true }
        let suffix = name.dropFirst(3)
        return name.hasPrefix("br-") && suffix.count == 12 && suffix.allSatisfy(\.isHexDigit)
    }

    /// The order of an address among join addresses; nil for one other machines cannot reach.
    static func rank(_ entry: ServedAddresses.InterfaceAddress) -> Int? {
        let address = entry.address
        if entry.isIPv6 {
            // ::1, ::, ::ffff:a.b.c.d and the like start with "::": none is a join address.
            let first = address.prefix(while: { $0 != ":" })
            guard let word = UInt16(first, radix: 16) else { return nil }
            if word & 0xFFC0 == 0xFE80 { return nil }  // link-local fe80::/10
            if word & 0xE000 == 0x2000 { return 5 }  // global unicast 2000::/3
            if word & 0xFE00 == 0xFC00 { return 6 }  // unique local fc00::/7
            return 7
        }
        let octets = address.split(separator: ".").compactMap { UInt8($0) }
        guard octets.count == 4 else { return nil }
        switch (octets[0], octets[1]) {
        case (127, _), (169, 254), (0, _): return nil
        case (192, 168): return 0
        case (10, _): return 1
        case (172, 16...31): return 2
        case (100, 64...127): return 3
        default: return 4
        }
    }

    /// IPv6 literals go in brackets inside a URL.
    static func urlHost(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}
