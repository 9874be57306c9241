/// What a study's precision target is checked against, in the words of the stop reason.
public enum PrecisionMeasure: String, Sendable, CaseIterable {
    /// The 95% CI half-width of an outcome's mean (``Study``).
    case halfWidth = "95% CI half-width"
    /// The 95% CI half-width of a paired difference of means (``ComparisonStudy``).
    case pairedHalfWidth = "paired 95% CI half-width"
}
