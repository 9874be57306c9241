// swift-tools-version:6.1
// The performance suite, kept apart from the main package so that `swift build` and
// `swift test` at the top level never fetch or compile the benchmark library.
// Run it with `make bench` from the repository root (or `swift package benchmark` here).
import PackageDescription

let package = Package(
    name: "SinergiBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named, so that the products below resolve whatever the clone's folder is called.
        .package(name: "Sinergi", path: ".."),
        // Only the malloc-interposer trait: the default set also pulls in a Swift runtime
        // interposer on Linux with Swift 6.3, used only for the retain/release metrics,
        // which these benchmarks do not collect.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Simulation",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SinergiEngine", package: "Sinergi"),
                .product(name: "SinergiReport", package: "Sinergi"),
                .product(name: "SinergiScenario", package: "Sinergi"),
                .product(name: "SinergiModel", package: "Sinergi"),
            ],
            // The benchmark plugin finds its targets under Benchmarks/ in this package.
            path: "Benchmarks/Simulation",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A synchronous driver of the simulation core for `valgrind --tool=callgrind`
        // (docs/performance.md, "Instructions per replicate-month"); no benchmark library.
        .executableTarget(
            name: "sinergi-callgrind",
            dependencies: [
                .product(name: "SinergiEngine", package: "Sinergi"),
                .product(name: "SinergiReport", package: "Sinergi"),
                .product(name: "SinergiScenario", package: "Sinergi"),
                .product(name: "SinergiModel", package: "Sinergi"),
            ],
            path: "Callgrind"
        ),
    ],
    swiftLanguageModes: [.v6]
)
