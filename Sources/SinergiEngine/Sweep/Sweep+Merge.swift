import Foundation
import SinergiModel

extension Sweep {
    /// `sinergi merge`: checks that `shards` make up one whole sweep (``SweepMerge``), then
    /// writes a folder whose data files are byte-identical to those of the same sweep run
    /// unsharded: design.csv (copied), a store of every point, points.csv, replicates.csv,
    /// report.html and manifest.json (`"command": "merge"`).
    public static func merge(
        shards: [URL], into: URL, control: RunControl = RunControl(), report: (any ReportRenderer)? = nil
    ) throws(RunError) -> Outcome {
        let started = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let merge: SweepMerge
        do { merge = try SweepMerge(folders: shards) } catch { throw RunError.io(error.message) }
        let identity = merge.identity
        let designURL = merge.stores[0].url.deletingLastPathComponent().appendingPathComponent("design.csv")
        guard let designData = FileManager.default.contents(atPath: designURL.path),
            Study.sha256(designData) == identity.designSHA256
        else {
            throw .io("merge: \(designURL.path) is missing or is not the design the stores were run with")
        }
        let design = try DesignFile.values(designData, factors: identity.factors, path: designURL.path)
        let folder = try RunFolder(exactly: into)
        do {
            try folder.write(designData, to: "design.csv")
            let store = try SweepStore.create(
                at: folder.temporary.appendingPathComponent(SweepStore.fileName), identity: identity)
            control.plan(identity.points * identity.replicates)
            control.begin("merging \(shards.count) shards")
            // Copied a chunk of points per transaction: the merged store is new, and is
            // complete only once every point is in.
            var chunk: [PointResult] = []
            for point in 0..<identity.points {
                let source = merge.store(for: point)
                let rows = try source.replicateRows(points: point..<(point + 1)).map(\.row)
                let summaries = try source.summaries(points: point..<(point + 1))
                chunk.append(
                    PointResult(point: point, replicates: identity.replicates, rows: rows, summaries: summaries))
                if chunk.count == SweepFiles.pointsPerRead || point == identity.points - 1 {
                    try store.commit(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            try store.markComplete()
            var hashes = ["design.csv": identity.designSHA256]
            try writeDataFiles(
                into: folder, design: design, factors: identity.factors, outcomes: identity.outcomeColumns,
                store: { _ in store }, hashes: &hashes, control: control)
            let first = try Manifest.read(
                from: merge.stores[0].url.deletingLastPathComponent().appendingPathComponent("manifest.json"))
            var manifest = first
            manifest.command = "merge"
            let heatmaps = first.sweep?.heatmaps ?? []
            manifest.sweep = SweepInfo(
                identity: identity, method: first.sweep?.method ?? "", pointsRun: identity.points, heatmaps: heatmaps)
            manifest.files = hashes
            manifest.host = Provenance.host()
            let seconds = (clock.now - begin).seconds
            let iso = ISO8601DateFormatter()
            manifest.timing = .init(
                started: iso.string(from: started), finished: iso.string(from: Date()), wallSeconds: seconds,
                replicatesPerSecond: 0)
            manifest.mergedFrom = shards.map(\.path)
            manifest.sensitivity = first.sensitivity
            if let plan = first.sensitivity {
                let result = try SensitivityAnalysis.writeFiles(
                    plan: plan, store: store, into: folder, hashes: &manifest.files, control: control)
                try store.close()
                let page = SensitivityAnalysis.report(result, manifest: manifest)
                try folder.finish(manifest: manifest, control: control) { report?.html(sensitivity: page) }
                return Outcome(
                    folder: folder.final, manifest: manifest, pointsRun: identity.points,
                    pointsInShard: identity.points, interrupted: false)
            }
            let pairs = heatmaps.compactMap { text -> (Int, Int)? in
                let names = text.split(separator: "|").map(String.init)
                guard names.count == 2, let a = identity.factors.firstIndex(of: names[0]),
                    let b = identity.factors.firstIndex(of: names[1])
                else { return nil }
                return (a, b)
            }
            let analysis = report != nil ? try SweepAnalysis.read(store: store, design: design, pairs: pairs) : nil
            try store.close()
            let finalManifest = manifest
            try folder.finish(manifest: manifest, control: control) {
                analysis.flatMap { analysis in report?.html(sweep: analysis, manifest: finalManifest) }
            }
            return Outcome(
                folder: folder.final, manifest: manifest, pointsRun: identity.points, pointsInShard: identity.points,
                interrupted: false)
        } catch let error as RunError {
            folder.discard()
            throw error
        } catch {
            folder.discard()
            throw .io("merge: \(error)")
        }
    }
}

/// Reads design.csv back: `point`, then one column per factor.
enum DesignFile {
    static func values(_ data: Data, factors: [String], path: String) throws(RunError) -> [[Double]] {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let header = lines.next() else { throw .io("\(path): empty design") }
        guard CSV.parseLine(String(header)) == ["point"] + factors else {
            throw .io("\(path):1: the columns are not point, \(factors.joined(separator: ", "))")
        }
        var rows: [[Double]] = []
        var line = 1
        while let next = lines.next() {
            line += 1
            let fields = CSV.parseLine(String(next))
            guard fields.count == factors.count + 1, Int(fields[0]) == rows.count else {
                throw .io("\(path):\(line): expected point \(rows.count) and \(factors.count) values")
            }
            var values: [Double] = []
            for field in fields.dropFirst() {
                guard let value = Double(field) else { throw .io("\(path):\(line): '\(field)' is not a number") }
                values.append(value)
            }
            rows.append(values)
        }
        return rows
    }
}

extension CSV {
    /// The fields of one line as ``CSV`` writes it (RFC 4180 quoting, no line breaks inside).
    static func parseLine(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
