/// A QR code symbol (ISO/IEC 18004:2015) of a short text, for the join link on the
/// lecturer's page: byte mode, error correction level M, versions 1–10 (up to 213 bytes),
/// the data mask chosen by the standard's penalty rules.
///
/// The steps, each with the clause of the standard it follows:
///
/// 1. Data (7.4): mode indicator `0100` (byte), the character count (8 bits in versions
///    1–9, 16 in version 10), the bytes, a terminator of up to four zero bits, zero bits to
///    the byte boundary, then the pad codewords `0xEC 0x11` alternately (7.4.9, 7.4.10).
/// 2. Error correction (7.5): the data codewords split into blocks (Table 9, level M), each
///    block's Reed–Solomon codewords over GF(2^8) with the field polynomial
///    x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and the generator polynomial ∏ (x − α^i),
///    i = 0 … n − 1; the blocks' data codewords interleaved, then their error-correction
///    codewords (7.6).
/// 3. Function patterns (6.3): three finder patterns with separators, the timing patterns
///    in row and column 6, the alignment patterns (Annex E), the dark module at
///    (row 4V + 9, column 8), and reserved areas for the format and version information.
/// 4. Placement (7.7.3): the codewords' bits, most significant first, in two-module columns
///    from the bottom right, upwards and downwards in turn, skipping column 6 and every
///    function module; modules left over (remainder bits) stay light.
/// 5. Masking (7.8): each of the eight data masks is applied to the modules outside the
///    function patterns and scored by the four penalty rules of 7.8.3.1 (Table 11):
///    N1 = 3 plus one per module for a run of five or more modules of one colour in a row
///    or column; N2 = 3 per 2 × 2 block of one colour; N3 = 40 per 1:1:3:1:1 dark–light
///    pattern in a row or column with four light modules before or after it (outside the
///    symbol counts as light); N4 = 10 per full 5 % that the dark share lies away from
///    50 %. The format and version areas are light while the masks are scored (the
///    information is placed after the choice, 7.8), and the lowest score wins, the lower
///    mask number on a tie.
/// 6. Format information (7.9): level M (`00`) and the mask number, with its BCH(15, 5)
///    code (generator 0x537), XOR 0x5412, twice. Version information (7.10, versions 7 and
///    up): the version with its BCH(18, 6) code (generator 0x1F25), twice.
///
/// `Tests/SinergiServeTests/QRCodeTests.swift` compares every module with segno, an
/// independent encoder.
struct QRCode: Sendable, Equatable {
    /// The version, 1 … 10.
    let version: Int
    /// The data mask, 0 … 7.
    let mask: Int
    /// Modules per side: 4 · version + 17.
    var size: Int { version * 4 + 17 }
    /// Row by row, true for a dark module; `size` rows of `size` modules, no quiet zone.
    let modules: [[Bool]]

    static let versions = 1...10

    /// Why a text has no QR code here.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// Longer than version 10 at level M holds in byte mode (213 bytes).
        case tooLong(bytes: Int)
        /// The asked version or mask does not exist or cannot hold the text.
        case unsuitable(String)

