// swift-tools-version: 6.1
// The fuzz target over the scenario reader and the metric parser (libFuzzer). A package of its own,
// depending on SocialCreditLab by path, so the project's `swift build` and `swift test` never see
// it. Build and run it with `Fuzz/run.sh SECONDS` (README.md beside this file).
import PackageDescription

let package = Package(
    name: "SocialCreditFuzz",
    dependencies: [
        .package(name: "SocialCreditLab", path: "..")
    ],
    targets: [
        // The declaration of libFuzzer's LLVMFuzzerRunDriver, for the target's own main.
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "ScenarioFuzzer",
            dependencies: ["FuzzerDriver", .product(name: "SocialCredit", package: "SocialCreditLab")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
