import Foundation
import SinergiScenario

/// The classroom scenario compiled into the binary: Scenarios/classroom.yaml as it was when
/// the binary was built (the EmbedResources plugin). `run` and `serve` use it when given no
/// scenario, so an installed `sinergi` needs no file beside it.
enum EmbeddedScenario {
    /// How manifests and messages name it: no file has this path, and `<` and `>` mark it
    /// as not one.
    static let path = "<embedded>/classroom.yaml"

    /// The file's exact text (the manifest's SHA-256 is that of these bytes).
    static var text: String {
        String(decoding: EmbeddedFiles.files["classroom.yaml"]!, as: UTF8.self)
    }

    /// The text read and checked as a file given on the command line is.
    static func source() throws(ScenarioError) -> ScenarioSource {
        try ScenarioSource(text: text, path: path)
    }
}
