import Foundation

/// The `sclab` executable built with the tests, run as a user runs it, with the package's
/// `scenarios/` folder as its scenario catalog.
public enum SCLab {
    /// The package's folder (holding `Package.swift`).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `sclab arguments`; when `killWhen` (given the standard error so far) becomes true,
    /// kills it with SIGKILL at once.
    public static func run(_ arguments: [String], killWhen: ((String) -> Bool)? = nil) throws -> Subprocess.Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SCLAB_SCENARIOS"] = repository.appendingPathComponent("scenarios").path
        process.environment = environment
        return try Subprocess.run(process, killWhen: killWhen)
    }

    /// The digest a finished run's summary printed in `output` (the line `digest: …`), if any.
    public static func digest(in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix("digest: ") }.map { String($0.dropFirst(8)) }
    }

    /// The `sclab` executable built with these tests: beside the running test product (the test
    /// executable on Linux, inside the `.xctest` bundle's folder on macOS), else in the package's
    /// `.build` products folder.
    public static func executable() throws -> URL {
        var folders: [URL] = []
        func addWithParents(_ url: URL) {
            var folder = url
            for _ in 0..<3 {
                folders.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        addWithParents(
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        )
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            addWithParents(bundle.bundleURL.deletingLastPathComponent())
        }
        addWithParents(Bundle.main.bundleURL)
        folders.append(repository.appendingPathComponent(".build").appendingPathComponent("debug"))
        let found = folders.map { $0.appendingPathComponent("sclab") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        guard let found else { throw TestError("sclab is not built; looked in \(folders.map(\.path))") }
        return found
    }
}
