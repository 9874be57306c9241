// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Sinergi",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sinergi", targets: ["sinergi"]),
        .library(name: "SinergiEngine", targets: ["SinergiEngine"]),
        .library(name: "SinergiReport", targets: ["SinergiReport"]),
        .library(name: "SinergiScenario", targets: ["SinergiScenario"]),
        .library(name: "SinergiModel", targets: ["SinergiModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(
            name: "SinergiStats",
            dependencies: ["CGSL", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "SinergiModel",
            dependencies: ["SinergiStats", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "SinergiScenario",
            dependencies: ["SinergiModel", "SinergiStats", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "SinergiEngine",
            dependencies: [
                "SinergiModel", "SinergiStats", "SinergiScenario",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "SinergiReport",
            dependencies: ["SinergiEngine", "SinergiModel", "SinergiStats"]
        ),
        .target(
            name: "SinergiClassroom",
            dependencies: ["SinergiScenario", "SinergiModel", "SinergiStats"]
        ),
        .target(
            name: "SinergiServe",
            dependencies: [
                "SinergiClassroom", "SinergiScenario",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Assets"],
            plugins: [.plugin(name: "EmbedResources")]
        ),
        .executableTarget(
            name: "sinergi",
            dependencies: [
                "SinergiEngine", "SinergiReport", "SinergiScenario", "SinergiModel", "SinergiServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: [.plugin(name: "EmbedResources")]
        ),
        .executableTarget(name: "ResourceEmbedder"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["ResourceEmbedder"]),
        .testTarget(name: "SinergiStatsTests", dependencies: ["SinergiStats"]),
        .testTarget(
            name: "SinergiModelTests",
            dependencies: ["SinergiModel", "SinergiStats", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .testTarget(
            name: "SinergiScenarioTests",
            dependencies: ["SinergiScenario", "SinergiModel", "SinergiStats"],
            resources: [.copy("Broken"), .copy("Fuzz")]
        ),
        .testTarget(
            name: "SinergiEngineTests",
            dependencies: ["SinergiEngine", "SinergiScenario", "SinergiModel", "SinergiStats"]
        ),
        .testTarget(
            name: "SinergiReportTests",
            dependencies: ["SinergiReport", "SinergiEngine", "SinergiScenario", "SinergiModel", "SinergiStats"]
        ),
        .testTarget(
            name: "SinergiCLITests",
            dependencies: [
                "sinergi", "SinergiClassroom", "SinergiScenario", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "SinergiClassroomTests",
            dependencies: ["SinergiClassroom", "SinergiScenario", "SinergiModel", "SinergiStats"]
        ),
        .testTarget(
            name: "SinergiServeTests",
            dependencies: ["SinergiServe", "SinergiClassroom", "SinergiScenario", "SinergiModel", "SinergiStats"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
