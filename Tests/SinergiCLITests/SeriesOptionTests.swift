import Foundation
import Testing

/// `--series replicates`: every replicate's trajectory in series.csv (long), consistent
/// with the bands of timeseries.csv, the same at any thread count, replayed and checked.
@Suite struct SeriesOptionTests {
    static func rows(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func seriesHoldsEachReplicateAndAgreesWithTheBands() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var folders: [URL] = []
        for threads in ["1", "3"] {
            let run = try Sinergi.run([
                "run", "Scenarios/jambi-province-2018.yaml", "-r", "7", "--seed", "4", "--threads", threads,
                "--series", "replicates", "--name", "t\(threads)", "-q", "--out", root.path,
            ])
            #expect(run.status == 0, "\(run.stderr)")
            folders.append(root.appendingPathComponent("jambi-province-2018/t\(threads)"))
        }
        let series = folders[0].appendingPathComponent("series.csv")
        #expect(try Data(contentsOf: series) == Data(contentsOf: folders[1].appendingPathComponent("series.csv")))

        let rows = try Self.rows(series)
        #expect(rows.first == ["replicate", "month", "government", "metric", "value"])
        // Mean over the 7 replicates of each (month, government, metric) cell.
        var sums: [String: (Double, Int)] = [:]
        var replicates = Set<String>()
        for row in rows.dropFirst() {
            replicates.insert(row[0])
            let key = "\(row[1]),\(row[2]),\(row[3])"
            let value = try #require(Double(row[4]))
            sums[key, default: (0, 0)].0 += value
            sums[key, default: (0, 0)].1 += 1
        }
        #expect(replicates == Set((0..<7).map(String.init)))
        var compared = 0
        for band in try Self.rows(folders[0].appendingPathComponent("timeseries.csv")).dropFirst() {
            guard let (sum, count) = sums["\(band[0]),\(band[1]),\(band[2])"] else { continue }
            #expect(count == 7)
            let mean = try #require(Double(band[3]))
            #expect(abs(sum / 7 - mean) <= 1e-9 * max(1, abs(mean)), "\(band[0]) \(band[1]) \(band[2])")
            compared += 1
        }
        // 12 governments × 61 months × (8 model metrics + 3 initiatives each).
        #expect(compared == 12 * 61 * 11)
        #expect(sums.count == compared, "every cell of series.csv has its band")

        // A replay writes series.csv again and checks it with the other data files.
        let replay = try Sinergi.run([
            "run", "--replay", folders[0].appendingPathComponent("manifest.json").path, "-q", "--out",
            root.appendingPathComponent("replays").path,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("series.csv are byte-identical"), "\(replay.stdout)")
    }

    @Test func aComparisonWritesEachPackagesTrajectories() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Sinergi.run([
            "compare", "Scenarios/classroom.yaml", "--policies", "training", "-r", "3", "--series", "replicates",
            "--name", "c", "-q", "--out", root.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try Self.rows(root.appendingPathComponent("classroom/c/series.csv"))
        #expect(rows.first == ["policy", "replicate", "month", "government", "metric", "value"])
        #expect(Set(rows.dropFirst().map(\.[0])) == ["baseline", "training"])
    }

    @Test func withoutTheOptionThereIsNoSeriesFileAndABadValueIsAUsageError() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = try Sinergi.run([
            "run", "Scenarios/classroom.yaml", "-r", "2", "--name", "p", "-q", "--out", root.path,
        ])
        #expect(plain.status == 0)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("classroom/p/series.csv").path))
        let bad = try Sinergi.run(["run", "Scenarios/classroom.yaml", "--series", "all", "--out", root.path])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("bands") && bad.stderr.contains("replicates"), "\(bad.stderr)")
    }
}
