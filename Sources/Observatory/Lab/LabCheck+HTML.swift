import Foundation
import SocialCredit

/// A pasted or uploaded scenario file as an HTML fragment: every line with its number, and each
/// diagnostic `sclab check` gives (`Scenario.read(_:file:)`, the one reading both use) beside the
/// line it is at, so the user sees where each mistake is without counting lines.
///
/// Diagnostics without a line (a file-wide problem) are listed first; one past the last line
/// (the end of the file) is shown under the last line. Every line and message is escaped.
/// - Parameters:
///   - text: The file's text.
///   - diagnostics: Its diagnostics, as `Scenario.read(text, file:)` gives them.
func labCheckHTML(text: String, diagnostics: [Diagnostic]) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    let last = max(1, lines.count)
    var atLine: [Int: [Diagnostic]] = [:]
    var unplaced: [Diagnostic] = []
    for diagnostic in diagnostics {
        if let line = diagnostic.location?.line, line >= 1 {
            atLine[min(line, last), default: []].append(diagnostic)
        } else {
            unplaced.append(diagnostic)
        }
    }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    var html = "<div class=\"lab-check\">\n"
    if errors == 0 {
        let note = warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"
        html += "<p class=\"banner ok\">The scenario is valid\(note).</p>\n"
    } else {
        let note = warnings == 0 ? "" : " and \(warnings) warning\(warnings == 1 ? "" : "s")"
        html += "<p class=\"banner\" role=\"alert\">\(errors) error\(errors == 1 ? "" : "s")\(note): "
        html += "the scenario cannot be run until the errors are fixed.</p>\n"
    }
    if !unplaced.isEmpty {
        html += "<ul class=\"lab-unplaced\">"
        for diagnostic in unplaced { html += "<li>\(diagnosticHTML(diagnostic, tag: "span"))</li>" }
        html += "</ul>\n"
    }
    html += "<div class=\"lab-source\">\n"
    for (index, line) in lines.enumerated() {
        let number = index + 1
        let here = atLine[number] ?? []
        let mark =
            here.contains { $0.severity == .error } ? " has-error" : here.isEmpty ? "" : " has-warning"
        html += "<div class=\"lab-line\(mark)\" id=\"L\(number)\"><span class=\"ln\">\(number)</span>"
        html += "<code>\(e(line))</code></div>\n"
        for diagnostic in here { html += diagnosticHTML(diagnostic, tag: "div") + "\n" }
    }
    return html + "</div></div>\n"
}

/// One diagnostic: its severity, column, key path, message and hint.
private func diagnosticHTML(_ diagnostic: Diagnostic, tag: String) -> String {
    var text = diagnostic.severity == .error ? "error" : "warning"
    if let location = diagnostic.location { text += ", line \(location.line), column \(location.column)" }
    text += ": "
    if !diagnostic.path.isEmpty { text += "\(diagnostic.path): " }
    text += diagnostic.message
    if let hint = diagnostic.hint { text += " (\(hint))" }
    return "<\(tag) class=\"lab-diagnostic \(diagnostic.severity.rawValue)\" role=\"note\">\(e(text))</\(tag)>"
}
