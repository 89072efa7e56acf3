import Foundation

/// The scenarios shipped with SocialCreditLab, found by name (`seed-article`) or by path.
///
/// Shipped scenarios live in the repository's `scenarios/` folder. The catalog looks for it in
/// `$SCLAB_SCENARIOS`, then in the working directory, then beside the running executable and
/// each folder above it (so `swift run` and `.build/release/sclab` both find it from anywhere).
public struct ScenarioCatalog: Sendable {
    /// One shipped scenario.
    public struct Entry: Sendable, Equatable {
        /// Name used on the command line, the file name without extension.
        public var name: String
        /// Full path of the file.
        public var path: String
        /// The scenario's one-line summary, or the problem that keeps it from being read.
        public var summary: String
    }

    /// The folder the scenarios were found in, if any.
    public let directory: String?

    /// A catalog over an explicit folder.
    public init(directory: String?) { self.directory = directory }

    /// A catalog over the first `scenarios/` folder found in the usual places.
    public static func discover(environment: [String: String] = ProcessInfo.processInfo.environment) -> ScenarioCatalog
    {
        let fm = FileManager.default
        var candidates: [String] = []
        if let explicit = environment["SCLAB_SCENARIOS"], !explicit.isEmpty { candidates.append(explicit) }
        candidates.append(fm.currentDirectoryPath + "/scenarios")
        var folder = (CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath() })?
            .deletingLastPathComponent()
        while let current = folder, current.path != "/" {
            candidates.append(current.appendingPathComponent("scenarios").path)
            folder = current.deletingLastPathComponent()
        }
        let found = candidates.first { path in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        return ScenarioCatalog(directory: found)
    }

    /// Every shipped scenario, by name.
    public var entries: [Entry] {
        guard let directory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted()
            .map { file in
                let path = directory + "/" + file
                let reading = Scenario.read(contentsOf: path)
                let summary =
                    reading.scenario.map { $0.summary.isEmpty ? $0.name : $0.summary }
                    ?? "(invalid: \(reading.errors.count) error\(reading.errors.count == 1 ? "" : "s"))"
                return Entry(name: Scenario.stem(of: file), path: path, summary: summary)
            }
    }

    /// Resolves what the user typed: an existing file path, or the name of a shipped scenario.
    /// Returns nil with a message naming the known scenarios when neither fits.
    public func resolve(_ nameOrPath: String) -> Result<String, CatalogError> {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .success(nameOrPath)
        }
        let known = entries
        if let entry = known.first(where: {
            $0.name == nameOrPath || ($0.path as NSString).lastPathComponent == nameOrPath
        }) {
            return .success(entry.path)
        }
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".json")
        return .failure(
            CatalogError(
                message: looksLikePath ? "no such file: \(nameOrPath)" : "unknown scenario '\(nameOrPath)'",
                hint: Suggestion.hint(for: nameOrPath, in: known.map(\.name))
                    ?? (known.isEmpty
                        ? "no scenarios folder found; set SCLAB_SCENARIOS or pass a file path"
                        : "shipped scenarios: \(known.map(\.name).joined(separator: ", "))")
            )
        )
    }
}

/// A scenario name or path that could not be resolved.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// What to do instead.
    public var hint: String

    public var description: String { "\(message) (\(hint))" }
}
