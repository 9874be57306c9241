/// The sample points of a Sobol' analysis by Saltelli's scheme (Saltelli 2002; Saltelli et
/// al. 2010), in the unit cube [0, 1)^k: the caller maps each coordinate onto its factor's
/// range or distribution.
///
/// N base rows are the first N points of the 2k-dimensional Sobol' sequence, origin
/// included (GSL's sequence with the origin put back in front); each is split into a row
/// A_j (its first k coordinates) and a row B_j (its last k). The sample holds, for each
/// base row j in turn, A_j, then the k mixed rows AB_j^(i) (A_j with coordinate i taken
/// from B_j), then with second order the k rows BA_j^(i) (B_j with coordinate i from A_j),
/// then B_j: N(k + 2) rows, or N(2k + 2). This is SALib's row order (`SALib.sample.sobol`,
/// SALib ≥ 1.4), and its unscrambled sequence with the default `skip_values = 0` starts at
/// the origin too, so SALib's `sobol.analyze` reads outputs in this order unchanged.
///
/// A power of two N keeps the base rows a (t, m, 2k)-net, evenly spread in every
/// elementary box, and every prefix N/2, N/4, … too (the convergence steps).
public struct SobolSample: Sendable, Equatable {
    /// The number of factors k.
    public let factorCount: Int
    /// The number of base rows N, a power of two.
    public let baseRows: Int
    /// Whether the sample also holds the rows BA^(i) that second-order indices need.
    public let secondOrder: Bool
    /// Row-major coordinates in [0, 1), `rowCount · factorCount` of them.
    public let coordinates: ContiguousArray<Double>

    /// The most factors: 2k dimensions of GSL's Sobol' sequence.
    public static let maximumFactors = QuasiRandomSequence.maximumDimensions / 2

    /// What a row of the sample is.
    public enum Role: Sendable, Hashable {
        /// A_j: the first k coordinates of base row j.
        case a
        /// B_j: the last k coordinates of base row j.
        case b
        /// AB_j^(i): A_j with coordinate `i` from B_j.
        case ab(Int)
        /// BA_j^(i): B_j with coordinate `i` from A_j (second order only).
        case ba(Int)
    }

    /// Saltelli's sample of `baseRows` base rows (N, a power of two ≥ 2) for `factorCount`
    /// factors (2 to 20).
    public init(factorCount: Int, baseRows: Int, secondOrder: Bool = false) throws(SensitivityError) {
        guard factorCount >= 2 else { throw .tooFewFactors(factorCount) }
        guard factorCount <= Self.maximumFactors else {
            throw .tooManyFactors(factorCount, maximum: Self.maximumFactors)
        }
        guard baseRows >= 2, baseRows & (baseRows - 1) == 0 else { throw .samplesNotPowerOfTwo(baseRows) }
        let k = factorCount
        let sequence: QuasiRandomSequence
        do { sequence = try QuasiRandomSequence(dimensions: 2 * k) } catch {
            throw .tooManyFactors(factorCount, maximum: Self.maximumFactors)
        }
        let step = secondOrder ? 2 * k + 2 : k + 2
        var coordinates = ContiguousArray<Double>(repeating: 0, count: baseRows * step * k)
        for j in 0..<baseRows {
            // Base row 0 is the origin, which GSL's sequence leaves out.
            let base = j == 0 ? [Double](repeating: 0, count: 2 * k) : sequence.next()
            let first = j * step
            for i in 0..<k {
                coordinates[first * k + i] = base[i]
                coordinates[(first + step - 1) * k + i] = base[k + i]
            }
            for mixed in 0..<k {
                let abRow = (first + 1 + mixed) * k
                for i in 0..<k { coordinates[abRow + i] = i == mixed ? base[k + i] : base[i] }
                if secondOrder {
                    let baRow = (first + 1 + k + mixed) * k
                    for i in 0..<k { coordinates[baRow + i] = i == mixed ? base[i] : base[k + i] }
                }
            }
        }
        self.factorCount = factorCount
        self.baseRows = baseRows
        self.secondOrder = secondOrder
        self.coordinates = coordinates
    }

    /// Rows per base row: k + 2, or 2k + 2 with second order.
    public var rowsPerBaseRow: Int { secondOrder ? 2 * factorCount + 2 : factorCount + 2 }

    /// The number of rows, one model evaluation (of R replicates) each.
    public var rowCount: Int { baseRows * rowsPerBaseRow }

    /// The coordinates of row `row`, k values in [0, 1).
    public func point(_ row: Int) -> [Double] {
        Array(coordinates[(row * factorCount)..<((row + 1) * factorCount)])
    }

    /// The row that holds `role` for base row `baseRow`.
    public func row(_ role: Role, baseRow: Int) -> Int {
        baseRow * rowsPerBaseRow + offset(of: role)
    }

    /// What row `row` is, and its base row.
    public func role(ofRow row: Int) -> (role: Role, baseRow: Int) {
        let k = factorCount
        let offset = row % rowsPerBaseRow
        let role: Role
        switch offset {
        case 0: role = .a
        case rowsPerBaseRow - 1: role = .b
        case 1...k: role = .ab(offset - 1)
        default: role = .ba(offset - 1 - k)
        }
        return (role, row / rowsPerBaseRow)
    }

    /// The position of `role` inside a base row's block.
    func offset(of role: Role) -> Int {
        switch role {
        case .a: return 0
        case .b: return rowsPerBaseRow - 1
        case .ab(let i): return 1 + i
        case .ba(let i): return 1 + factorCount + i
        }
    }
}
