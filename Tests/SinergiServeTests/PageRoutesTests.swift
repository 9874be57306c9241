import Foundation
import Testing

@testable import SinergiServe

@Suite struct PageRoutesTests {
    @Test func healthAndLecturerPage() async throws {
        try await LiveServer.with { server in
            #expect(server.port > 0)
            let client = HTTPTestClient(base: server.baseURL)
            let health = try await client.get("/health")
            #expect(health.status == 200)
            #expect(health.object?["ok"] as? Bool == true)
            #expect(health.object?["sessions"] as? Int == 0)

            let page = try await client.get("/")
            #expect(page.status == 200)
            #expect(page.contentType == "text/html; charset=utf-8")
            #expect(page.text.lowercased().contains("<!doctype html"))
        }
    }

    @Test func assetsOnlyFromTheCatalogue() async throws {
        try await LiveServer.with { server in
            let client = HTTPTestClient(base: server.baseURL)
            let index = try await client.get("/assets/index.html")
            #expect(index.status == 200)
            for path in [
                "/assets/nothing.js", "/assets/..%2F..%2FPackage.swift", "/assets/%2E%2E",
                "/assets/.hidden", "/assets/", "/assets/a/b.js", "/assets/..%2fServerState.swift",
            ] {
                let reply = try await client.get(path)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.contentType == "application/json; charset=utf-8", "\(path)")
                #expect((reply.object?["error"] as? String)?.isEmpty == false, "\(path)")
                #expect((reply.object?["expected"] as? String)?.isEmpty == false, "\(path)")
            }
        }
    }

    @Test func contentTypesByExtension() {
        #expect(AssetCatalogue.contentType(of: "app.js") == "text/javascript; charset=utf-8")
        #expect(AssetCatalogue.contentType(of: "style.css") == "text/css; charset=utf-8")
        #expect(AssetCatalogue.contentType(of: "logo.svg") == "image/svg+xml")
        #expect(AssetCatalogue.contentType(of: "logo.png") == "image/png")
        #expect(AssetCatalogue.contentType(of: "LICENSE.txt") == "text/plain; charset=utf-8")
        #expect(AssetCatalogue.contentType(of: "join.html") == "text/html; charset=utf-8")
        #expect(!AssetCatalogue.isServable("../x.js"))
        #expect(!AssetCatalogue.isServable(".env"))
        #expect(!AssetCatalogue.isServable("a/b.js"))
        #expect(AssetCatalogue.isServable("chart-lib_2.min.js"))
    }

    /// The binary carries the Assets folder as it is in the source tree: every file, byte for
    /// byte, and nothing else.
    @Test func theEmbeddedAssetsAreTheSourceFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/SinergiServe/Assets").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(names.contains("index.html"))
        #expect(Set(EmbeddedFiles.files.keys) == Set(names))
        for name in names {
            #expect(EmbeddedFiles.files[name] == (try Data(contentsOf: folder.appendingPathComponent(name))), "\(name)")
        }
        let assets = AssetCatalogue.embedded()
        #expect(assets.names == names.sorted())
        #expect(assets["index.html"]?.contentType == "text/html; charset=utf-8")
    }
}
