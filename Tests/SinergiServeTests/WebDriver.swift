import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
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
    static func request(_ method: String, _ url: URL, _ body: [String: Any]? = nil,
                        timeout: TimeInterval = 60) async throws -> Any {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) as? [String: Any]
        let value = json?["value"] ?? NSNull()
        if status >= 400 || (value as? [String: Any])?["error"] != nil {
            let error = (value as? [String: Any]) ?? [:]
            let text = "\(error["error"] ?? "HTTP \(status)"): \(error["message"] ?? String(decoding: data.prefix(400), as: UTF8.self))"
            throw Failure.failed("WebDriver \(method) \(url.path) failed: \(text.prefix(600))")
        }
        return value
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
            if let status = try? await WebDriver.request("GET", running.base.appendingPathComponent("status"), timeout: 2)
                as? [String: Any], status["ready"] as? Bool == true {
                return running
            }
            guard process.isRunning else {
                throw WebDriver.Failure.failed("chromedriver exited with status \(process.terminationStatus) before it was ready")
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
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--no-first-run", "--hide-scrollbars", "--window-size=\(width),\(height)"],
            ] as [String: Any],
        ]
        let value = try await WebDriver.request("POST", base.appendingPathComponent("session"),
                                                ["capabilities": ["alwaysMatch": capabilities]], timeout: 90)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw WebDriver.Failure.failed("chromedriver answered a new session without a sessionId: \(value)")
        }
        return BrowserSession(url: base.appendingPathComponent("session").appendingPathComponent(id))
    }

    /// Ends chromedriver (and with it any browser it still runs).
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

/// One browser window driven through WebDriver.
struct BrowserSession: Sendable {
    let url: URL

    private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil, timeout: TimeInterval = 60)
        async throws -> Any
    {
        try await WebDriver.request(method, path.isEmpty ? url : url.appendingPathComponent(path), body, timeout: timeout)
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
    func wait(_ what: String, timeout: TimeInterval, interval: TimeInterval = 0.2, until script: String,
              describe: String? = nil) async throws {
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
              let data = Data(base64Encoded: base64) else {
            throw WebDriver.Failure.failed("the screenshot was not base64 PNG")
        }
        return data
    }

    /// The whole page as PNG: the window is made as tall as the document first.
    func fullPageScreenshot(width: Int = 1400, maximumHeight: Int = 6000) async throws -> Data {
        let height = try await number("return Math.ceil(document.documentElement.scrollHeight)") ?? 1000
        try await setWindow(width: width, height: min(maximumHeight, Int(height) + 140))
        try await Task.sleep(nanoseconds: 400_000_000)
        return try await screenshot()
    }

    func delete() async {
        _ = try? await call("DELETE", "", nil, timeout: 30)
    }
}
