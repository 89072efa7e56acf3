import Foundation
import SocialCredit

/// The policy lab's form as an HTML fragment: one collapsible fieldset per group of
/// `ScenarioForm` (the order of docs/scenario-language.md), each input named by its field's path
/// (so the submission is `ScenarioForm.apply`'s `[path: value]`), with its unit, allowed range
/// and the source comment the file writes beside the value, and a problem beside its field.
///
/// Everything from the scenario (values, labels, comments) and every problem is escaped. No
/// fixed widths: the fields wrap on a phone. The page around it (the `<form>` element, its
/// action and button) is the caller's.
/// - Parameters:
///   - form: The scenario's form.
///   - problems: `ScenarioForm.Rejection`'s problems, each shown beside the field at its path,
///     or above the groups when no field has that path.
///   - submitted: The values the user submitted, shown in place of the current ones (after a
///     rejection, so nothing typed is lost).
func labFormHTML(
    _ form: ScenarioForm,
    problems: [ScenarioForm.Problem] = [],
    submitted: [String: String] = [:]
) -> String {
    let paths = Set(form.fields.map(\.path))
    let byPath = Dictionary(grouping: problems, by: \.path)
    var html = "<div class=\"lab-form\">\n"
    let unplaced = problems.filter { !paths.contains($0.path) }
    if !unplaced.isEmpty {
        html += "<div class=\"banner\" role=\"alert\"><p>The scenario cannot be run as submitted:</p><ul>"
        for problem in unplaced { html += "<li>\(e(problem.description))</li>" }
        html += "</ul></div>\n"
    }
    var number = 0
    for group in form.groups {
        let troubled = group.fields.contains { byPath[$0.path] != nil }
        html += "<details class=\"lab-group\" id=\"group-\(e(group.id))\"\(troubled ? " open" : "")>"
        html += "<summary>\(e(group.title)) <span class=\"muted\">(\(group.fields.count))</span></summary>\n"
        html += "<fieldset><legend class=\"visually-hidden\">\(e(group.title))</legend>\n"
        for field in group.fields {
            number += 1
            html += labFieldHTML(
                field,
                id: "lab-field-\(number)",
                problems: byPath[field.path] ?? [],
                submitted: submitted[field.path]
            )
        }
        html += "</fieldset></details>\n"
    }
    return html + "</div>\n"
}

/// One field: its label, input, unit, range, meaning (as the input's title), comment and problems.
private func labFieldHTML(
    _ field: ScenarioForm.Field,
    id: String,
    problems: [ScenarioForm.Problem],
    submitted: String?
)
    -> String
{
    let value = submitted ?? field.value
    var described = ["\(id)-range"]
    if !field.comment.isEmpty { described.append("\(id)-comment") }
    if !problems.isEmpty { described.append("\(id)-problem") }
    var common = "id=\"\(id)\" name=\"\(e(field.path))\" title=\"\(e(field.meaning))\""
    common += " aria-describedby=\"\(described.joined(separator: " "))\""
    if !problems.isEmpty { common += " aria-invalid=\"true\"" }
    let input: String
    switch field.kind {
    case .number, .integer:
        var bounds = ""
        if let range = field.numberKind?.range {
            bounds = " min=\"\(plain(range.lowerBound))\" max=\"\(plain(range.upperBound))\""
        }
        let step = field.kind == .integer ? "1" : "any"
        let mode = field.kind == .integer && (field.numberKind?.range.lowerBound ?? 0) >= 0 ? "numeric" : "decimal"
        let shown = submitted ?? field.value.filter { $0 != "_" }
        input =
            "<input type=\"number\" \(common) value=\"\(e(shown))\"\(bounds) step=\"\(step)\" inputmode=\"\(mode)\">"
    case .date:
        input = "<input type=\"date\" \(common) value=\"\(e(value))\" pattern=\"\\d{4}-\\d{2}-\\d{2}\">"
    case .boolean:
        input = choice(common, options: ["true", "false"], selected: value)
    case .presence:
        input = choice(common, options: ["on", "off"], selected: value)
    }
    var html = "<div class=\"lab-field\(problems.isEmpty ? "" : " has-problem")\">"
    html += "<label for=\"\(id)\">\(e(field.label))</label>"
    html += "<span class=\"lab-input\">\(input)"
    if !field.unit.isEmpty && field.kind != .date { html += " <span class=\"lab-unit\">\(e(field.unit))</span>" }
    html += "</span>"
    html += "<small class=\"lab-range muted\" id=\"\(id)-range\">\(e(field.rangeText))</small>"
    if !field.comment.isEmpty {
        html += "<small class=\"lab-comment\" id=\"\(id)-comment\">\(e(field.comment))</small>"
    }
    if !problems.isEmpty {
        html += "<p class=\"lab-problem\" id=\"\(id)-problem\" role=\"alert\">"
        html += problems.map { e($0.message) }.joined(separator: "<br>")
        html += "</p>"
    }
    return html + "</div>\n"
}

