import Foundation

// Writes a Swift source that holds files' exact bytes, for the EmbedResources build-tool
// plugin (Plugins/EmbedResources): `ResourceEmbedder OUTPUT.swift FILE…`. The source
// declares `enum EmbeddedFiles` with `files`, each file's name (its last path component)
// mapped to its bytes. The bytes are written as Base64 string literals: one literal per
// file compiles at once whatever the file holds, where an array literal of thousands of
// numbers would hold up the type checker. Files are written in name order, so the same
// files give the same source.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ResourceEmbedder OUTPUT.swift FILE…\n".utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[0])
var files: [String: Data] = [:]
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    guard files[name] == nil else {
        FileHandle.standardError.write(Data("error: two files named '\(name)'; each embedded name is unique\n".utf8))
        exit(1)
    }
    do {
        files[name] = try Data(contentsOf: url)
    } catch {
        FileHandle.standardError.write(Data("error: \(path): cannot read it: \(error.localizedDescription)\n".utf8))
        exit(1)
    }
}

var source = """
    // Generated at build time by the EmbedResources plugin (Plugins/EmbedResources); do not
    // edit. It holds the bytes of: \(files.keys.sorted().joined(separator: ", ")).
    import Foundation

    /// Files embedded in this module when it was built, by file name: their exact bytes.
    enum EmbeddedFiles {
        static let files: [String: Data] = [

    """
for name in files.keys.sorted() {
    source += "        \"\(name)\": bytes(\"\(files[name]!.base64EncodedString())\"),\n"
}
source += """
        ]

        private static func bytes(_ base64: String) -> Data { Data(base64Encoded: base64)! }
    }

    """
do {
    // Rewritten only when it changes, so an unchanged file does not recompile its module.
    if (try? Data(contentsOf: output)) != Data(source.utf8) {
        try Data(source.utf8).write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(output.path): cannot write it: \(error.localizedDescription)\n".utf8))
    exit(1)
}
