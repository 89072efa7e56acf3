// swift-tools-version: 6.1
// SocialCreditLab: the social credit system as an executable model run on synthetic societies.
import PackageDescription

// CI sets SCLAB_WARNINGS_AS_ERRORS=1 so that the project's own targets (not its dependencies)
// build with no warnings. The flag is unsafe only in the sense that a package using it cannot be
// a dependency, so it is never on by default.
let warningsAsErrors: [SwiftSetting] =
    Context.environment["SCLAB_WARNINGS_AS_ERRORS"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : []

let strictSettings: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ] + warningsAsErrors

let package = Package(
    name: "SocialCreditLab",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SocialCredit", targets: ["SocialCredit"]),
        .library(name: "Society", targets: ["Society"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "RunRecords", targets: ["RunRecords"]),
        .library(name: "RunStore", targets: ["RunStore"]),
        .library(name: "Impact", targets: ["Impact"]),
        .library(name: "Observatory", targets: ["Observatory"]),
        .library(name: "Runs", targets: ["Runs"]),
        .executable(name: "sclab", targets: ["sclab"]),
    ],
    // Optional features, all off by default so that `swift build` needs nothing beyond Swift.
    traits: [
        .trait(
            name: "MPI",
            description:
                "Runs over an MPI cluster (Cluster's MPIExchange) with OpenMPI (pkg-config ompi)."
        ),
        .trait(
            name: "MPICH",
            description:
                "Runs over an MPI cluster (Cluster's MPIExchange) with MPICH (pkg-config mpich) instead of OpenMPI."
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // The web app's HTTP server; its default traits (swift-configuration, full Foundation)
        // are not used, so they are left off to keep the build smaller.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // The JSON API is generated from Sources/Observatory/openapi.yaml (build plugin) and
        // served by Hummingbird through the OpenAPI transport.
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        // `swift package generate-documentation`: the DocC catalogs (a plugin; nothing is linked).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "SocialCredit",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Society",
            dependencies: ["SocialCredit"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // What the day loop needs from C (header only): a prefetch hint (Swift cannot express
        // one), huge pages, the scan's SSE2 look at a group of sixteen, a tick counter for bench.
        .target(name: "MemoryHints"),
        // The run's output records (what a run hands its store: traces, listings, standings,
        // snapshots, tallies, metric points) and its bounds: plain values, so the store and the
        // readers need not depend on the engine.
        .target(
            name: "RunRecords",
            dependencies: ["SocialCredit"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Simulation",
            dependencies: ["SocialCredit", "Society", "MemoryHints", "RunRecords"],
            swiftSettings: strictSettings
        ),
        // MPI's C API (MPI-3 calls only, so OpenMPI and MPICH both serve), found with pkg-config:
        // OpenMPI's with the MPI trait, MPICH's (the same header, Sources/CMPI/CMPI.h) with the
        // MPICH trait. docs/scale.md, "Building with MPI".
        .systemLibrary(name: "CMPI", pkgConfig: "ompi", providers: [.apt(["libopenmpi-dev"])]),
        .systemLibrary(name: "CMPICH", pkgConfig: "mpich", providers: [.apt(["libmpich-dev"])]),
        // Runs sharded over a cluster: detects a launch by mpirun or srun, and with the MPI trait
        // adapts MPI's communicator to Society's ShardExchange; lower modules see only the protocol.
        .target(
            name: "Cluster",
            dependencies: [
                "Society",
                .target(name: "CMPI", condition: .when(traits: ["MPI"])),
                .target(name: "CMPICH", condition: .when(traits: ["MPICH"])),
            ],
            swiftSettings: strictSettings + [
                .define("MPI", .when(traits: ["MPI", "MPICH"])), .define("MPICH", .when(traits: ["MPICH"])),
            ]
        ),
        .target(
            name: "RunStore",
            dependencies: ["RunRecords", "SocialCredit", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Impact",
            dependencies: ["SocialCredit", "Society", "Simulation", "RunRecords", "RunStore"],
            swiftSettings: strictSettings
        ),
        // The run as a library: a scenario simulated, stored month by month, checkpointed, with
        // its counterfactual, further seeds and report, exactly as `sclab simulate` runs it, with
        // progress told to a delegate instead of printed.
        .target(
            name: "Runs",
            dependencies: ["SocialCredit", "Society", "Simulation", "RunRecords", "RunStore", "Impact"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Observatory",
            dependencies: [
                "SocialCredit",
                "Society",
                "Simulation",
                "RunRecords",
                "RunStore",
                "Impact",
                "Runs",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .executableTarget(
            name: "sclab",
            dependencies: [
                "SocialCredit",
                "Society",
                "Simulation",
                "RunRecords",
                "RunStore",
                "Impact",
                "Observatory",
                "Runs",
                "Cluster",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // What the test targets share (not a product): runs stored as `sclab simulate` stores them,
        // the observer that keeps what a run reports, temporary folders, and the `sclab` and
        // headless-Chromium runners.
        .target(
            name: "TestSupport",
            dependencies: ["SocialCredit", "Society", "Simulation", "RunRecords", "RunStore", "Impact"],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        // The tests that launch the `sclab` executable as a user does.
        .testTarget(
            name: "CommandLineTests",
            dependencies: [
                "TestSupport", "RunRecords", "RunStore", "Simulation", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "TestSupport", "RunRecords", "Society", "SocialCredit"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RunStoreTests",
            dependencies: [
                "RunStore", "RunRecords", "Simulation", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ImpactTests",
            dependencies: [
                "Impact", "RunStore", "RunRecords", "Simulation", "TestSupport", "Society", "SocialCredit",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Snapshots"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ObservatoryTests",
            dependencies: [
                "Observatory",
                "Runs",
                "Impact",
                "RunStore",
                "RunRecords",
                "Simulation",
                "Society",
                "SocialCredit",
                "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RunsTests",
            dependencies: [
                "Runs", "RunStore", "RunRecords", "Simulation", "Society", "SocialCredit", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClusterTests",
            dependencies: ["Cluster", "Society", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SocietyTests",
            dependencies: ["Society", "SocialCredit", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SocialCreditTests",
            dependencies: ["SocialCredit", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
