import Foundation

/// The outcome of reading a scenario file: the scenario when it is valid, and every diagnostic.
public struct ScenarioReading: Sendable {
    /// The scenario, or nil when the file has errors.
    public var scenario: Scenario?
    /// Every error and warning, in file order.
    public var diagnostics: [Diagnostic]

    /// The errors alone.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings alone.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

extension Scenario {
    /// Reads a scenario from YAML or JSON text, collecting every problem rather than stopping at
    /// the first.
    ///
    /// The one reading of a scenario's text: `sclab check` (through `read(contentsOf:)`), every
    /// command that runs a scenario, and the policy lab's check of a pasted file all call it, so
    /// the lab shows the diagnostics `check` prints, each with its line and column.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the name used in diagnostics (and, without extension, the default id).
    public static func read(_ text: String, file: String = "scenario.yaml") -> ScenarioReading {
        let reader = NodeReader(file: file)
        let stem = Self.stem(of: file)
        var scenario: Scenario?
        var log = reader.log
        if let root = DocumentNode.parse(text, isJSON: file.lowercased().hasSuffix(".json"), log: &log) {
            scenario = reader.scenario(root, defaultID: stem)
            scenario?.validate(into: reader)
            // What can never happen is worked out only for a scenario that is valid.
            if let scenario, !reader.log.hasErrors {
                for warning in scenario.staticWarnings() {
                    reader.warning(warning.message, at: warning.location, warning.path, hint: warning.hint)
                }
            }
            log = reader.log
        }
        let ok = !log.hasErrors
        return ScenarioReading(scenario: ok ? scenario : nil, diagnostics: log.sorted)
    }

    /// Reads a scenario from text; throws a `ScenarioError` listing every error.
    public static func parse(_ text: String, file: String = "scenario.yaml") throws -> Scenario {
        let reading = read(text, file: file)
        guard let scenario = reading.scenario else { throw ScenarioError(diagnostics: reading.diagnostics) }
        return scenario
    }

    /// Reads a scenario file from disk.
    ///
    /// Unreadable files, files over `DocumentLimits.maximumBytes` and text that is not UTF-8 are
    /// reported as diagnostics, like any other error. At most one byte past the limit is read, so
    /// a huge file or an endless device costs no memory.
    public static func read(contentsOf path: String) -> ScenarioReading {
        let diagnose = { (message: String) in
            ScenarioReading(
                scenario: nil,
                diagnostics: [
                    Diagnostic(file: path, location: nil, path: "", message: message)
                ]
            )
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return diagnose("no such file")
        }
        if isDirectory.boolValue { return diagnose("is a directory, not a scenario file") }
        guard let handle = FileHandle(forReadingAtPath: path),
            let data = try? handle.read(upToCount: DocumentLimits.maximumBytes + 1) ?? Data()
        else {
            return diagnose("cannot be read")
        }
        try? handle.close()
        if data.count > DocumentLimits.maximumBytes {
            return diagnose(
                "is larger than \(DocumentLimits.maximumBytes) bytes (4 MiB): a scenario may be at most that"
            )
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return diagnose("is not UTF-8 text")
        }
        return read(text, file: path)
    }

    static func stem(of file: String) -> String {
        let name = (file as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? "scenario" : stem
    }
}
