import Foundation
import Impact
import RunRecords
import Simulation
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Observatory

/// Waits for the server's port.
actor PortBox {
    private var port: Int?
    private var waiters: [CheckedContinuation<Int, Never>] = []
    func set(_ value: Int) {
        port = value
        for waiter in waiters { waiter.resume(returning: value) }
        waiters = []
    }
    func get() async -> Int {
        if let port { return port }
        return await withCheckedContinuation { waiters.append($0) }
    }
}

struct BrowserTests {
    @Test(
        "Every page loads in headless Chromium with its key content and no console error; screenshots saved",
        .enabled(
            if: Chromium.path != nil || Chromium.inCI,
            "chromium is not installed (apt-get -y install chromium); .ci/run installs it and CI runs this test"
        )
    )
    func pagesInChromium() async throws {
        #expect(Chromium.path != nil, "chromium must be installed in CI (.ci/run installs it)")
        let made = try TinyRun.get()
        let observatory = Observatory(runsDirectory: made.root)
        let box = PortBox()
        let server = Task { try await observatory.serve(host: "127.0.0.1", port: 0) { await box.set($0) } }
        defer { server.cancel() }
        let port = await box.get()
        let view = try observatory.catalog.run(TinyRun.id)
        // A listed debtor whom callers hear a ringtone warning about (pilot provinces only).
        let listed = try #require(
            made.snapshots.first { snapshot in
                snapshot.subjectKind == .people && snapshot.lists.contains("dishonest_judgment_debtors")
                    && (try? view.creditReport(snapshot.subject).engine?.ringtoneWarning) != nil
            }
        )
        let name = made.population.name(of: listed.subject, tables: made.names).han
        let run = "/runs/\(TinyRun.id)"
        let pages: [(file: String, path: String, expected: [String])] = [
            ("runs", "/", [TinyRun.id, "3,000", "2014-01-01 to 2016-12-31"]),
            (
                "run", run,
                [
                    "impact report", "Key findings", "Punished: ", "province-map-title", "How it works", "Who it hit",
                    "<svg",
                ]
            ),
            ("scenario", run + "/scenario", ["Tiers of the personal score", "Monitoring sources"]),
            ("public-list", run + "/public-list", ["The public list", name, "********"]),
            (
                "person", run + "/people/\(listed.subject)",
                [
                    "Credit report", name, "Ringtone warning", "Measures in force",
                    "dishonest_judgment_debtors",
                ]
            ),
            (
                "try", run + "/try?person=\(listed.subject)&action=buy_flight",
                ["Blocked", "The chain of reasons", "list_flight_ban"]
            ),
        ]
        #expect(view.traced.count == TinyRun.population)
        // Screenshots, for a person to look at, in .build/observatory-screenshots.
        let shots = try Chromium.screenshotFolder("observatory-screenshots")
        for page in pages {
            let url = "http://127.0.0.1:\(port)\(page.path)"
            let dom = try Chromium.run(["--dump-dom", "--enable-logging=stderr", "--v=0"], url: url)
            #expect(dom.status == 0, "chromium failed on \(page.path): \(dom.err.suffix(400))")
            for text in page.expected { #expect(dom.out.contains(text), "\(page.path) lacks '\(text)'") }
            let console = dom.err.split(separator: "\n").filter {
                $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("Refused")
            }
            #expect(console.isEmpty, "\(page.path): console errors \(console)")
            for (suffix, size) in [("desktop", "1280,1600"), ("phone", "390,1500")] {
                let file = shots.appendingPathComponent("\(page.file)-\(suffix).png").path
                try? FileManager.default.removeItem(atPath: file)
                let shot = try Chromium.run(["--screenshot=\(file)", "--window-size=\(size)"], url: url)
                let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                #expect(shot.status == 0 && bytes > 10_000, "no screenshot of \(page.path): \(shot.err.suffix(300))")
            }
        }
    }
}
