import SinergiModel

/// One arm of a study: a named model input run on the study's replicate seeds. `sinergi run`
/// has one; `sinergi compare` has the baseline and one per package; a sweep has one per
/// design point.
public struct StudyArm: Sendable {
    /// The arm's label in the data files (a comparison's `policy` column).
    public var name: String
    public var input: ModelInput

    public init(name: String, input: ModelInput) {
        self.name = name
        self.input = input
    }
}