        var description: String {
            switch self {
            case .tooLong(let bytes):
                "a QR code here holds at most \(QRCode.maximumBytes) bytes (version 10, level M), got \(bytes)"
            case .unsuitable(let message): message
            }
        }
    }

    /// The most bytes a symbol here holds: version 10 at level M.
    static var maximumBytes: Int { (dataCodewords(version: 10) * 8 - 4 - 16) / 8 }

    /// The symbol of `text`'s UTF-8 bytes: the smallest version that holds them, and the
    /// mask of least penalty unless `mask` is given; `version` forces a larger version.
    init(_ text: String, version requested: Int? = nil, mask requestedMask: Int? = nil) throws(Failure) {
        try self.init(bytes: Array(text.utf8), version: requested, mask: requestedMask)
    }

    init(bytes: [UInt8], version requested: Int? = nil, mask requestedMask: Int? = nil) throws(Failure) {
        guard let smallest = Self.versions.first(where: { Self.fits(bytes.count, version: $0) }) else {
            throw .tooLong(bytes: bytes.count)
        }
        let version = requested ?? smallest
        guard Self.versions.contains(version) else {
            throw .unsuitable("QR version must be in 1…10, got \(version)")
        }
        guard version >= smallest else {
            throw .unsuitable("\(bytes.count) bytes need QR version \(smallest) or more, got \(version)")
        }
        if let requestedMask, !(0...7).contains(requestedMask) {
            throw .unsuitable("QR mask must be in 0…7, got \(requestedMask)")
        }
        let codewords = Self.codewords(bytes, version: version)
        var grid = Grid(version: version)
        grid.place(codewords)
        let mask =
            requestedMask
            ?? (0..<8).min { a, b in
                (grid.masked(a).penalty(), a) < (grid.masked(b).penalty(), b)
            }!
        var final = grid.masked(mask)
        final.drawFormat(mask: mask)
        final.drawVersion()
        self.version = version
        self.mask = mask
        self.modules = final.dark
    }

    // MARK: Capacity (Table 7 and Table 9, level M)

    /// Error-correction codewords per block at level M, versions 1 … 10.
    private static let eccPerBlock = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    /// Error-correction blocks at level M, versions 1 … 10.
    private static let blockCount = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    /// Codewords of a symbol: its modules outside the function patterns, in bytes (the
    /// remaining 0 to 7 modules are remainder bits).
    static func totalCodewords(version v: Int) -> Int {
        var modules = (16 * v + 128) * v + 64
        if v >= 2 {
            let alignments = v / 7 + 2
            modules -= (25 * alignments - 10) * alignments - 55
            if v >= 7 { modules -= 36 }
        }
        return modules / 8
    }

    static func dataCodewords(version v: Int) -> Int {
        totalCodewords(version: v) - eccPerBlock[v - 1] * blockCount[v - 1]
    }

    static func countBits(version v: Int) -> Int { v <= 9 ? 8 : 16 }

    static func fits(_ byteCount: Int, version v: Int) -> Bool {
        byteCount < 1 << countBits(version: v)
            && 4 + countBits(version: v) + 8 * byteCount <= dataCodewords(version: v) * 8
    }

    // MARK: Codewords (7.4 – 7.6)

    /// The final codeword sequence of `bytes` in `version`: data then error correction,
    /// interleaved by block.
    static func codewords(_ bytes: [UInt8], version v: Int) -> [UInt8] {
        let capacity = dataCodewords(version: v)
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: countBits(version: v))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacity * 8 - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        var pad: UInt8 = 0xEC
        while data.count < capacity {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }

        let blocks = blockCount[v - 1], ecc = eccPerBlock[v - 1]
        let shortLength = capacity / blocks
        let longBlocks = capacity % blocks  // the last ones are one codeword longer
        let divisor = ReedSolomon.generator(degree: ecc)
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for b in 0..<blocks {
            let length = shortLength + (b >= blocks - longBlocks ? 1 : 0)
            dataBlocks.append(Array(data[start..<start + length]))
            start += length
        }
        let eccBlocks = dataBlocks.map { ReedSolomon.remainder($0, divisor: divisor) }
        var result: [UInt8] = []
        for i in 0...shortLength {
            for block in dataBlocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<ecc {
            for block in eccBlocks { result.append(block[i]) }
        }
        return result
    }
}

/// Bits appended most significant first.
private struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
    }

    /// Whole bytes (the count is a multiple of 8 when asked).
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}

/// Reed–Solomon error correction over GF(2^8) with the polynomial 0x11D (7.5.2).
enum ReedSolomon {
    /// x · y in GF(2^8) (Russian-peasant multiplication reduced by 0x11D).
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var product = 0
        for i in stride(from: 7, through: 0, by: -1) {
            product = (product << 1) ^ ((product >> 7) * 0x11D)
            product ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(product)
    }

