/// The national SPBE e-government evaluation (PermenPANRB 59/2020), as MODEL.md §2 step 17
/// scores it from the model state.
public enum SPBE {
    /// Domain weights: internal policy 13%, governance 25%, management 16.5%, services 45.5%.
    public static let policyWeight = 0.13
    public static let governanceWeight = 0.25
    public static let managementWeight = 0.165
    public static let servicesWeight = 0.455

    /// The index from the four domain levels, each on the 1–5 capability scale.
    @inlinable
    public static func index(policy: Double, governance: Double, management: Double, services: Double) -> Double {
        policyWeight * policy + governanceWeight * governance + managementWeight * management
            + servicesWeight * services
    }

    /// The index of a government's state (MODEL.md §2 step 17):
    /// policy 1 + 4D; governance 1 + 4·(U + Π̄)/2 (U alone without initiatives);
    /// management m̄; services 0.6·m̄ + 0.4·(1 + 4Q).
    @inlinable
    public static func index(
        design: Double, understanding: Double, meanProgress: Double?, meanMaturity: Double,
        serviceQuality: Double
    ) -> Double {
        let governanceScore = meanProgress.map { (understanding + $0) / 2 } ?? understanding
        return index(
            policy: 1 + 4 * design,
            governance: 1 + 4 * governanceScore,
            management: meanMaturity,
            services: 0.6 * meanMaturity + 0.4 * (1 + 4 * serviceQuality)
        )
    }
}

/// The predicate of an SPBE index: Kurang < 1.8 ≤ Cukup < 2.6 ≤ Baik < 3.5 ≤ Sangat Baik
/// < 4.2 ≤ Memuaskan.
public enum SPBEPredicate: Int, Sendable, CaseIterable, Comparable {
    case kurang = 0, cukup, baik, sangatBaik, memuaskan

    /// Lower bound of each predicate's band on the index scale.
    public var lowerBound: Double {
        switch self {
        case .kurang: return 1.0
        case .cukup: return 1.8
        case .baik: return 2.6
        case .sangatBaik: return 3.5
        case .memuaskan: return 4.2
        }
    }

    /// The predicate of `index`.
    @inlinable
    public init(index: Double) {
        if index >= 4.2 {
            self = .memuaskan
        } else if index >= 3.5 {
            self = .sangatBaik
        } else if index >= 2.6 {
            self = .baik
        } else if index >= 1.8 {
            self = .cukup
        } else {
            self = .kurang
        }
    }

    /// The Indonesian name used in the national evaluation.
    public var name: String {
        switch self {
        case .kurang: return "Kurang"
        case .cukup: return "Cukup"
        case .baik: return "Baik"
        case .sangatBaik: return "Sangat Baik"
        case .memuaskan: return "Memuaskan"
        }
    }

    /// The English gloss used in the source articles.
    public var english: String {
        switch self {
        case .kurang: return "Less"
        case .cukup: return "Enough"
        case .baik: return "Good"
        case .sangatBaik: return "Very good"
        case .memuaskan: return "Satisfying"
        }
    }

    public static func < (lhs: SPBEPredicate, rhs: SPBEPredicate) -> Bool { lhs.rawValue < rhs.rawValue }
}
