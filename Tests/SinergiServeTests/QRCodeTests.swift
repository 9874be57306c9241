import Foundation
import Testing

@testable import SinergiServe

/// The QR encoder of the join link against segno, an independent pure-Python encoder
/// (Tests/QR/segno_matrix.py): the same text, version, level M and mask must give the same
/// modules, bit for bit, and the automatic choice of version and mask must be segno's.
///
/// The Python interpreter is $SINERGI_PYTHON, or .venv-notebooks/bin/python in the package
/// root; `make test` (or `make notebooks`) installs segno there from Notebooks/requirements.txt.
@Suite("QR code")
struct QRCodeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Case: Codable {
        let text: String
        let version: Int?
        let mask: Int?
    }

    struct Symbol: Codable {
        let version: Int
        let mask: Int
        let rows: [String]
    }

    /// Join links of several lengths, one for each version 1 to 10.
    static let links: [String] = [
        "http://a.b/j",
        "http://10.0.0.5:8080/join",
        "http://192.168.1.20:8080/join?code=K7QX",
        "http://192.168.1.20:8080/join?code=K7QX2MP4HC",
        "http://[2001:db8:1234:5678:9abc:def0:1234:5678]:8080/join?code=K7QX2MP4HC",
        "http://classroom-projector.faculty-of-administration.example.ac.id:8080/join?code=K7QX2MP4HC",
        "http://" + String(repeating: "a", count: 80) + ".example/join?code=K7QX2MP4HC",
        "http://" + String(repeating: "sinergi.", count: 12) + "example:8080/join?code=K7QX2MP4HC",
        "http://" + String(repeating: "b", count: 130) + ".example/join?code=K7QX2MP4HC",
        "http://" + String(repeating: "c", count: 170) + ".example/join?code=K7QX2MP4HC",
    ]

    /// segno's symbols for `cases`; records an issue naming how to install segno when there
    /// is no Python with it.
    static func segno(_ cases: [Case]) throws -> [Symbol]? {
        let environment = ProcessInfo.processInfo.environment
        let python =
            environment["SINERGI_PYTHON"] ?? packageRoot.appending(path: ".venv-notebooks/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record(
                "no Python with segno at \(python): `make test` installs it (it builds .venv-notebooks from Notebooks/requirements.txt), or set SINERGI_PYTHON"
            )
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [packageRoot.appending(path: "Tests/QR/segno_matrix.py").path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(cases))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("Tests/QR/segno_matrix.py failed (`make test` installs segno): \(message)")
            return nil
        }
        return try JSONDecoder().decode([Symbol].self, from: data)
    }

    static func rows(_ code: QRCode) -> [String] {
        code.modules.map { String($0.map { $0 ? "1" : "0" }) }
    }

    @Test("the links span versions 1 to 10")
    func linksSpanTheVersions() throws {
        let versions = try Self.links.map { try QRCode($0).version }
        #expect(versions == Array(1...10))
    }

    @Test("every version and mask gives segno's modules bit for bit")
    func modulesMatchSegno() throws {
        var cases: [Case] = []
        for text in Self.links {
            let smallest = try QRCode(text).version
            for version in Set([smallest, min(smallest + 1, 10)]).sorted() {
                for mask in 0..<8 { cases.append(Case(text: text, version: version, mask: mask)) }
            }
        }
        guard let symbols = try Self.segno(cases) else { return }
        try #require(symbols.count == cases.count)
        var mismatches: [String] = []
        for (c, symbol) in zip(cases, symbols) {
            let code = try QRCode(c.text, version: c.version, mask: c.mask)
            #expect(symbol.version == c.version && symbol.mask == c.mask)
            let rows = Self.rows(code)
            if rows != symbol.rows {
                let row = rows.indices.first { rows[$0] != symbol.rows[$0] } ?? 0
                mismatches.append(
                    "version \(c.version!) mask \(c.mask!) of \(c.text.prefix(40)): first in row \(row)\n"
                        + "ours  \(rows[row])\nsegno \(symbol.rows[row])")
            }
        }
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) of \(cases.count) symbols differ from segno's:\n\(mismatches.prefix(3).joined(separator: "\n"))"
        )
        #expect(Set(cases.map(\.version)) == Set(1...10))
    }

    @Test("the automatic version and mask are segno's")
    func automaticChoiceMatchesSegno() throws {
        let texts =
            Self.links + (0..<24).map { "http://192.168.\($0).\(7 * $0 + 3):\(8000 + 37 * $0)/join?code=\($0)ABC" }
        guard let symbols = try Self.segno(texts.map { Case(text: $0, version: nil, mask: nil) }) else { return }
        try #require(symbols.count == texts.count)
        for (text, symbol) in zip(texts, symbols) {
            let code = try QRCode(text)
            #expect(code.version == symbol.version, "\(text)")
            #expect(code.mask == symbol.mask, "\(text)")
            #expect(Self.rows(code) == symbol.rows, "\(text)")
        }
        // Not one mask for all: the penalty decides.
        #expect(Set(symbols.map(\.mask)).count > 1)
    }

    /// 7.4: mode 0100, count, data, terminator 0000, then straight to the pad codewords
    /// 0xEC 0x11 when the stream ends on a byte boundary (as byte mode's always does).
    @Test func dataCodewordsFollowTheStandard() {
        let text = Array("http://a.b/j".utf8)
        var bits = [0, 1, 0, 0] + (0..<8).map { (text.count >> (7 - $0)) & 1 }
        for byte in text { bits += (0..<8).map { (Int(byte) >> (7 - $0)) & 1 } }
        bits += [0, 0, 0, 0]
        let expected =
            stride(from: 0, to: bits.count, by: 8).map { i in UInt8(bits[i..<i + 8].reduce(0) { $0 << 1 | $1 }) }
            + [0xEC, 0x11]
        let codewords = QRCode.codewords(text, version: 1)
        #expect(codewords.count == 26)  // version 1: 26 codewords, 16 of them data at level M
        #expect(Array(codewords.prefix(16)) == expected)
    }

    @Test func tooLongOrUnsuitableIsRefused() {
        let long = String(repeating: "x", count: QRCode.maximumBytes + 1)
        #expect(throws: QRCode.Failure.tooLong(bytes: QRCode.maximumBytes + 1)) { try QRCode(long) }
        #expect(throws: QRCode.Failure.self) { try QRCode("http://a.b/j", version: 11) }
        #expect(throws: QRCode.Failure.self) { try QRCode("http://a.b/j", mask: 8) }
        #expect(throws: QRCode.Failure.self) { try QRCode(String(repeating: "y", count: 40), version: 1) }
        #expect((try? QRCode(String(repeating: "z", count: QRCode.maximumBytes))) != nil)
    }

    @Test func svgDrawsEveryDarkModuleOnceInsideTheQuietZone() throws {
        let code = try QRCode("http://192.168.1.20:8080/join?code=K7QX2MP4HC")
        let svg = code.svg(title: "join <here> & now")
        let side = code.size + 8
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
        #expect(svg.contains("<title>join &lt;here&gt; &amp; now</title>"))
        // Sum the widths of the drawn runs: every dark module, nothing else.
        let widths = svg.matches(of: /h(\d+)v1/).map { Int($0.1)! }
        #expect(widths.reduce(0, +) == code.modules.joined().filter { $0 }.count)
        let starts = svg.matches(of: /M(\d+) (\d+)h/).map { (Int($0.1)!, Int($0.2)!) }
        #expect(starts.allSatisfy { $0.0 >= 4 && $0.1 >= 4 && $0.0 < code.size + 4 && $0.1 < code.size + 4 })
    }
}
