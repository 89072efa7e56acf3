/// A place in a scenario file: 1-based line and column, as editors count them.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// A location from its line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// One problem found in a scenario file, with where it is and, when one is known, how to fix it.
///
/// Users edit scenario files by hand; a message that names the file, line, column and key path
/// lets them go straight to the mistake.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Errors make a scenario invalid; warnings point at something probably unintended.
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// How serious the problem is.
    public var severity: Severity
    /// The file the problem is in, as the user named it.
    public var file: String
    /// Where in the file, when known.
    public var location: SourceLocation?
    /// The key path, e.g. `rules[3].behavior`; empty for the whole document.
    public var path: String
    /// What is wrong.
    public var message: String
    /// A suggested fix, e.g. `did you mean 'jaywalking'?`.
    public var hint: String?

    /// A diagnostic from its parts.
    public init(
        severity: Severity = .error,
        file: String,
        location: SourceLocation?,
        path: String,
        message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: path: message (hint)`, the form compilers use, so editors can jump to it.
    public var description: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        if !path.isEmpty { text += "\(path): " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// Thrown when a scenario has one or more errors; carries every problem found, not just the first.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]

    /// The errors alone.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a scenario is read and checked.
struct DiagnosticLog {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ message: String, at location: SourceLocation?, path: String, hint: String? = nil) {
        diagnostics.append(
            Diagnostic(file: file, location: location, path: path, message: message, hint: hint)
        )
    }

    mutating func warning(_ message: String, at location: SourceLocation?, path: String, hint: String? = nil) {
        diagnostics.append(
            Diagnostic(severity: .warning, file: file, location: location, path: path, message: message, hint: hint)
        )
    }

    /// Diagnostics in file order; those without a location keep their order after the located ones.
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?): return x == y ? a.offset < b.offset : x < y
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
