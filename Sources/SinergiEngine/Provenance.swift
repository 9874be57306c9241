import Foundation

/// Facts about the tool and the machine that go into the manifest.
enum Provenance {
    /// The git commit of the source tree the running binary was built in, when the binary
    /// sits inside a git checkout (as `.build/release/sinergi` does); nil otherwise.
    static func gitCommit() -> (commit: String, dirty: Bool)? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let directory = executable.deletingLastPathComponent().path
        guard let commit = git(["-C", directory, "rev-parse", "HEAD"]), commit.count == 40 else { return nil }
        let status = git(["-C", directory, "status", "--porcelain", "--untracked-files=no"]) ?? ""
        return (commit, !status.isEmpty)
    }

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func host() -> Manifest.Host {
        let info = ProcessInfo.processInfo
        var cpuModel: String?
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        {
            cpuModel = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Manifest.Host(
            name: info.hostName, operatingSystem: info.operatingSystemVersionString,
            cpus: info.activeProcessorCount, cpuModel: cpuModel, memoryBytes: info.physicalMemory)
    }
}
