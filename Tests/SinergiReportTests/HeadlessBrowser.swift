import Foundation

/// Chromium in headless mode, used to check that report.html really draws in a browser.
enum HeadlessBrowser {
    /// What the browser measured of one `<svg class="chart">`.
    struct ChartMeasure {
        /// Bounding box of everything drawn, in the chart's user units.
        var x: Double, y: Double, width: Double, height: Double
        /// Size of the chart's viewBox.
        var viewWidth: Double, viewHeight: Double
        /// Paths in the chart, and those with a non-empty bounding box.
        var paths: Int, drawnPaths: Int
        /// Mean lines with a non-empty bounding box.
        var drawnMeans: Int
        /// Size on the page, in CSS pixels.
        var pageWidth: Double, pageHeight: Double
    }

    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(String)

        var description: String {
            switch self {
            case .notInstalled:
                return "chromium is not installed (looked for chromium and chromium-browser on PATH); "
                    + "`make test` installs it (apt-get install chromium)"
            case let .failed(message): return message
            }
        }
    }

    /// The Chromium executable on PATH, by its Debian and Ubuntu names.
    static func executable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser"] {
            for directory in path.split(separator: ":") {
                let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    /// Measures in the browser, once the page has loaded, every chart of `page`. A copy of
    /// the page with a small script appended is opened with `--dump-dom`; the script writes
    /// each chart's `getBBox()` and its drawn paths into a `data-measured` attribute, which
    /// is read back from the dumped DOM. Keyed by the charts' `data-chart` names.
    static func measureCharts(page: String, workFolder: URL) throws -> [String: ChartMeasure] {
        guard let chromium = executable() else { throw Failure.notInstalled }
        let script = """
            <script>
            for (const svg of document.querySelectorAll('svg.chart')) {
              const box = svg.getBBox(), view = svg.viewBox.baseVal, rect = svg.getBoundingClientRect();
              let paths = 0, drawn = 0, means = 0;
              for (const path of svg.querySelectorAll('path')) {
                paths++;
                const b = path.getBBox();
                if (b.width > 0 || b.height > 0) { drawn++; if (path.classList.contains('mean')) means++; }
              }
              svg.setAttribute('data-measured', [box.x, box.y, box.width, box.height, view.width, view.height,
                paths, drawn, means, rect.width, rect.height].map(v => Number(v).toFixed(1)).join(' '));
            }
            </script>
            """
        guard let end = page.range(of: "</body>", options: .backwards) else {
            throw Failure.failed("report.html has no </body>")
        }
        let probe = workFolder.appendingPathComponent("probe-\(UUID().uuidString).html")
        let probed = page[..<end.lowerBound] + script + page[end.lowerBound...]
        try probed.write(to: probe, atomically: true, encoding: .utf8)
        let profile = workFolder.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: probe)
            try? FileManager.default.removeItem(at: profile)
        }

        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(profile.path)", "--window-size=1400,1000", "--dump-dom",
            probe.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 180, execute: watchdog)
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationStatus == 0, dom.contains("</html>") else {
            throw Failure.failed(
                "chromium exited with status \(process.terminationStatus) and printed "
                    + "\(dom.utf8.count) bytes of DOM")
        }
        return parse(dom)
    }

    /// The `data-measured` attributes of the dumped DOM's charts.
    static func parse(_ dom: String) -> [String: ChartMeasure] {
        var result: [String: ChartMeasure] = [:]
        var rest = dom[...]
        while let open = rest.range(of: "<svg ") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let tag = rest[open.upperBound..<close]
            rest = rest[close...]
            guard let name = attribute("data-chart", in: tag), let measured = attribute("data-measured", in: tag)
            else { continue }
            let v = measured.split(separator: " ").compactMap { Double($0) }
            guard v.count == 11 else { continue }
            result[name] = ChartMeasure(
                x: v[0], y: v[1], width: v[2], height: v[3], viewWidth: v[4], viewHeight: v[5],
                paths: Int(v[6]), drawnPaths: Int(v[7]), drawnMeans: Int(v[8]),
                pageWidth: v[9], pageHeight: v[10])
        }
        return result
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(tag[start.upperBound..<end])
    }
}
