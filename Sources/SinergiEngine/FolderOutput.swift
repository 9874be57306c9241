/// The command-specific part of a study that writes a run folder (``FolderStudy``): the
/// sink that folds the batches into statistics, and the data files written from them at
/// the end. `sinergi run` is ``RunOutput``, `sinergi compare` is ``ComparisonOutput``.
protocol FolderOutput: StudySink {
    associatedtype Result

    /// manifest.json's `command`; any other than "run" also starts the folder's name
    /// ("compare-…") and names its `latest-…` link.
    var command: String { get }

    /// The first column of replicates.csv, which names each row's arm ("policy"), or nil
    /// when the study has one arm.
    var armColumn: String? { get }

    /// Writes the data files made from the statistics (replicates.csv is written already)
    /// for a study that kept `replicates` replicates.
    func finish(replicates: Int, folder: RunFolder, control: RunControl) throws(RunError) -> StudyFiles<Result>

    /// Adds the command's own fields to the manifest (a comparison's packages).
    func describe(_ manifest: inout Manifest)
}

extension FolderOutput {
    var armColumn: String? { nil }
    func describe(_ manifest: inout Manifest) {}
}
