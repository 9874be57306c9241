/// What a player chooses for one month (docs/model.md §8, stances). Each item may be left
/// unset: no opinion, the model decides.
public struct Stance: Sendable, Hashable {
    /// true: share data (the prosocial effort rule this month); false: guard it (the
    /// selfish rule).
    public var shareData: Bool?
    /// true: send staff to training this month (a training intervention on the agency).
    public var training: Bool?
    /// true: commit the budget this month (a budget ring-fence on the agency).
    public var commitBudget: Bool?

    public init(shareData: Bool? = nil, training: Bool? = nil, commitBudget: Bool? = nil) {
        self.shareData = shareData
        self.training = training
        self.commitBudget = commitBudget
    }

    /// Whether any item is set.
    public var isEmpty: Bool { shareData == nil && training == nil && commitBudget == nil }

    /// Item by item, the majority of `stances`; a tie, or nobody choosing the item, leaves it nil.
    public static func majority(_ stances: [Stance]) -> Stance {
        func vote(_ item: KeyPath<Stance, Bool?>) -> Bool? {
            var yes = 0, no = 0
            for stance in stances {
                switch stance[keyPath: item] {
                case true?: yes += 1
                case false?: no += 1
                case nil: break
                }
            }
            return yes > no ? true : no > yes ? false : nil
        }
        return Stance(shareData: vote(\.shareData), training: vote(\.training), commitBudget: vote(\.commitBudget))
    }
}
