import SinergiClassroom

/// The body of `POST …/players/{token}/stance`: a STANCE plus the month it is for.
struct StanceRequest: Codable, Sendable, Equatable, RequestExample {
    /// The month the stance is for; must be the session's current month.
    var month: Int
    var shareData: Bool?
    var training: Bool?
    var commitBudget: Bool?

    init(month: Int, stance: Stance) {
        self.month = month
        shareData = stance.shareData
        training = stance.training
        commitBudget = stance.commitBudget
    }

    /// The stance without the month.
    var stance: Stance { Stance(shareData: shareData, training: training, commitBudget: commitBudget) }

    static let example = #"{"month": 12, "shareData": true, "training": false, "commitBudget": true}"#
}