/// A `<select>` of two words, the first for true, with the value's truth value selected (so
/// `yes` selects `true`); text that is neither is shown as a third, selected option.
private func choice(_ attributes: String, options: [String], selected: String) -> String {
    var html = "<select \(attributes)>"
    let truth = ScenarioForm.truth(selected)
    if truth == nil { html += "<option selected>\(e(selected))</option>" }
    for (index, option) in options.enumerated() {
        let chosen = truth == (index == 0)
        html += "<option value=\"\(option)\"\(chosen ? " selected" : "")>\(option)</option>"
    }
    return html + "</select>"
}

/// A bound as an `<input>` attribute: whole numbers without a fraction or exponent.
private func plain(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e18 ? String(Int64(value)) : String(value)
}

/// The lab's rules for the one stylesheet (`stylesheet` in Pages/Page.swift, which the page that
/// shows the form appends this to): fields that wrap on a phone, the comment in small text, a
/// problem in the warning colour, a pasted file's lines with their numbers.
let labStylesheet = """
    .lab-group { border: 1px solid #d5dee6; border-radius: .5rem; margin: .6rem 0; padding: 0 .8rem; }
    .lab-group summary { cursor: pointer; font-weight: 600; padding: .6rem 0; }
    .lab-group fieldset { border: 0; margin: 0; padding: 0 0 .6rem; min-width: 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .lab-field { display: flex; flex-wrap: wrap; gap: .2rem .8rem; align-items: baseline; padding: .45rem 0;
                 border-top: 1px solid #eef1f4; }
    .lab-field label { flex: 1 1 14rem; overflow-wrap: anywhere; }
    .lab-input { display: flex; gap: .4rem; align-items: baseline; flex: 0 1 auto; max-width: 100%; }
    .lab-input input, .lab-input select { min-width: 0; max-width: 100%; }
    .lab-unit, .lab-range { font-size: .85rem; }
    .lab-comment { flex: 1 1 100%; color: var(--muted); font-size: .8rem; overflow-wrap: anywhere; }
    .lab-problem { flex: 1 1 100%; margin: .2rem 0 0; color: var(--warn); font-weight: 600; }
    .lab-field.has-problem input, .lab-field.has-problem select { border-color: var(--warn); border-width: 2px; }
    .lab-source { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8rem; background: #f4f4f4;
                  padding: .4rem 0; border-radius: .3rem; }
    .lab-line { display: flex; gap: .6rem; padding: 0 .5rem; }
    .lab-line .ln { flex: 0 0 auto; color: var(--muted); text-align: right; min-width: 3ch; user-select: none; }
    .lab-line code { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 0; }
    .lab-line.has-error { background: #fdecea; } .lab-line.has-warning { background: #fff4db; }
    .lab-diagnostic { margin: 0 .5rem .2rem calc(3ch + 1.1rem); padding: .1rem .4rem; font-family: system-ui, sans-serif;
                      border-left: 3px solid var(--warn); color: var(--warn); overflow-wrap: anywhere; }
    .lab-diagnostic.warning { border-color: #8a5a00; color: #6b4600; }

    """