    /// The coefficients of ∏_{i<degree} (x − α^i), highest power first without the leading 1.
    static func generator(degree: Int) -> [UInt8] {
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                coefficients[j] = multiply(coefficients[j], root)
                if j + 1 < degree { coefficients[j] ^= coefficients[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return coefficients
    }

    /// The remainder of data(x) · x^n divided by the generator: the error-correction codewords.
    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}

/// The module grid while a symbol is built: which modules are dark and which belong to a
/// function pattern (or a reserved format or version area).
private struct Grid {
    let version: Int
    let size: Int
    var dark: [[Bool]]
    var function: [[Bool]]

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        dark = Array(repeating: Array(repeating: false, count: size), count: size)
        function = dark
        drawFunctionPatterns()
    }

    private mutating func set(row: Int, column: Int, _ isDark: Bool) {
        dark[row][column] = isDark
        function[row][column] = true
    }

    /// Finder patterns and separators, timing, alignment, dark module, reserved areas (6.3).
    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            set(row: 6, column: i, i % 2 == 0)
            set(row: i, column: 6, i % 2 == 0)
        }
        for (row, column) in [(3, 3), (3, size - 4), (size - 4, 3)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let r = row + dy, c = column + dx
                    guard (0..<size).contains(r), (0..<size).contains(c) else { continue }
                    let distance = max(abs(dx), abs(dy))
                    set(row: r, column: c, distance != 2 && distance != 4)
                }
            }
        }
        let centres = Self.alignmentCentres(version: version)
        for r in centres {
            for c in centres {
                let nearFinder =
                    (r == centres.first && c == centres.first) || (r == centres.first && c == centres.last)
                    || (r == centres.last && c == centres.first)
                if nearFinder { continue }
                for dy in -2...2 {
                    for dx in -2...2 { set(row: r + dy, column: c + dx, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        // Format areas (light until the mask is chosen) and the dark module (drawn with them).
        for i in 0...8 {
            set(row: 8, column: i, false)
            set(row: i, column: 8, false)
        }
        for i in 0..<8 {
            set(row: 8, column: size - 1 - i, false)
            set(row: size - 1 - i, column: 8, false)
        }
        if version >= 7 {
            for i in 0..<18 {
                set(row: size - 11 + i % 3, column: i / 3, false)
                set(row: i / 3, column: size - 11 + i % 3, false)
            }
        }
        // The timing pattern crosses the reserved areas at row and column 6: keep it.
        for i in 8..<size - 8 {
            dark[6][i] = i % 2 == 0
            dark[i][6] = i % 2 == 0
        }
    }

    /// The centres of the alignment patterns along one axis (Annex E, Table E.1).
    static func alignmentCentres(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let size = version * 4 + 17
        let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = [6]
        var position = size - 7
        while result.count < count {
            result.insert(position, at: 1)
            position -= step
        }
        return result
    }

    /// The codewords' bits in the zigzag of 7.7.3.
    mutating func place(_ codewords: [UInt8]) {
        var bit = 0
        let total = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for column in [right, right - 1] where !function[row][column] && bit < total {
                    dark[row][column] = (codewords[bit >> 3] >> (7 - UInt8(bit & 7))) & 1 == 1
                    bit += 1
                }
            }
            right -= 2
        }
    }

    /// Mask `k` applied to every module outside the function patterns (7.8.2, Table 10;
    /// i the row, j the column).
    func masked(_ k: Int) -> Grid {
        var result = self
        for i in 0..<size {
            for j in 0..<size where !function[i][j] {
                let flip: Bool
                switch k {
                case 0: flip = (i + j) % 2 == 0
                case 1: flip = i % 2 == 0
                case 2: flip = j % 3 == 0
                case 3: flip = (i + j) % 3 == 0
                case 4: flip = (i / 2 + j / 3) % 2 == 0
                case 5: flip = (i * j) % 2 + (i * j) % 3 == 0
                case 6: flip = ((i * j) % 2 + (i * j) % 3) % 2 == 0
                default: flip = ((i + j) % 2 + (i * j) % 3) % 2 == 0
                }
                if flip { result.dark[i][j].toggle() }
            }
        }
        return result
    }

    /// The penalty of 7.8.3.1 (Table 11): N1 + N2 + N3 + N4.
    func penalty() -> Int {
        var score = 0
        var darkCount = 0
        for i in 0..<size {
            let row = dark[i]
            let column = (0..<size).map { dark[$0][i] }
            score += Self.runPenalty(row) + Self.runPenalty(column)
            score += Self.finderLikePenalty(row) + Self.finderLikePenalty(column)
            darkCount += row.count(where: { $0 })
            if i > 0 {
                for j in 1..<size {
                    let colour = row[j]
                    if row[j - 1] == colour && dark[i - 1][j] == colour && dark[i - 1][j - 1] == colour { score += 3 }
                }
            }
        }
        // N4: 10 per full 5 % away from 50 % (floating point as the standard's percentages).
        let percent = Double(darkCount) / Double(size * size)
        score += 10 * Int(abs(percent * 100 - 50) / 5)
        return score
    }

    /// N1: 3 + (length − 5) for each run of five or more modules of one colour.
    static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var run = 1
        for j in 1...line.count {
            if j < line.count && line[j] == line[j - 1] {
                run += 1
            } else {
                if run >= 5 { score += run - 2 }
                run = 1
            }
        }
        return score
    }

    /// N3: 40 for each dark–light–dark–dark–dark–light–dark pattern with four light modules
    /// (or the symbol's edge) before or after it. The line is read left to right; after a
    /// pattern that counts the search goes on behind it, otherwise four modules on (the
    /// next place a pattern could start).
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let pattern = [true, false, true, true, true, false, true]
        let n = line.count
        var score = 0
        var start = 0
        while start + 7 <= n {
            guard (0..<7).allSatisfy({ line[start + $0] == pattern[$0] }) else {
                start += 1
                continue
            }
            let lightBefore = line[max(start - 4, 0)..<start].allSatisfy { !$0 }
            let lightAfter = line[(start + 7)..<min(start + 11, n)].allSatisfy { !$0 }
            if lightBefore || lightAfter {
                score += 40
                start += 7
            } else {
                start += 4
            }
        }
        return score
    }

    /// The format information of level M and `mask` (7.9): bits 0 … 14, least significant
    /// first, around the top-left finder and split between the other two.
    mutating func drawFormat(mask: Int) {
        let data = 0b00 << 3 | mask  // level M is 00
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        // Around the top-left finder: column 8 from row 0 down, then row 8 leftwards.
        for i in 0...5 { dark[i][8] = bit(i) }
        dark[7][8] = bit(6)
        dark[8][8] = bit(7)
        dark[8][7] = bit(8)
        for i in 9..<15 { dark[8][14 - i] = bit(i) }
        // Below the top-right finder and beside the bottom-left one.
        for i in 0..<8 { dark[8][size - 1 - i] = bit(i) }
        for i in 8..<15 { dark[size - 15 + i][8] = bit(i) }
        dark[size - 8][8] = true  // the dark module
    }

    /// The version information (7.10), versions 7 and up: 18 bits in two 6 × 3 blocks.
    mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for i in 0..<18 {
            let isDark = (bits >> i) & 1 == 1
            let a = size - 11 + i % 3, b = i / 3
            dark[b][a] = isDark
            dark[a][b] = isDark
        }
    }
}
