import Foundation

/// Checks that shard folders make up one whole sweep, and says what is wrong when not.
///
/// Every folder must hold a complete store (its shard's every point committed) of the same
/// sweep (scenario, factors, design, replicates and seed) with the same shard count; each
/// point of the design must be in exactly one store.
public struct SweepMerge: Sendable {
    /// The stores, by point: `stores[owner[p]]` holds point p.
    public let stores: [SweepStore]
    public let identity: SweepIdentity
    private let owner: [Int]

    /// Opens the stores of `folders` and checks them.
    ///
    /// - Throws: ``SweepMergeError`` naming the folder and the problem: not a shard, an
    ///   incomplete store, a different sweep, mixed shard counts, and the points that are
    ///   missing or in more than one store, by number.
    public init(folders: [URL]) throws(SweepMergeError) {
        guard !folders.isEmpty else { throw SweepMergeError("merge: no shard folders given") }
        var stores: [SweepStore] = []
        for folder in folders {
            let url = folder.appendingPathComponent(SweepStore.fileName)
            let store: SweepStore
            do { store = try SweepStore.open(url) } catch {
                throw SweepMergeError("merge: \(folder.path) holds no sweep store (\(error))")
            }
            let complete: Bool
            do { complete = try store.isComplete() } catch { throw SweepMergeError("merge: \(error)") }
            guard complete else {
                throw SweepMergeError(
                    "merge: the store in \(folder.path) (shard \(store.identity.shard)) is incomplete; "
                        + "rerun that shard (resubmit.sh, or sinergi sweep … --resume \(folder.path))")
            }
            stores.append(store)
        }
        let first = stores[0].identity
        for store in stores.dropFirst() {
            if let difference = first.difference(from: store.identity) {
                throw SweepMergeError(
                    "merge: \(store.url.deletingLastPathComponent().path) is part of another sweep: \(difference)")
            }
            if store.identity.shard.count != first.shard.count {
                throw SweepMergeError(
                    "merge: shards of different splits: \(first.shard) and \(store.identity.shard)")
            }
        }
        var owner = [Int](repeating: -1, count: first.points)
        var duplicates: [Int] = []
        for (s, store) in stores.enumerated() {
            let points: [Int]
            do { points = try store.completedPoints() } catch { throw SweepMergeError("merge: \(error)") }
            for point in points where point < owner.count {
                if owner[point] >= 0 { duplicates.append(point) } else { owner[point] = s }
            }
        }
        let missing = owner.indices.filter { owner[$0] < 0 }
        if !duplicates.isEmpty || !missing.isEmpty {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing points \(Self.list(missing))") }
            if !duplicates.isEmpty { parts.append("points in more than one shard \(Self.list(duplicates))") }
            let shards = Set(stores.map(\.identity.shard.index))
            let absent = (1...first.shard.count).filter { !shards.contains($0) }
            if !absent.isEmpty { parts.append("no folder for shard(s) \(Self.list(absent)) of \(first.shard.count)") }
            throw SweepMergeError("merge: the shards do not make up the sweep: " + parts.joined(separator: "; "))
        }
        self.stores = stores
        self.identity = first.sweep
        self.owner = owner
    }

    /// The store holding point `point`.
    public func store(for point: Int) -> SweepStore { stores[owner[point]] }

    /// Point numbers as a short list: runs of consecutive numbers as ranges, at most 20 items.
    static func list(_ points: [Int]) -> String {
        var items: [String] = []
        var i = 0
        let sorted = points.sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            items.append(j > i ? "\(sorted[i])–\(sorted[j])" : "\(sorted[i])")
            i = j + 1
        }
        let shown = items.prefix(20).joined(separator: ", ")
        return items.count > 20 ? shown + ", … (\(points.count) in all)" : shown
    }
}

/// Why shards cannot be merged.
public struct SweepMergeError: Error, Sendable, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
