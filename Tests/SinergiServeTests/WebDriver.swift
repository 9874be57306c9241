import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal W3C WebDriver client for Debian's `chromedriver` and headless Chromium: enough
/// to open the classroom pages, press their controls, read the DOM and take screenshots.
/// Every wait has a timeout and fails with a message that says what was awaited.
enum WebDriver {
    enum Failure: Error, CustomStringConvertible {
        case notInstalled(String)
        case failed(String)

        var description: String {
            switch self {
            case let .notInstalled(what):
                return "\(what) is not installed; `make test` installs chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver)"
            case let .failed(message): return message
            }
        }
    }

    /// `chromedriver` and `chromium` on PATH (or /usr/bin), by their Debian and Ubuntu names.
    static func executable(_ names: [String]) -> URL? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/local/bin:/usr/bin:/bin"
        for name in names {
            for directory in path.split(separator: ":") {
                let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    /// A free loopback TCP port, found by binding port 0 and closing the socket again.
    static func freePort() throws -> Int {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.failed("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw Failure.failed("bind() failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Failure.failed("getsockname() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// One JSON request to the driver; returns the reply's `value`.
    static func request(
        _ method: String, _ url: URL, _ body: [String: Any]? = nil,
        timeout: TimeInterval = 60
    ) async throws -> Any {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let reply = try await RawHTTP.perform(method, url, body: payload, timeout: timeout)
        let json = (try? JSONSerialization.jsonObject(with: reply.body, options: [.fragmentsAllowed])) as? [String: Any]
        let value = json?["value"] ?? NSNull()
        if reply.status >= 400 || (value as? [String: Any])?["error"] != nil {
            let error = (value as? [String: Any]) ?? [:]
            let text =
                "\(error["error"] ?? "HTTP \(reply.status)"): "
                + "\(error["message"] ?? String(decoding: reply.body.prefix(400), as: UTF8.self))"
            throw Failure.failed("WebDriver \(method) \(url.path) failed: \(text.prefix(600))")
        }
        return value
    }
}

/// HTTP/1.1 over a plain blocking socket, one connection per request (`Connection: close`),
/// run on a Dispatch thread so the test's tasks and the in-process server keep theirs.
/// Used instead of URLSession, whose Linux implementation rejects chromedriver's replies
/// ("Failed writing header").
enum RawHTTP {
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
            throw WebDriver.Failure.failed("no host and port in \(url)")
        }
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw WebDriver.Failure.failed("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            throw WebDriver.Failure.failed("cannot connect to \(host):\(port): errno \(errno)")
        }

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
            guard n > 0 else { throw WebDriver.Failure.failed("\(method) \(url): send failed (errno \(errno))") }
            sent += n
        }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        // chromedriver announces `Connection: close` but keeps the socket open: the reply
        // ends after Content-Length bytes of body (or the last chunk), not at EOF.
        while !isComplete(response) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { response.append(contentsOf: buffer[0..<n]); continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw WebDriver.Failure.failed(
                "\(method) \(url): no complete answer within \(Int(timeout)) s (errno \(errno))")
        }
        return try parse(response, what: "\(method) \(url)")
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
            throw WebDriver.Failure.failed("\(what): a reply without headers (\(response.count) bytes)")
        }
        let lines = String(decoding: response[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw WebDriver.Failure.failed("\(what): bad status line \(lines.first ?? "")")
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
                throw WebDriver.Failure.failed("\(what): bad chunk size '\(sizeText)'")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard data.distance(from: start, to: data.endIndex) >= size else {
                throw WebDriver.Failure.failed("\(what): truncated chunk")
            }
            out.append(data[start..<data.index(start, offsetBy: size)])
            index = data.index(start, offsetBy: size + 2)
        }
        return out
    }
}

/// A running `chromedriver`, started on a free port and killed by ``stop()``.
final class ChromeDriverProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    var base: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Starts chromedriver and waits (at most `timeout` seconds) until it reports ready.
    static func start(timeout: TimeInterval = 30) async throws -> ChromeDriverProcess {
        guard let driver = WebDriver.executable(["chromedriver"]) else {
            throw WebDriver.Failure.notInstalled("chromedriver (Debian package chromium-driver)")
        }
        guard WebDriver.executable(["chromium", "chromium-browser"]) != nil else {
            throw WebDriver.Failure.notInstalled("chromium")
        }
        let port = try WebDriver.freePort()
        let process = Process()
        process.executableURL = driver
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-level=SEVERE"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let running = ChromeDriverProcess(process: process, port: port)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try? await WebDriver.request(
                "GET", running.base.appendingPathComponent("status"), timeout: 2)
                as? [String: Any], status["ready"] as? Bool == true
            {
                return running
            }
            guard process.isRunning else {
                throw WebDriver.Failure.failed(
                    "chromedriver exited with status \(process.terminationStatus) before it was ready")
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        running.stop()
        throw WebDriver.Failure.failed("chromedriver on port \(port) was not ready after \(Int(timeout)) s")
    }

    /// A new browser: headless Chromium with a window of `width` × `height` CSS pixels.
    func newSession(width: Int = 1400, height: Int = 1000) async throws -> BrowserSession {
        let chromium = WebDriver.executable(["chromium", "chromium-browser"])!.path
        let capabilities: [String: Any] = [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--hide-scrollbars", "--window-size=\(width),\(height)",
                ],
            ] as [String: Any],
        ]
        let value = try await WebDriver.request(
            "POST", base.appendingPathComponent("session"),
            ["capabilities": ["alwaysMatch": capabilities]], timeout: 90)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw WebDriver.Failure.failed("chromedriver answered a new session without a sessionId: \(value)")
        }
        return BrowserSession(url: base.appendingPathComponent("session").appendingPathComponent(id))
    }

    /// Ends chromedriver. SIGKILL, because a test process that handles SIGTERM itself (the
    /// server's graceful shutdown) passes the signal's blocked state on to its children.
    /// Delete the browser sessions first: they end their Chromium.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
    }
}

