/// What one played agency did in one past month: the majority of its players' stances and
/// how many players had chosen one.
public struct Choice: Sendable, Equatable {
    public var month: Int
    public var government: Int
    public var agency: Int
    public var stance: Stance
    public var players: Int
}
