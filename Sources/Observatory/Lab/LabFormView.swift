import Foundation
import SocialCredit

/// The scenario's part of the lab form. Interim: the parameters come with the form model
/// (`ScenarioForm`) being merged; until then the pasted text is the way to change a scenario.
enum LabFormView {
    /// The parameters by group, with submitted values and problems beside their fields.
    static func parameters(text: String, submitted: LabSubmission?, problems: LabSubmission.Problems?) -> String {
        var html = ""
        let diagnostics = problems?.diagnostics ?? []
        if submitted?.scenarioText == nil, !diagnostics.isEmpty {
            html += "<ul class=\"problems\">"
            for diagnostic in diagnostics { html += "<li>\(e(diagnostic.description))</li>" }
            html += "</ul>"
        }
        return html
    }

    /// A pasted scenario's errors, each with its line.
    static func pasted(_ text: String?, diagnostics: [Diagnostic]) -> String {
        guard text != nil, !diagnostics.isEmpty else { return "" }
        var html = "<ul class=\"problems\">"
        for diagnostic in diagnostics { html += "<li>\(e(diagnostic.description))</li>" }
        return html + "</ul>"
    }
}