/// One browser window driven through WebDriver.
struct BrowserSession: Sendable {
    let url: URL

    private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil, timeout: TimeInterval = 60)
        async throws -> Any
    {
        try await WebDriver.request(
            method, path.isEmpty ? url : url.appendingPathComponent(path), body, timeout: timeout)
    }

    func navigate(_ address: URL) async throws {
        _ = try await call("POST", "url", ["url": address.absoluteString], timeout: 60)
    }

    /// The WebDriver id of the first element matching `css`; fails when there is none.
    func find(_ css: String) async throws -> String {
        let value = try await call("POST", "element", ["using": "css selector", "value": css])
        guard let element = (value as? [String: Any])?.first(where: { $0.key.hasPrefix("element-") })?.value as? String
        else { throw WebDriver.Failure.failed("no element matches \(css)") }
        return element
    }

    func click(_ css: String) async throws {
        let element = try await find(css)
        _ = try await call("POST", "element/\(element)/click", [:])
    }

    func clear(_ css: String) async throws {
        let element = try await find(css)
        _ = try await call("POST", "element/\(element)/clear", [:])
    }

    func type(_ text: String, into css: String) async throws {
        let element = try await find(css)
        _ = try await call("POST", "element/\(element)/value", ["text": text])
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page and returns its
    /// JSON result.
    @discardableResult
    func execute(_ script: String, _ args: [Any] = []) async throws -> Any {
        try await call("POST", "execute/sync", ["script": script, "args": args])
    }

    func string(_ script: String, _ args: [Any] = []) async throws -> String? {
        try await execute(script, args) as? String
    }

    func number(_ script: String, _ args: [Any] = []) async throws -> Double? {
        let value = try await execute(script, args)
        if let number = value as? NSNumber { return number.doubleValue }
        if let text = value as? String { return Double(text) }
        return nil
    }

    /// Polls `script` every `interval` seconds until it returns true; fails after `timeout`
    /// seconds with `what` and the last value of `describe` (a script giving the page's state).
    func wait(
        _ what: String, timeout: TimeInterval, interval: TimeInterval = 0.2, until script: String,
        describe: String? = nil
    ) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if (try? await execute(script)) as? Bool == true { return }
            if Date() >= deadline {
                var detail = ""
                if let describe, let value = try? await execute(describe) { detail = " Page state: \(value)." }
                throw WebDriver.Failure.failed("timed out after \(Int(timeout)) s waiting for \(what).\(detail)")
            }
            try await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
    }

    func setWindow(width: Int, height: Int) async throws {
        _ = try await call("POST", "window/rect", ["width": width, "height": height])
    }

    /// The visible window as PNG bytes.
    func screenshot() async throws -> Data {
        guard let base64 = try await call("GET", "screenshot", timeout: 60) as? String,
            let data = Data(base64Encoded: base64)
        else {
            throw WebDriver.Failure.failed("the screenshot was not base64 PNG")
        }
        return data
    }

    /// The whole page as PNG: the window is made as tall as the document first.
    func fullPageScreenshot(width: Int = 1400, maximumHeight: Int = 6000) async throws -> Data {
        let height =
            try await number("window.scrollTo(0, 0); return Math.ceil(document.documentElement.scrollHeight)") ?? 1000
        try await setWindow(width: width, height: min(maximumHeight, Int(height) + 140))
        try await Task.sleep(nanoseconds: 400_000_000)
        return try await screenshot()
    }

    func delete() async {
        _ = try? await call("DELETE", "", nil, timeout: 30)
    }
}
