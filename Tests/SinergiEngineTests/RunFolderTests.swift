import Foundation
import Testing

@testable import SinergiEngine

/// A run folder's name is claimed atomically: studies started in the same second with the
/// same seed into the same results folder never share a temporary or a final folder.
@Suite struct RunFolderTests {
    @Test func foldersCreatedTogetherAreDistinct() throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let count = 64
        final class Paths: @unchecked Sendable {
            var values: [String?]
            let lock = NSLock()
            init(_ count: Int) { values = Array(repeating: nil, count: count) }
        }
        let paths = Paths(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let folder = try? RunFolder(root: root, slug: "same", seed: 7, date: date)
            paths.lock.lock()
            paths.values[i] = folder.map { $0.temporary.path + " -> " + $0.final.path }
            paths.lock.unlock()
        }
        let made = paths.values.compactMap { $0 }
        #expect(made.count == count, "every study got a folder")
        #expect(Set(made).count == count, "no two studies share a folder")
        let temporaries = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("same").path)
        #expect(temporaries.count == count)
        #expect(Set(made.map { $0.components(separatedBy: " -> ")[1] }).count == count, "nor a final name")
    }

    @Test func commitPointsLatestAtTheFolder() throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try RunFolder(root: root, slug: "s", seed: 1, date: date)
        let second = try RunFolder(root: root, slug: "s", seed: 1, date: date)
        try second.commit()
        try first.commit()
        let latest = try FileManager.default.destinationOfSymbolicLink(
            atPath: root.appendingPathComponent("s/latest").path)
        #expect(latest == first.final.lastPathComponent, "latest is the folder that finished last")
        #expect(FileManager.default.fileExists(atPath: second.final.path))
    }
}
