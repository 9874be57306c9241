/// A request body type with an example of an accepted body, which error replies show as
/// `expected`.
protocol RequestExample {
    /// A body that would be accepted, as JSON text.
    static var example: String { get }
}
