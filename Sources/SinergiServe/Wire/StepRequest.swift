/// The body of `POST …/step`: `{"months": 1}`, 1 … 12.
struct StepRequest: Codable, Sendable, Equatable, RequestExample {
    var months: Int

    static let example = #"{"months": 1}"#
}
