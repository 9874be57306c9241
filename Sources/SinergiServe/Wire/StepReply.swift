/// The reply to `POST …/step`: the new frames and the state without frames.
struct StepReply: Codable, Sendable, Equatable {
    var frames: [FrameJSON]
    var state: SessionState
}
