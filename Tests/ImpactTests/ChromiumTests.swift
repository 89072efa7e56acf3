import Foundation
import RunRecords
import TestSupport
import Testing

@testable import Impact

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The report as a person sees it: opened in headless Chromium (`Chromium` in TestSupport).
struct ChromiumTests {
    @Test(
        "report.html opens in headless Chromium: every chart's SVG is well formed and drawn, screenshots saved",
        .enabled(
            if: Chromium.path != nil || Chromium.inCI,
            "chromium is not installed (apt-get -y install chromium); .ci/run installs it and CI runs this test"
        )
    )
    func reportInChromium() throws {
        #expect(Chromium.path != nil, "chromium must be installed in CI (.ci/run installs it)")
        let folder = try SmallRun.make().folder
        let page = (folder as NSString).appendingPathComponent(ReportFiles.htmlName)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let report = Report(try RunData.load(directory: folder))
        let charts = report.charts.filter(\.hasData)
        #expect(charts.count >= 10)

        // Each SVG is well-formed XML with a title and drawn content.
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map {
            "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>"
        }
        #expect(svgs.count == charts.count)
        for svg in svgs {
            let parser = XMLParser(data: Data(svg.replacingOccurrences(of: "&nbsp;", with: " ").utf8))
            #expect(
                parser.parse(),
                "an SVG is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")\n\(svg.prefix(200))"
            )
            #expect(svg.contains("<title"))
            #expect(svg.contains("<path d=\"M") || svg.contains("<rect "), "an SVG draws nothing: \(svg.prefix(200))")
        }

        // Chromium's DOM holds every chart with its drawing, and it reported no error.
        let dom = try Chromium.run(["--dump-dom", "--enable-logging=stderr", "--v=0"], url: "file://\(page)")
        #expect(dom.status == 0, "chromium failed: \(dom.err.suffix(500))")
        #expect(dom.out.components(separatedBy: "<svg ").count - 1 == charts.count)
        for chart in charts { #expect(dom.out.contains("id=\"\(Markup.slug(chart.id))-title\"")) }
        let consoleErrors = dom.err.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(consoleErrors.isEmpty, "console errors: \(consoleErrors)")

        // Screenshots, for a person to look at, in .build/report-screenshots.
        let shots = try Chromium.screenshotFolder("report-screenshots")
        for (name, size) in [("report-desktop.png", "1100,7600"), ("report-narrow.png", "420,3000")] {
            let file = shots.appendingPathComponent(name).path
            try? FileManager.default.removeItem(atPath: file)
            let shot = try Chromium.run(["--screenshot=\(file)", "--window-size=\(size)"], url: "file://\(page)")
            let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            #expect(shot.status == 0 && bytes > 20_000, "no screenshot \(file): \(shot.err.suffix(300))")
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
