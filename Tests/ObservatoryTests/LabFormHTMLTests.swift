import Foundation
import SocialCredit
import TestSupport
import Testing

@testable import Observatory

/// The lab's HTML fragments on small scenarios written here: inputs named by path with their
/// values and bounds, comments and problems escaped and beside their fields, and a pasted
/// file's diagnostics beside their lines.
@Suite("Lab form HTML")
struct LabFormHTMLTests {
    /// The minimal scenario with a hostile comment on the coverage's line.
    static let text = ScenarioTexts.minimal.replacingOccurrences(
        of: "coverage: 0.2",
        with: "coverage: 0.2   # <script>alert(\"x\")</script> & more"
    )

    @Test("Fieldsets per group, inputs named by path with value, bounds, unit and comment")
    func form() throws {
        let form = try ScenarioForm(text: Self.text)
        let html = labFormHTML(form)
        #expect(html.contains("<details class=\"lab-group\" id=\"group-sources\">"))
        #expect(
            html.contains("<summary>Source coverage and false attribution <span class=\"muted\">(2)</span></summary>")
        )
        #expect(
            html.contains(
                "name=\"sources.cctv.coverage\" title=\"share of occurrences it records while in force\""
            )
        )
        #expect(html.contains("value=\"0.2\" min=\"0\" max=\"1\" step=\"any\" inputmode=\"decimal\">"))
        #expect(html.contains("value=\"365\" min=\"0\" max=\"32000\" step=\"1\" inputmode=\"numeric\">"))
        #expect(html.contains("<span class=\"lab-unit\">share</span>"))
        #expect(html.contains("<input type=\"date\" id=\"lab-field-1\" name=\"scenario.start\""))
        #expect(html.contains("<select id=\"lab-field-16\" name=\"measures.flight_ban\""))
        #expect(html.contains("<option value=\"on\" selected>on</option><option value=\"off\">off</option>"))
    }

    @Test("A comment holding a script is escaped")
    func escaping() throws {
        let html = labFormHTML(try ScenarioForm(text: Self.text))
        #expect(!html.contains("<script"))
        #expect(
            html.contains(
                "<small class=\"lab-comment\" id=\"lab-field-11-comment\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</small>"
            )
        )
    }

    @Test("Problems beside their fields, others above the groups, typed values kept")
    func problems() throws {
        let form = try ScenarioForm(text: Self.text)
        let problems = [
            ScenarioForm.Problem(path: "sources.cctv.coverage", message: "cctv coverage (share): must be <1>"),
            ScenarioForm.Problem(path: "", message: "the edited scenario cannot be written"),
        ]
        let html = labFormHTML(form, problems: problems, submitted: ["sources.cctv.coverage": "1.5\"x"])
        #expect(html.contains("<details class=\"lab-group\" id=\"group-sources\" open>"))
        #expect(html.contains("<details class=\"lab-group\" id=\"group-rules\">"))
        #expect(html.contains("value=\"1.5&quot;x\""))
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html.contains("role=\"alert\">cctv coverage (share): must be &lt;1&gt;</p></div>"))
        #expect(html.contains("<li>the edited scenario cannot be written</li>"))
    }

    @Test("A pasted file: numbered lines, each diagnostic under its line")
    func pasted() {
        let text = "scenario:\n  name: <b>\nscore:\n  initial: x\n"
        let diagnostics = [
            Diagnostic(
                file: "f",
                location: SourceLocation(line: 4, column: 12),
                path: "score.initial",
                message: "expected a number, found text 'x'"
            ),
            Diagnostic(severity: .warning, file: "f", location: nil, path: "", message: "whole <file>"),
        ]
        let html = labCheckHTML(text: text, diagnostics: diagnostics)
        #expect(html.contains("1 error and 1 warning"))
        #expect(
            html.contains(
                "<div class=\"lab-line\" id=\"L2\"><span class=\"ln\">2</span><code>  name: &lt;b&gt;</code></div>"
            )
        )
        #expect(
            html.contains(
                "<div class=\"lab-line has-error\" id=\"L4\"><span class=\"ln\">4</span><code>  initial: x</code></div>\n<div class=\"lab-diagnostic error\" role=\"note\">error, line 4, column 12: score.initial: expected a number, found text 'x'</div>"
            )
        )
        #expect(
            html.contains(
                "<li><span class=\"lab-diagnostic warning\" role=\"note\">warning: whole &lt;file&gt;</span></li>"
            )
        )
        // The text ends with a line end: the empty fifth line is shown too.
        #expect(html.contains("id=\"L5\""))
        #expect(!html.contains("id=\"L6\""))
    }

    @Test("The seed scenario's check diagnostics land on their lines")
    func seedBroken() {
        let text = ScenarioTexts.minimal.replacingOccurrences(of: "coverage: 0.2", with: "coverage: 2")
        let reading = Scenario.read(text, file: "pasted.yaml")
        let html = labCheckHTML(text: text, diagnostics: reading.diagnostics)
        #expect(reading.errors.map { $0.location?.line } == [23])
        #expect(
            html.contains(
                "<div class=\"lab-line has-error\" id=\"L23\"><span class=\"ln\">23</span><code>    coverage: 2</code></div>"
            )
        )
    }
}
