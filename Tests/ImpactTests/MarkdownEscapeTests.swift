import Foundation
import RunRecords
import Testing

@testable import Impact

/// The markdown report shows a scenario's text as written: a hostile label can become no
/// markup (emphasis, links, images, HTML, headings, lists, table cells, code fences).
struct MarkdownEscapeTests {
    static let hostile = "<script>alert(1)</script> **bold** _it_ [link](javascript:x) ![img](x) a|b ~~s~~ `c` &amp; \\"

    @Test(
        "Inline markup in a label is escaped character by character",
        arguments: [
            (
                hostile,
                "\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* \\_it\\_ \\[link\\](javascript:x) !\\[img\\](x) a\\|b \\~\\~s\\~\\~ \\`c\\` \\&amp; \\\\"
            ),
            ("# heading\n- item\n\n    code", "\\# heading - item      code"),
            ("  > quote", "\\> quote"),
            ("- starts a list", "\\- starts a list"),
            ("+ starts a list", "\\+ starts a list"),
            ("2014. a numbered list", "2014\\. a numbered list"),
            ("3) a numbered list", "3\\) a numbered list"),
            ("Ordinary text, 12.5% of 1,000 (a-b).", "Ordinary text, 12.5% of 1,000 (a-b)."),
            ("-50", "-50"),
            ("50.00%", "50.00%"),
            ("#1 in the list", "\\#1 in the list"),
        ]
    )
    func literal(text: String, expected: String) {
        #expect(Report.literal(text) == expected)
    }

    @Test("A table with a hostile label, caption and column keeps its shape: one row, two cells")
    func table() {
        let table = Table(
            caption: "Lists *of* <b>",
            columns: ["id", "label"],
            rows: [["black|list", "<img src=x onerror=alert(1)>\n| injected | row |"]],
            numeric: [false, false]
        )
        #expect(
            Report.markdown(table) == """
                **Lists \\*of\\* \\<b\\>**

                | id | label |
                | --- | --- |
                | black\\|list | \\<img src=x onerror=alert(1)\\> \\| injected \\| row \\| |
                """
        )
    }

    @Test("A code block is fenced longer than any run of backticks in it")
    func fence() {
        #expect(Report.markdown(.code("a ``` b")) == "````\na ``` b\n````")
        #expect(Report.markdown(.code("plain")) == "```\nplain\n```")
    }

    @Test("A count at the 64-bit limit is written out, not trapped on")
    func bigCount() {
        #expect(Format.count(Int.max) == "9,223,372,036,854,775,807")
        #expect(Chart.Format.grouped(9.3e18) == "9.3e+18")
        #expect(Chart.Format.grouped(.nan) == "–")
    }
}
