/// `GET /api/sessions/{id}/join`: where students join the session, best address first.
struct JoinLinks: Codable, Sendable, Equatable {
    /// The join code (the session id).
    var code: String
    /// ``JoinAddresses/Reach``: `everyNetwork`, `oneAddress`, `thisMachineOnly` or `noNetwork`.
    var reach: String
    /// `http://HOST:PORT/join?code=CODE`, one per address; the page shows the QR code of each.
    var urls: [String]
    /// What to do so that students on other machines can join; null when they can.
    var advice: String?

    init(code: String, addresses: JoinAddresses, port: Int) {
        self.code = code
        reach = addresses.reach.rawValue
        urls = addresses.urls(port: port, code: code)
        advice = addresses.advice
    }
}
