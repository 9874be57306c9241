/// Receives a study's completed replicates batch by batch and keeps what it needs of them:
/// streamed statistics, rows of a data file, the points of a store.
///
/// The study core calls ``consume(_:)`` once per batch that holds at least one replicate,
/// in replicate order and never concurrently; every arm's records are already cut to the
/// prefix every arm completed. Under a precision target the core asks the sink, after each
/// batch, for the half-width it checks the target against.
public protocol StudySink: AnyObject {
    /// Takes one batch of completed replicates.
    func consume(_ batch: StudyBatch) throws(RunError)

    /// What ``largestHalfWidth(_:)`` measures, in the words of the stop reason.
    var precisionMeasure: PrecisionMeasure { get }

    /// The largest 95% CI half-width of `target`'s metric over its scope in what the sink
    /// has consumed so far; nil while any of them is undefined (fewer than two replicates).
    func largestHalfWidth(_ target: PrecisionTarget) -> Double?
}
