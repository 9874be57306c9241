/// Shard I of N of a sweep (`--shard I/N`, 1 ≤ I ≤ N): the points p with p mod N = I − 1.
///
/// Round-robin rather than blocks, so that shards get a fair mix of cheap and costly corners
/// of the design. The slice depends only on I, N and the point count, so a resubmitted
/// shard runs exactly the same points.
public struct ShardSpec: Codable, Sendable, Equatable, CustomStringConvertible {
    /// 1-based shard number.
    public var index: Int
    public var count: Int

    /// The whole sweep as one shard.
    public static let whole = ShardSpec(uncheckedIndex: 1, count: 1)

    init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `I/N`; the message says what is wrong in a form fit for a usage error.
    public init(parsing text: String) throws(ShardSpecError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardSpecError(message: "--shard: '\(text)' is not I/N (e.g. 3/8: the third of eight shards)")
        }
        guard count >= 1 else {
            throw ShardSpecError(message: "--shard: the shard count must be at least 1, not \(count)")
        }
        guard (1...count).contains(index) else {
            throw ShardSpecError(message: "--shard: shard \(index) of \(count) does not exist; I must be 1 … \(count)")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    /// Whether point `point` belongs to this shard.
    public func contains(_ point: Int) -> Bool { point % count == index - 1 }

    /// The points of this shard among `0 ..< points`, ascending.
    public func points(of points: Int) -> [Int] {
        Array(stride(from: index - 1, to: points, by: count))
    }

    public var description: String { "\(index)/\(count)" }
}

/// A malformed `--shard`.
public struct ShardSpecError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
