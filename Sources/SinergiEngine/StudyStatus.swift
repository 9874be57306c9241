/// How a study ended, as manifest.json's `status` records it.
public enum StudyStatus: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Its stopping rule was met: the requested replicates, the precision target or the
    /// maximum.
    case complete
    /// It was cancelled (SIGINT, SIGTERM) first; the data hold the replicates every arm
    /// completed before the first one that did not.
    case interrupted

    /// The word manifest.json holds.
    public var description: String { rawValue }
}
