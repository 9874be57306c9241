import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The host names and addresses under which the server may be asked for: what a `Host`
/// header must name, and what the `Origin` of a state-changing request must be.
///
/// Bound to a loopback address: `localhost`, `127.0.0.1` and `::1`. Bound to a single
/// address: that address (and the loopback names when it is one). Bound to every address
/// (`0.0.0.0`, `::`): the loopback names, every address of the machine's interfaces, and
/// the machine's host name (also with `.local`). `allowedHosts` adds names of the
/// classroom's own DNS (`sinergi serve --allow-host`).
struct ServedAddresses: Sendable {
    let hosts: Set<String>

    init(bindHost: String, allowedHosts: [String] = []) {
        var hosts = Set(allowedHosts.map(Self.normalized))
        let bind = Self.normalized(bindHost)
        let loopback: Set<String> = ["localhost", "127.0.0.1", "::1"]
        if bind == "0.0.0.0" || bind == "::" {
            hosts.formUnion(loopback)
            hosts.formUnion(Self.interfaceAddresses())
            if let name = Self.hostName() {
                hosts.insert(name)
                if !name.hasSuffix(".local") { hosts.insert(name + ".local") }
            }
        } else {
            hosts.insert(bind)
            if loopback.contains(bind) || bind.hasPrefix("127.") { hosts.formUnion(loopback) }
        }
        self.hosts = hosts
    }

    /// Whether `host` (a `Host` header's host, without the port) is one the server answers to.
    func serves(_ host: String) -> Bool { hosts.contains(Self.normalized(host)) }

    /// Lowercased, without IPv6 brackets, an interface's zone (`%eth0`) or a trailing dot.
    static func normalized(_ host: String) -> String {
        var text = host.lowercased()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }
        if text.hasSuffix("."), text.count > 1 { text.removeLast() }
        return text
    }

    /// The host and port of an authority (`host:port`, `[v6]:port`, `host`); nil when it
    /// is malformed.
    static func split(authority: Substring) -> (host: String, port: Int?)? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            if rest.isEmpty { return (host, nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (host, port)
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return parts[0].isEmpty ? nil : (String(parts[0]), nil)
        case 2:
            guard !parts[0].isEmpty, let port = Int(parts[1]) else { return nil }
            return (String(parts[0]), port)
        default: return nil
        }
    }

    /// The numeric addresses of the machine's network interfaces.
    static func interfaceAddresses() -> Set<String> {
        Set(interfaces().map(\.address))
    }

    /// One address of one of the machine's network interfaces.
    struct InterfaceAddress: Sendable, Hashable {
        /// The interface's name, e.g. `eth0`, `wlp2s0`, `docker0`.
        let interface: String
        /// The numeric address, normalized (no zone, lowercased).
        let address: String
        let isIPv6: Bool
    }

    /// Every IPv4 and IPv6 address of the machine's network interfaces (getifaddrs(3)).
    static func interfaces() -> [InterfaceAddress] {
        var result: [InterfaceAddress] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return result }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            let length = socklen_t(
                family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(address, length, &name, socklen_t(name.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                let interface = entry.pointee.ifa_name.map { String(cString: $0) } ?? ""
                result.append(
                    InterfaceAddress(interface: interface, address: normalized(text), isIPv6: family == AF_INET6))
            }
        }
        return result
    }

    static func hostName() -> String? {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count) == 0 else { return nil }
        let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? nil : normalized(text)
    }
}
