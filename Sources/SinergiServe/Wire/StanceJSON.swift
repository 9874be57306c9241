import SinergiClassroom

/// STANCE of docs/classroom-api.md: a ``Stance`` as JSON, each item left out when unset.
struct StanceJSON: Codable, Sendable, Equatable {
    var shareData: Bool?
    var training: Bool?
    var commitBudget: Bool?

    init(_ stance: Stance) {
        shareData = stance.shareData
        training = stance.training
        commitBudget = stance.commitBudget
    }

    var stance: Stance { Stance(shareData: shareData, training: training, commitBudget: commitBudget) }
}
