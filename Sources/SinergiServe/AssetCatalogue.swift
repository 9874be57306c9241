import Foundation
import Hummingbird

/// The pages, scripts and styles the server hands out: the files of the target's `Assets`
/// folder (a flat folder: one name, one file), compiled into the binary when it is built
/// (the EmbedResources plugin), so the server reads no file to serve them.
///
/// Only names listed at start-up are served, so a request cannot reach any other file:
/// there is no path to traverse, only a dictionary to look up.
struct AssetCatalogue: Sendable {
    struct Asset: Sendable {
        let bytes: ByteBuffer
        let contentType: String
    }

    private let assets: [String: Asset]

    /// The servable names of `files` with their bytes (other names are skipped).
    init(files: [String: Data]) {
        var assets: [String: Asset] = [:]
        for (name, data) in files where Self.isServable(name) {
            assets[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: Self.contentType(of: name))
        }
        self.assets = assets
    }

    /// The assets compiled into this module.
    static func embedded() -> AssetCatalogue {
        AssetCatalogue(files: EmbeddedFiles.files)
    }

    var names: [String] { assets.keys.sorted() }

    subscript(name: String) -> Asset? { assets[name] }

    /// The response for `name`, or a JSON 404 that lists what there is.
    func response(for name: String) throws -> Response {
        guard Self.isServable(name), let asset = assets[name] else {
            throw ErrorReply(
                .notFound, "no asset named '\(name)'",
                expected: "one of: " + names.map { "/assets/\($0)" }.joined(separator: ", "))
        }
        return Response(
            status: .ok,
            headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
            body: .init(byteBuffer: asset.bytes))
    }

    /// A plain file name: letters, digits, `-`, `_` and inner dots, no leading dot.
    static func isServable(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("..")
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
            }
    }

    static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "txt", "md": "text/plain; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
