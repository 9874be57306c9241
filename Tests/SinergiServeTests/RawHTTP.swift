import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// HTTP/1.1 over a plain blocking socket, one connection per request (`Connection: close`),
/// run on a Dispatch thread so the test's tasks and the in-process server keep theirs. The
/// tests need it where URLSession will not go: requests naming another `Host`, foreign
/// `Origin`s, and connections held open on purpose.
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    static func perform(
        _ method: String, _ url: URL, body: Data? = nil, contentType: String = "application/json; charset=utf-8",
        headers: [(String, String)] = [], timeout: TimeInterval = 60
    ) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try sendBlocking(
                            method, url, body: body, contentType: contentType, headers: headers, timeout: timeout)
                    })
            }
        }
    }

    static func sendBlocking(
        _ method: String, _ url: URL, body: Data?, contentType: String, headers: [(String, String)] = [],
        timeout: TimeInterval
    ) throws -> Reply {
        guard let host = url.host, let port = url.port else {
            throw RawHTTP.Failure("no host and port in \(url)")
        }
        let fd = try connect(host: host, port: port, timeout: timeout)
        defer { close(fd) }

        var path = url.path.isEmpty ? "/" : url.path
        if let query = url.query { path += "?" + query }
        // `headers` may replace the Host line (a request naming another host).
        let hostLine = headers.first { $0.0.lowercased() == "host" }.map(\.1) ?? "\(host):\(port)"
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(hostLine)\r\nConnection: close\r\nAccept: */*\r\n"
        for (name, value) in headers where name.lowercased() != "host" { head += "\(name): \(value)\r\n" }
        if let body {
            head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
        } else if method == "POST" {
            head += "Content-Length: 0\r\n"
        }
        head += "\r\n"
        var request = Data(head.utf8)
        if let body { request.append(body) }
        var sent = 0
        while sent < request.count {
            let n = request.withUnsafeBytes {
                send(fd, $0.baseAddress! + sent, request.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard n > 0 else { throw RawHTTP.Failure("\(method) \(url): send failed (errno \(errno))") }
            sent += n
        }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        // The reply ends after Content-Length bytes of body (or the last chunk), not
        // necessarily at EOF.
        while !isComplete(response) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { response.append(contentsOf: buffer[0..<n]); continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw RawHTTP.Failure(
                "\(method) \(url): no complete answer within \(Int(timeout)) s (errno \(errno))")
        }
        return try parse(response, what: "\(method) \(url)")
    }

    /// A blocking TCP socket connected to `host` (an IPv4 address or `localhost`) on `port`,
    /// whose reads and writes give up after `timeout` seconds; the caller closes it.
    static func connect(host: String, port: Int, timeout: TimeInterval) throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw RawHTTP.Failure("socket() failed: errno \(errno)") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let error = errno
            close(fd)
            throw RawHTTP.Failure("cannot connect to \(host):\(port): errno \(error)")
        }
        return fd
    }

    /// Whether `response` holds the whole reply: headers and all the body they announce.
    static func isComplete(_ response: Data) -> Bool {
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
        let bodyLength = response.distance(from: split.upperBound, to: response.endIndex)
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix("content-length:"),
                let length = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces))
            {
                return bodyLength >= length
            }
            if line.hasPrefix("transfer-encoding:") && line.contains("chunked") {
                return response.suffix(5) == Data("0\r\n\r\n".utf8)
            }
        }
        return head.hasPrefix("http/1.1 204") || head.hasPrefix("http/1.1 304")
    }

    static func parse(_ response: Data, what: String) throws -> Reply {
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else {
            throw RawHTTP.Failure("\(what): a reply without headers (\(response.count) bytes)")
        }
        let lines = String(decoding: response[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw RawHTTP.Failure("\(what): bad status line \(lines.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = Data(response[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try dechunk(body, what: what)
        }
        return Reply(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: Data, what: String) throws -> Data {
        var out = Data()
        var index = data.startIndex
        while index < data.endIndex {
            guard let lineEnd = data[index...].range(of: Data("\r\n".utf8)) else { break }
            let sizeText =
                String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self)
                .split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw RawHTTP.Failure("\(what): bad chunk size '\(sizeText)'")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard data.distance(from: start, to: data.endIndex) >= size else {
                throw RawHTTP.Failure("\(what): truncated chunk")
            }
            out.append(data[start..<data.index(start, offsetBy: size)])
            index = data.index(start, offsetBy: size + 2)
        }
        return out
    }
}
