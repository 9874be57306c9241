/// The body of `POST …/futures`: `{"count": 200}`, 1 … 1000.
struct FuturesRequest: Codable, Sendable, Equatable, RequestExample {
    var count: Int

    static let example = #"{"count": 200}"#
}
